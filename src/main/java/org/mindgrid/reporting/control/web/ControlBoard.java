package org.mindgrid.reporting.control.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.mindgrid.reporting.control.ControlClasses;
import org.mindgrid.reporting.control.ControlClasses.Assignment;
import org.mindgrid.reporting.control.ControlClasses.Signals;
import org.mindgrid.reporting.control.ControlClasses.Suggestion;
import org.mindgrid.reporting.indicator.IndicatorStatus;
import org.mindgrid.reporting.indicator.Indicators;
import org.mindgrid.reporting.indicator.Indicators.DistrictRow;
import org.mindgrid.reporting.indicator.Indicators.Item;
import org.mindgrid.reporting.indicator.Indicators.SchoolRow;

import org.springframework.stereotype.Component;

/**
 * The control classes as a dashboard reads them: one row per district of a city or per school of a district, with
 * the class in force, the signals (this month's red indicators, the last year's crisis events) and the suggestion.
 */
@Component
public class ControlBoard {

	/** Stages with a junior secondary section: the seed asks for closer supervision of those. */
	private static final Set<String> JUNIOR = Set.of("JUNIOR", "NINE_YEAR", "COMPLETE_SECONDARY");

	public record Row(String level, long id, String name, long red, long events, long severe, boolean stricter,
			Suggestion suggested, Assignment current) {
	}

	private final ControlClasses classes;

	private final Indicators indicators;

	ControlBoard(ControlClasses classes, Indicators indicators) {
		this.classes = classes;
		this.indicators = indicators;
	}

	public List<Row> districts(long cityId, Locale locale) {
		return districts(cityId, indicators.cityDistricts(cityId, indicators.currentMonth(), locale).items());
	}

	/** @param table the city's districts × indicators of the month the dashboard shows */
	public List<Row> districts(long cityId, List<DistrictRow> table) {
		Map<Long, Assignment> current = classes.ofDistricts(cityId);
		Map<Long, long[]> events = classes.districtEvents(cityId);
		List<Row> rows = new ArrayList<>();
		for (DistrictRow d : table) {
			long[] e = events.getOrDefault(d.districtId(), new long[2]);
			long red = red(d.indicators());
			rows.add(new Row("district", d.districtId(), d.district(), red, e[0], e[1], false,
					ControlClasses.suggest(new Signals(e[0], e[1], red, false)), current.get(d.districtId())));
		}
		return rows;
	}

	public List<Row> schools(long districtId, Locale locale) {
		return schools(districtId, indicators.districtSchools(districtId, indicators.currentMonth(), locale).items());
	}

	/** @param table the district's schools × indicators of the month the dashboard shows */
	public List<Row> schools(long districtId, List<SchoolRow> table) {
		Map<Long, Assignment> current = classes.ofSchools(districtId);
		Map<Long, long[]> events = classes.schoolEvents(districtId);
		List<Row> rows = new ArrayList<>();
		for (SchoolRow s : table) {
			long[] e = events.getOrDefault(s.schoolId(), new long[2]);
			long red = red(s.indicators());
			boolean stricter = "URBAN".equals(s.locale()) || "PRIVATE".equals(s.ownership()) || JUNIOR.contains(s.stage());
			rows.add(new Row("school", s.schoolId(), s.school(), red, e[0], e[1], stricter,
					ControlClasses.suggest(new Signals(e[0], e[1], red, stricter)), current.get(s.schoolId())));
		}
		return rows;
	}

	public boolean isCityOfficer(long cityId) {
		return classes.isCityOfficer(cityId);
	}

	public boolean isCityOfficerOfDistrict(long districtId) {
		return classes.isCityOfficerOfDistrict(districtId);
	}

	private static long red(List<Item> items) {
		return items.stream().filter(i -> i.status() == IndicatorStatus.RED).count();
	}
}
