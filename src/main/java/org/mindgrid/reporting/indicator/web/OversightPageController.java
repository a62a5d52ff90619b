package org.mindgrid.reporting.indicator.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Post;
import org.mindgrid.identity.Role;
import org.mindgrid.reporting.indicator.IndicatorStatus;
import org.mindgrid.reporting.indicator.IndicatorStore;
import org.mindgrid.reporting.indicator.Indicators;
import org.mindgrid.reporting.indicator.Indicators.Item;
import org.mindgrid.reporting.indicator.Indicators.Level;
import org.mindgrid.reporting.indicator.Indicators.SchoolRow;
import org.mindgrid.reporting.control.web.ControlBoard;
import org.mindgrid.reporting.indicator.CategoryTrend;
import org.mindgrid.reporting.indicator.DistrictFacts;
import org.mindgrid.reporting.indicator.SchoolFacts;
import org.mindgrid.reporting.period.HighRiskPeriods;
import org.mindgrid.shared.web.ApiProblem;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The oversight dashboards (issue 12 points 3–5): a school's indicators with the classes and people behind each
 * miss, its warning database and overdue duties; a district's schools × indicators with filters and the month's
 * ranking; a city's districts × indicators. {@code /oversight} takes each reader to their own.
 */
@Controller
class OversightPageController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Indicators indicators;

	private final SchoolFacts facts;

	private final CurrentUsers users;

	private final HighRiskPeriods periods;

	/** The months a school's or district's trend shows; the city's shows two school years by semester. */
	static final int TREND_MONTHS = 12;

	static final int CITY_TREND_MONTHS = 24;

	private final DistrictFacts districtFacts;

	private final MessageSource messages;

	private final ControlBoard control;

	OversightPageController(Indicators indicators, SchoolFacts facts, DistrictFacts districtFacts, CurrentUsers users,
			HighRiskPeriods periods, MessageSource messages, ControlBoard control) {
		this.control = control;
		this.districtFacts = districtFacts;
		this.messages = messages;
		this.indicators = indicators;
		this.facts = facts;
		this.users = users;
		this.periods = periods;
	}

	@GetMapping("/oversight")
	String home() {
		CurrentUser user = users.current();
		for (Post p : user.posts()) {
			if (p.schoolId() != null && p.role().isSchoolLevel()) {
				return "redirect:/oversight/schools/" + p.schoolId();
			}
		}
		for (Post p : user.posts()) {
			if (p.role() == Role.DISTRICT_OFFICER && p.districtId() != null) {
				return "redirect:/oversight/districts/" + p.districtId();
			}
			if (p.role() == Role.CITY_OFFICER && p.cityId() != null) {
				return "redirect:/oversight/cities/" + p.cityId();
			}
		}
		throw ApiProblem.forbidden("indicator.problem.forbidden");
	}

	/** A unit that missed its rule, in words: a class, a person, or a class with its count of students. */
	record Miss(String label, Long count) {
	}

	@GetMapping("/oversight/schools/{id}")
	String school(@PathVariable long id, @RequestParam(required = false) String period, Model model, Locale locale) {
		YearMonth month = month(period);
		var report = indicators.report(Level.SCHOOL, id, month, locale);
		SchoolFacts.Place place = facts.school(id);
		boolean ownStaff = users.current().hasRoleAtSchool(id, Role.SCHOOL_LEADER, Role.SCHOOL_ADMIN, Role.PSYCH_TEACHER,
				Role.CRISIS_TEAM);
		Map<String, List<Miss>> missed = new LinkedHashMap<>();
		if (ownStaff) {
			Map<Long, String> classes = facts.classNames(id);
			Map<Long, String> staff = facts.staffNames(id);
			indicators.missed(id, month).forEach((indicator, m) -> missed.put(indicator, misses(m, classes, staff)));
			model.addAttribute("cases", facts.openCases(id));
			model.addAttribute("crises", districtFacts.schoolCrisisEvents(id, month));
			model.addAttribute("categories", categories(facts.categoryTrend(id, month, TREND_MONTHS), locale));
			model.addAttribute("overdue", facts.overdueByPerson(id));
		}
		model.addAttribute("place", place);
		model.addAttribute("periods", periods.current(place.districtId()));
		model.addAttribute("report", report);
		model.addAttribute("missed", missed);
		model.addAttribute("ownStaff", ownStaff);
		model.addAttribute("summary", summary(report.items()));
		model.addAttribute("chart", chart(report.items()));
		model.addAttribute("trend", lines(indicators.trend(Level.SCHOOL, id, month, TREND_MONTHS, locale)));
		model.addAttribute("period", month.toString());
		return "reporting/school";
	}

	@GetMapping("/oversight/districts/{id}")
	String district(@PathVariable long id, @RequestParam(required = false) String period,
			@RequestParam(required = false) String ownership, @RequestParam(required = false) String locale,
			@RequestParam(required = false) String stage, Model model, Locale language) {
		YearMonth month = month(period);
		var report = indicators.report(Level.DISTRICT, id, month, language);
		var table = indicators.districtSchools(id, month, language);
		List<SchoolRow> rows = new ArrayList<>(table.items().stream()
			.filter(r -> blank(ownership) || ownership.equals(r.ownership()))
			.filter(r -> blank(locale) || locale.equals(r.locale()))
			.filter(r -> blank(stage) || stage.equals(r.stage()))
			.toList());
		// the month's ranking (晾晒): most indicators met first, then fewest missed
		rows.sort(Comparator.comparingLong((SchoolRow r) -> -count(r.indicators(), IndicatorStatus.GREEN))
			.thenComparingLong(r -> count(r.indicators(), IndicatorStatus.RED))
			.thenComparing(SchoolRow::school));
		model.addAttribute("districtName", facts.districtName(id));
		model.addAttribute("warnings", districtFacts.warningDatabase(id));
		model.addAttribute("control", control.schools(id, table.items()));
		model.addAttribute("canAssign", control.isCityOfficerOfDistrict(id));
		model.addAttribute("crises", districtFacts.crisisEvents(id, month));
		model.addAttribute("periods", periods.current(id));
		model.addAttribute("districtId", id);
		model.addAttribute("report", report);
		model.addAttribute("rows", rows);
		model.addAttribute("columns", rows.isEmpty() ? List.of() : rows.get(0).indicators());
		model.addAttribute("summary", summary(report.items()));
		model.addAttribute("chart", chart(report.items()));
		model.addAttribute("trend", lines(indicators.trend(Level.DISTRICT, id, month, TREND_MONTHS, language)));
		model.addAttribute("categories", categories(districtFacts.categoryTrend(id, month, TREND_MONTHS), language));
		model.addAttribute("period", month.toString());
		model.addAttribute("ownership", ownership);
		model.addAttribute("localeFilter", locale);
		model.addAttribute("stage", stage);
		return "reporting/district";
	}

	@GetMapping("/oversight/cities/{id}")
	String city(@PathVariable long id, @RequestParam(required = false) String period, Model model, Locale locale) {
		YearMonth month = month(period);
		var report = indicators.report(Level.CITY, id, month, locale);
		var table = indicators.cityDistricts(id, month, locale);
		model.addAttribute("cityName", facts.cityName(id));
		model.addAttribute("cityId", id);
		model.addAttribute("control", control.districts(id, table.items()));
		model.addAttribute("canAssign", control.isCityOfficer(id));
		model.addAttribute("report", report);
		model.addAttribute("rows", table.items());
		model.addAttribute("columns", table.items().isEmpty() ? List.of() : table.items().get(0).indicators());
		model.addAttribute("summary", summary(report.items()));
		model.addAttribute("chart", chart(report.items()));
		model.addAttribute("trend", lines(semesters(indicators.trend(Level.CITY, id, month, CITY_TREND_MONTHS, locale),
				locale)));
		model.addAttribute("period", month.toString());
		return "reporting/city";
	}

	/** Classes by name, people by name, students as a count per class (no student names on a dashboard). */
	private static List<Miss> misses(Indicators.Missed missed, Map<Long, String> classes, Map<Long, String> staff) {
		Map<String, Long> byClass = new LinkedHashMap<>();
		List<Miss> misses = new ArrayList<>();
		for (IndicatorStore.Unit u : missed.units()) {
			switch (missed.unit()) {
				case CLASS -> misses.add(new Miss(classes.getOrDefault(u.unitId(), "#" + u.unitId()), null));
				case STUDENT -> byClass.merge(u.classId() == null ? "—" : classes.getOrDefault(u.classId(), "#" + u.classId()),
						1L, Long::sum);
				default -> misses.add(new Miss(staff.getOrDefault(u.unitId(), "#" + u.unitId()), null));
			}
		}
		byClass.forEach((name, n) -> misses.add(new Miss(name, n)));
		return misses;
	}

	private static Map<String, Long> summary(List<Item> items) {
		Map<String, Long> summary = new LinkedHashMap<>();
		for (IndicatorStatus s : IndicatorStatus.values()) {
			summary.put(s.name(), count(items, s));
		}
		return summary;
	}

	private static long count(List<Item> items, IndicatorStatus status) {
		return items.stream().filter(i -> i.status() == status).count();
	}

	/** A line chart's data as oversight.js reads it: the periods and one series per line. */
	private static String lines(Indicators.Trend trend) {
		List<Map<String, Object>> series = new ArrayList<>();
		for (Indicators.Series x : trend.series()) {
			series.add(Map.of("name", x.name(), "data", x.values()));
		}
		return JSON.writeValueAsString(Map.of("periods", trend.periods(), "series", series));
	}

	private String categories(CategoryTrend trend, Locale locale) {
		List<Map<String, Object>> series = new ArrayList<>();
		for (int k = 0; k < 3; k++) {
			series.add(Map.of("name", messages.getMessage("oversight.warnings.category." + (k + 1), null, locale),
					"data", trend.categories().get(k)));
		}
		return JSON.writeValueAsString(Map.of("periods", trend.periods(), "series", series, "stack", true));
	}

	/**
	 * The city's trend by semester (spring: February to July; autumn: August to January, under the year it began):
	 * each semester's value is the mean of its months that have one.
	 */
	private Indicators.Trend semesters(Indicators.Trend months, Locale locale) {
		List<String> labels = new ArrayList<>();
		List<Integer> of = new ArrayList<>();
		for (String p : months.periods()) {
			YearMonth m = YearMonth.parse(p);
			boolean spring = m.getMonthValue() >= 2 && m.getMonthValue() <= 7;
			int year = m.getMonthValue() == 1 ? m.getYear() - 1 : m.getYear();
			String label = messages.getMessage(spring ? "oversight.semester.spring" : "oversight.semester.autumn",
					new Object[] { Integer.toString(year) }, locale);
			if (labels.isEmpty() || !labels.get(labels.size() - 1).equals(label)) {
				labels.add(label);
			}
			of.add(labels.size() - 1);
		}
		List<Indicators.Series> series = new ArrayList<>();
		for (Indicators.Series s : months.series()) {
			java.math.BigDecimal[] sum = new java.math.BigDecimal[labels.size()];
			int[] n = new int[labels.size()];
			for (int i = 0; i < s.values().size(); i++) {
				java.math.BigDecimal v = s.values().get(i);
				if (v != null) {
					int k = of.get(i);
					sum[k] = sum[k] == null ? v : sum[k].add(v);
					n[k]++;
				}
			}
			List<java.math.BigDecimal> values = new ArrayList<>();
			for (int k = 0; k < labels.size(); k++) {
				values.add(n[k] == 0 ? null : sum[k].divide(java.math.BigDecimal.valueOf(n[k]), 1, java.math.RoundingMode.DOWN));
			}
			series.add(new Indicators.Series(s.indicator(), s.name(), values));
		}
		return new Indicators.Trend(labels, series);
	}

	/** The chart's data: the indicators with a value, as ECharts reads them (oversight.js). */
	private static String chart(List<Item> items) {
		List<Map<String, Object>> data = new ArrayList<>();
		for (Item i : items) {
			if (i.value() != null) {
				Map<String, Object> point = new LinkedHashMap<>();
				point.put("name", i.name());
				point.put("value", i.value());
				point.put("target", i.target());
				point.put("status", i.status().name());
				data.add(point);
			}
		}
		return JSON.writeValueAsString(data);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private YearMonth month(String period) {
		if (blank(period)) {
			return indicators.currentMonth();
		}
		try {
			YearMonth month = YearMonth.parse(period.strip());
			return month.isAfter(indicators.currentMonth()) || month.getYear() < 2000 ? indicators.currentMonth() : month;
		}
		catch (DateTimeParseException e) {
			// a page keeps working on a hand-edited address: this month instead
			return indicators.currentMonth();
		}
	}
}
