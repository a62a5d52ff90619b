package org.mindgrid.shared.web;

import java.util.List;

/**
 * A page of a list, as every list endpoint answers it: {@code {"items","total","page","size"}}, and
 * {@code totalCapped} when the list holds more than {@code total} = {@link #COUNT_CAP} (issue 11 point 2: a count
 * is exact when small and capped when large, so that it costs no more than the page).
 */
public record Page<T>(List<T> items, long total, int page, int size, boolean totalCapped) {

	public static final int MAX_SIZE = 200;

	/** Counts stop here: "10,000+". */
	public static final int COUNT_CAP = 10_000;

	public Page {
		items = List.copyOf(items);
	}

	public Page(List<T> items, long total, int page, int size) {
		this(items, total, page, size, false);
	}

	/** A page whose count ran with {@code limit COUNT_CAP + 1}. */
	public static <T> Page<T> capped(List<T> items, long counted, int page, int size) {
		return new Page<>(items, Math.min(counted, COUNT_CAP), page, size, counted > COUNT_CAP);
	}

	public int pages() {
		return size == 0 ? 0 : (int) ((total + size - 1) / size);
	}

	/** Page numbers start at 0; size is clamped to 1..200. */
	public static int clampSize(Integer size) {
		if (size == null) {
			return 20;
		}
		return Math.max(1, Math.min(MAX_SIZE, size));
	}

	public static int clampPage(Integer page) {
		return page == null ? 0 : Math.max(0, page);
	}
}
