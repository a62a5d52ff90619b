package org.mindgrid.shared.web;

import java.util.List;

/** A page of a list, as every list endpoint answers it: {@code {"items","total","page","size"}}. */
public record Page<T>(List<T> items, long total, int page, int size) {

	public static final int MAX_SIZE = 200;

	public Page {
		items = List.copyOf(items);
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
