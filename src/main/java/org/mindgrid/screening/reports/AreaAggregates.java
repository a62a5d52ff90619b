package org.mindgrid.screening.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Post;
import org.mindgrid.identity.Role;
import org.mindgrid.screening.reports.AreaReport.Column;
import org.mindgrid.screening.reports.AreaReport.Count;
import org.mindgrid.screening.reports.AreaReport.Kind;
import org.mindgrid.screening.reports.AreaReport.Level;
import org.mindgrid.screening.reports.AreaReport.Line;
import org.mindgrid.screening.reports.ReportData.Completion;
import org.mindgrid.screening.reports.ReportData.Result;
import org.mindgrid.screening.reports.ReportQueries.Place;
import org.mindgrid.screening.reports.ScaleCatalog.ScaleInfo;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * District and city aggregates of the campaigns opened in a window (default: the last 365 days): never a name, and
 * every count under five students suppressed, with complementary cells where a sum would tell it. A district
 * officer reads their district (a row per school); a city officer the city (a row per district) or any district
 * of the city. Nobody else (403).
 */
@Service
public class AreaAggregates {

	private final ReportQueries queries;

	private final ScaleCatalog scales;

	private final ReportWords words;

	private final CurrentUsers users;

	private final AuditLog audit;

	private final Clock clock;

