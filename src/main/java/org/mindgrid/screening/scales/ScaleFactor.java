package org.mindgrid.screening.scales;

import java.util.List;
import java.util.Locale;

/** A factor (subscale) of a scale and the numbers of its items, in file order. */
public record ScaleFactor(String id, String nameZh, String nameEn, List<Integer> items) {

	public ScaleFactor {
		items = List.copyOf(items);
	}

	public String name(Locale locale) {
		return Scale.english(locale) && nameEn != null ? nameEn : nameZh;
	}
}
