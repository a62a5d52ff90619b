package org.mindgrid.reporting.indicator.web;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.reporting.indicator.DistrictFacts;
import org.mindgrid.reporting.indicator.Indicators;
import org.mindgrid.reporting.indicator.Indicators.DistrictRow;
import org.mindgrid.reporting.indicator.Indicators.Item;
import org.mindgrid.reporting.indicator.Indicators.Level;
import org.mindgrid.reporting.indicator.Indicators.SchoolRow;
import org.mindgrid.reporting.indicator.SchoolFacts;
import org.mindgrid.reporting.indicator.web.DashboardWorkbook.Table;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboards' tables as xlsx (issue 12 point 7). The same reads as the pages, so the same access checks and
 * small-cell rule; every export is audited (point 8). Each file has an API path (bearer token) and a page path (the
 * dashboard's link, signed in with a session, which the API does not take).
 */
@RestController
class DashboardExportController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Indicators indicators;

	private final SchoolFacts facts;

	private final DistrictFacts districtFacts;

	private final DashboardWorkbook workbook;

	private final AuditLog audit;

	DashboardExportController(Indicators indicators, SchoolFacts facts, DistrictFacts districtFacts,
			DashboardWorkbook workbook, AuditLog audit) {
		this.indicators = indicators;
		this.facts = facts;
		this.districtFacts = districtFacts;
		this.workbook = workbook;
		this.audit = audit;
	}

	@Operation(summary = "A school's dashboard indicators as xlsx", description = "Readers as for the school's indicators.")
	@GetMapping({ "/api/v1/oversight/schools/{id}/export.xlsx", "/oversight/schools/{id}/export.xlsx" })
	ResponseEntity<byte[]> school(@Parameter(description = "School id") @PathVariable long id,
			@Parameter(description = "Month, e.g. 2026-11") @RequestParam(required = false) String period, Locale locale) {
		YearMonth month = month(period);
		var report = indicators.report(Level.SCHOOL, id, month, locale);
		String place = facts.school(id).name();
		List<List<Object>> rows = new ArrayList<>();
		for (Item i : report.items()) {
			rows.add(List.of(i.name(), i.rule(), workbook.cell(i, locale), i.target() == null ? "" : i.target(),
					workbook.msg("indicator.status." + i.status().name(), locale)));
		}
		Table table = new Table(workbook.msg("oversight.export.indicators", locale), List.of(
				workbook.msg("oversight.export.indicator", locale), workbook.msg("oversight.export.rule", locale),
				workbook.msg("oversight.export.value", locale), workbook.msg("oversight.export.target", locale),
				workbook.msg("oversight.export.status", locale)), rows);
		return file("school", id, place, month, List.of(table), locale);
	}

	@Operation(summary = "A district's schools × indicators and warning counts per school as xlsx",
			description = "The district's and city's officers; small cells as on the page.")
	@GetMapping({ "/api/v1/oversight/districts/{id}/export.xlsx", "/oversight/districts/{id}/export.xlsx" })
	ResponseEntity<byte[]> district(@Parameter(description = "District id") @PathVariable long id,
			@Parameter(description = "Month, e.g. 2026-11") @RequestParam(required = false) String period, Locale locale) {
		YearMonth month = month(period);
		var table = indicators.districtSchools(id, month, locale);
		List<String> header = new ArrayList<>(List.of(workbook.msg("oversight.col.school", locale)));
		if (!table.items().isEmpty()) {
			table.items().get(0).indicators().forEach(i -> header.add(i.name()));
		}
		List<List<Object>> rows = new ArrayList<>();
		for (SchoolRow r : table.items()) {
			List<Object> row = new ArrayList<>(List.of(r.school()));
			r.indicators().forEach(i -> row.add(workbook.cell(i, locale)));
			rows.add(row);
		}
		List<List<Object>> warnings = new ArrayList<>();
		for (DistrictFacts.WarningRow w : districtFacts.warningDatabase(id)) {
			List<Object> row = new ArrayList<>(List.of(w.school()));
			row.addAll(w.counts().cells());
			row.add(w.counts().total());
			warnings.add(row);
		}
		List<List<Object>> crises = new ArrayList<>();
		for (DistrictFacts.CrisisLine c : districtFacts.crisisEvents(id, month)) {
			crises.add(List.of(c.school(), workbook.msg("crisis.kind." + c.kind(), locale), c.raisedAt().toString(),
					workbook.msg("crisis.report.status." + c.reportStatus(), locale, c.lateMinutes())));
		}
		List<Table> tables = List.of(
				new Table(workbook.msg("oversight.export.schools", locale), header, rows),
				new Table(workbook.msg("oversight.district.warnings", locale), List.of(
						workbook.msg("oversight.col.school", locale), workbook.msg("oversight.warnings.category.1", locale),
						workbook.msg("oversight.warnings.category.2", locale),
						workbook.msg("oversight.warnings.category.3", locale),
						workbook.msg("oversight.warnings.total", locale)), warnings),
				new Table(workbook.msg("oversight.export.crises", locale), List.of(
						workbook.msg("oversight.col.school", locale), workbook.msg("oversight.crisis.kind", locale),
						workbook.msg("oversight.crisis.raised", locale), workbook.msg("oversight.crisis.clock", locale)),
						crises));
		return file("district", id, facts.districtName(id), month, tables, locale);
	}

	@Operation(summary = "A city's districts × indicators as xlsx", description = "The city's officers.")
	@GetMapping({ "/api/v1/oversight/cities/{id}/export.xlsx", "/oversight/cities/{id}/export.xlsx" })
	ResponseEntity<byte[]> city(@Parameter(description = "City id") @PathVariable long id,
			@Parameter(description = "Month, e.g. 2026-11") @RequestParam(required = false) String period, Locale locale) {
		YearMonth month = month(period);
		var table = indicators.cityDistricts(id, month, locale);
		List<String> header = new ArrayList<>(List.of(workbook.msg("oversight.export.district", locale)));
		if (!table.items().isEmpty()) {
			table.items().get(0).indicators().forEach(i -> header.add(i.name()));
		}
		List<List<Object>> rows = new ArrayList<>();
		for (DistrictRow r : table.items()) {
			List<Object> row = new ArrayList<>(List.of(r.district()));
			r.indicators().forEach(i -> row.add(workbook.cell(i, locale)));
			rows.add(row);
		}
		return file("city", id, facts.cityName(id), month,
				List.of(new Table(workbook.msg("oversight.export.districts", locale), header, rows)), locale);
	}

	private ResponseEntity<byte[]> file(String level, long id, String place, YearMonth month, List<Table> tables,
			Locale locale) {
		byte[] bytes = workbook.workbook(place, month, tables, locale);
		audit.record("DASHBOARD_EXPORT", "oversight/" + level + "/" + id + "/" + month, null, null);
		String name = workbook.msg("oversight.export.filename", locale, place, month.toString()) + ".xlsx";
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(bytes);
	}

	private YearMonth month(String period) {
		if (period == null || period.isBlank()) {
			return indicators.currentMonth();
		}
		try {
			YearMonth month = YearMonth.parse(period.strip());
			return month.isAfter(indicators.currentMonth()) || month.getYear() < 2000 ? indicators.currentMonth() : month;
		}
		catch (DateTimeParseException e) {
			return indicators.currentMonth();
		}
	}
}
