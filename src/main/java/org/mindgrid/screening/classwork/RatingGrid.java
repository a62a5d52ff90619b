package org.mindgrid.screening.classwork;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.mindgrid.screening.scales.Scale;
import org.mindgrid.screening.scales.ScaleFactor;
import org.mindgrid.screening.scales.ScaleItem;

/**
 * The columns of an observer scale's grid: items grouped by subscale (in the file's factor order, items without a
 * factor last), each with its text in the reader's language for the sticky header's hover and the focus bar.
 */
public record RatingGrid(Scale scale, List<Group> groups, List<Column> columns, String legend) {

	public record Group(String code, String name, int span) {
	}

	public record Column(int no, String text, boolean groupStart, boolean critical) {
	}

	static RatingGrid of(Scale scale, Locale locale) {
		List<Group> groups = new ArrayList<>();
		List<Column> columns = new ArrayList<>();
		Set<Integer> placed = new LinkedHashSet<>();
		char code = 'A';
		for (ScaleFactor f : scale.factors()) {
			List<Integer> items = f.items().stream().filter(placed::add).toList();
			if (items.isEmpty()) {
				continue;
			}
			groups.add(new Group(String.valueOf(code++), f.name(locale), items.size()));
			for (int i = 0; i < items.size(); i++) {
				columns.add(column(scale, items.get(i), locale, i == 0));
			}
		}
		List<Integer> rest = scale.items().stream().map(ScaleItem::no).filter(placed::add).toList();
		if (!rest.isEmpty()) {
			groups.add(new Group("", "", rest.size()));
			for (int i = 0; i < rest.size(); i++) {
				columns.add(column(scale, rest.get(i), locale, i == 0));
			}
		}
		String legend = scale.options()
			.stream()
			.sorted((a, b) -> Integer.compare(a.value(), b.value()))
			.map(o -> o.value() + " = " + ("en".equals(locale.getLanguage()) && o.labelEn() != null ? o.labelEn()
					: o.labelZh()))
			.collect(Collectors.joining(" · "));
		return new RatingGrid(scale, List.copyOf(groups), List.copyOf(columns), legend);
	}

	private static Column column(Scale scale, int no, Locale locale, boolean start) {
		return new Column(no, scale.itemText(no, locale), start, scale.criticalItem(no).isPresent());
	}

	/** The allowed values as typed, e.g. "012". */
	public String keys() {
		return scale.options().stream().map(o -> String.valueOf(o.value())).sorted().collect(Collectors.joining());
	}
}