	AreaAggregates(ReportQueries queries, ScaleCatalog scales, ReportWords words, CurrentUsers users, AuditLog audit,
			Clock clock) {
		this.queries = queries;
		this.scales = scales;
		this.words = words;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	/** The district the caller reads: their own as district officer, or {@code districtId} of their city. */
	public long districtFor(Long districtId) {
		CurrentUser user = users.current();
		Long own = user.posts().stream().filter(p -> p.role() == Role.DISTRICT_OFFICER && p.districtId() != null)
			.map(Post::districtId).findFirst().orElse(null);
		Long city = cityOf(user);
		if (own == null && city == null) {
			throw ApiProblem.forbidden("screening.report.problem.area");
		}
		if (districtId == null) {
			if (own != null) {
				return own;
			}
			throw ApiProblem.badRequest("screening.report.problem.district-required");
		}
		if (own != null && own.longValue() == districtId) {
			return districtId;
		}
		if (city != null && queries.cityOfDistrict(districtId).filter(city::equals).isPresent()) {
			return districtId;
		}
		throw ApiProblem.notFound("problem.not-found");
	}

	/** The caller's city as city officer, else 403. */
	public long cityFor() {
		Long city = cityOf(users.current());
		if (city == null) {
			throw ApiProblem.forbidden("screening.report.problem.area");
		}
		return city;
	}

	private static Long cityOf(CurrentUser user) {
		return user.posts().stream().filter(p -> p.role() == Role.CITY_OFFICER && p.cityId() != null)
			.map(Post::cityId).findFirst().orElse(null);
	}

	/** The window's days: {@code to} defaults to today, {@code from} to 365 days before it. */
	public LocalDate[] window(LocalDate from, LocalDate to) {
		LocalDate end = to != null ? to : LocalDate.now(clock);
		LocalDate start = from != null ? from : end.minusDays(365);
		if (start.isAfter(end)) {
			throw ApiProblem.badRequest("screening.report.problem.window").with("field", "from");
		}
		return new LocalDate[] { start, end };
	}

	@Transactional
	public AreaReport district(long districtId, LocalDate from, LocalDate to, Locale locale) {
		Place district = queries.district(districtId).orElseThrow(() -> ApiProblem.notFound("problem.not-found"));
		List<Place> schools = queries.schoolsOfDistrict(districtId);
		Map<Long, Long> rowOf = new LinkedHashMap<>();
		schools.forEach(s -> rowOf.put(s.id(), s.id()));
		AreaReport report = build(Level.DISTRICT, district, schools, rowOf, from, to, locale);
		audit.record("SCREENING_AGGREGATES_READ", "screening/district/" + districtId, null, from + ".." + to);
		return report;
	}

	@Transactional
	public AreaReport city(long cityId, LocalDate from, LocalDate to, Locale locale) {
		List<Place> districts = queries.districtsOfCity(cityId);
		Map<Long, Long> rowOf = queries.schoolDistricts(cityId);
		AreaReport report = build(Level.CITY, new Place(cityId, words.msg("screening.report.city", locale)), districts,
				rowOf, from, to, locale);
		audit.record("SCREENING_AGGREGATES_READ", "screening/city/" + cityId, null, from + ".." + to);
		return report;
	}

	private AreaReport build(Level level, Place place, List<Place> rows, Map<Long, Long> rowOfSchool, LocalDate from,
			LocalDate to, Locale locale) {
		ZoneId zone = clock.getZone();
		var start = from.atStartOfDay(zone).toInstant();
		var end = to.plusDays(1).atStartOfDay(zone).toInstant();
		Map<Long, Completion> completion = queries.completionBySchool(rowOfSchool.keySet(), start, end);
		List<Result> results = queries.resultsOfSchools(rowOfSchool.keySet(), start, end);
		Set<String> present = new HashSet<>();
		results.forEach(r -> present.add(r.scaleId()));
		List<ScaleInfo> shown = new ArrayList<>();
		for (ScaleInfo s : scales.all()) {
			if (present.remove(s.id())) {
				shown.add(s);
			}
		}
		present.forEach(id -> shown.add(scales.get(id)));

		List<Column> columns = new ArrayList<>();
		List<String> header = new ArrayList<>();
		header.add(words.msg(level == Level.DISTRICT ? "screening.report.school" : "screening.report.district", locale));
		columns.add(new Column(Kind.INVITED, null, null));
		header.add(words.msg("screening.report.invited", locale));
		columns.add(new Column(Kind.COMPLETED, null, null));
		header.add(words.msg("screening.report.completed", locale));
		columns.add(new Column(Kind.FLAGGED, null, null));
		header.add(words.msg("screening.report.flagged", locale));
		List<int[]> groups = new ArrayList<>();
		for (ScaleInfo s : shown) {
			int first = columns.size();
			columns.add(new Column(Kind.SCALE_RESULTS, s.id(), null));
			header.add(words.msg("screening.report.area.results", locale, words.scaleShort(s, locale)));
			List<String> bands = words.bands(s, locale);
			for (int i = 0; i < s.bands().size(); i++) {
				columns.add(new Column(Kind.BAND, s.id(), s.bands().get(i).level()));
				header.add(words.scaleShort(s, locale) + " · " + bands.get(i));
			}
			int[] group = new int[s.bands().size() + 1];
			for (int i = 0; i < group.length; i++) {
				group[i] = first + i;
			}
			if (group.length > 1) {
				groups.add(group);
			}
		}
		Map<Long, Integer> index = new LinkedHashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			index.put(rows.get(i).id(), i);
		}
		long[][] values = new long[rows.size() + 1][columns.size()];
		rowOfSchool.forEach((school, row) -> {
			Completion c = completion.get(school);
			Integer i = index.get(row);
			if (c != null && i != null) {
				values[i][0] += c.invited();
				values[i][1] += c.completed();
			}
		});
		Map<String, Integer> scaleColumn = new LinkedHashMap<>();
		for (int c = 0; c < columns.size(); c++) {
			if (columns.get(c).kind() == Kind.SCALE_RESULTS) {
				scaleColumn.put(columns.get(c).scaleId(), c);
			}
		}
		Function<String, ScaleInfo> scaleOf = id -> scales.get(id);
		Set<String> flaggedStudents = new HashSet<>();
		for (Result r : results) {
			Long row = rowOfSchool.get(r.schoolId());
			Integer i = row == null ? null : index.get(row);
			if (i == null) {
				continue;
			}
			Integer c = scaleColumn.get(r.scaleId());
			if (c != null) {
				values[i][c]++;
				int band = GroupStats.summaryBand(scaleOf.apply(r.scaleId()), r);
				if (band >= 0) {
					values[i][c + 1 + band]++;
				}
			}
			// a student counts once per row however many scales flagged them
			if (r.flagged() && flaggedStudents.add(i + "/" + r.studentId())) {
				values[i][2]++;
			}
		}
		int total = rows.size();
		for (int i = 0; i < rows.size(); i++) {
			for (int c = 0; c < columns.size(); c++) {
				values[total][c] += values[i][c];
			}
		}
		Suppression.Hidden[][] hidden = Suppression.apply(values, groups);
		List<Line> lines = new ArrayList<>();
		for (int i = 0; i <= rows.size(); i++) {
			List<Count> cells = new ArrayList<>();
			for (int c = 0; c < columns.size(); c++) {
				cells.add(new Count(values[i][c], hidden[i][c]));
			}
			lines.add(new Line(i < rows.size() ? rows.get(i).id() : null,
					i < rows.size() ? rows.get(i).name() : words.msg("screening.report.all", locale), cells));
		}
		String title = words.msg(level == Level.DISTRICT ? "screening.report.area.district-title"
				: "screening.report.area.city-title", locale, place.name());
		return new AreaReport(level, place.id(), place.name(), title, from, to, List.copyOf(columns),
				List.copyOf(header), List.copyOf(lines));
	}
}
