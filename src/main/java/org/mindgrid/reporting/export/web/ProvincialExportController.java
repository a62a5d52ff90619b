package org.mindgrid.reporting.export.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.mindgrid.shared.web.FieldProblems;
import org.mindgrid.reporting.export.ProvincialExport;
import org.mindgrid.reporting.export.ProvincialExport.CaseRow;
import org.mindgrid.reporting.export.ProvincialExport.EventRow;
import org.mindgrid.reporting.export.ProvincialExport.Export;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The provincial platform's export (issue 12 point 9; the fields are documented in docs/provincial-export.md). */
@RestController
class ProvincialExportController {

	private final ProvincialExport exports;

	private final FieldProblems problems;

	ProvincialExportController(ProvincialExport exports, FieldProblems problems) {
		this.exports = exports;
		this.problems = problems;
	}

	@Operation(summary = "The warning database and crisis events for the provincial platform",
			description = "schoolId or districtId (one of them), from and to (ISO dates, at most 400 days). "
					+ "format json (both parts) or csv (part cases or crisis-events; UTF-8 with BOM). Stable ids "
					+ "MG-C-n and MG-E-n; no names and no free text. A school's psychology teachers and leaders; the "
					+ "district's and city's officers. Audited.")
	@GetMapping("/api/v1/exports/provincial")
	ResponseEntity<?> export(@Parameter(description = "School id") @RequestParam(required = false) Long schoolId,
			@Parameter(description = "District id") @RequestParam(required = false) Long districtId,
			@Parameter(description = "First day") @RequestParam LocalDate from,
			@Parameter(description = "Last day") @RequestParam LocalDate to,
			@Parameter(description = "json or csv") @RequestParam(defaultValue = "json") String format,
			@Parameter(description = "csv only: cases or crisis-events") @RequestParam(defaultValue = "cases") String part) {
		if (!"json".equals(format) && !"csv".equals(format)) {
			throw problems.field("format", "export.problem.format");
		}
		if (!"cases".equals(part) && !"crisis-events".equals(part)) {
			throw problems.field("part", "export.problem.part");
		}
		Export e = exports.export(schoolId, districtId, from, to, format);
		if ("json".equals(format)) {
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(e);
		}
		String name = "provincial-" + e.scope().level() + "-" + e.scope().id() + "-" + part + "-" + from + "-" + to + ".csv";
		byte[] body = ("\uFEFF" + ("cases".equals(part) ? casesCsv(e.cases()) : eventsCsv(e.crisisEvents())))
			.getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

	static String casesCsv(List<CaseRow> rows) {
		StringBuilder out = new StringBuilder();
		line(out, List.of("caseId", "schoolId", "school", "gender", "gradeLevel", "category", "inDatabase", "state",
				"openedOn", "endedOn"));
		for (CaseRow r : rows) {
			line(out, cells(r.caseId(), r.schoolId(), r.school(), r.gender(), r.gradeLevel(), r.category(),
					r.inDatabase(), r.state(), r.openedOn(), r.endedOn()));
		}
		return out.toString();
	}

	static String eventsCsv(List<EventRow> rows) {
		StringBuilder out = new StringBuilder();
		line(out, List.of("eventId", "schoolId", "school", "kind", "occurredAt", "raisedAt", "reportDueAt",
				"reportSubmittedAt", "reportStatus", "closedAt", "caseId"));
		for (EventRow r : rows) {
			line(out, cells(r.eventId(), r.schoolId(), r.school(), r.kind(), r.occurredAt(), r.raisedAt(),
					r.reportDueAt(), r.reportSubmittedAt(), r.reportStatus(), r.closedAt(), r.caseId()));
		}
		return out.toString();
	}

	private static List<String> cells(Object... values) {
		List<String> cells = new ArrayList<>();
		for (Object v : values) {
			cells.add(v == null ? "" : v instanceof Instant i ? i.toString() : String.valueOf(v));
		}
		return cells;
	}

	/** RFC 4180: quoted when needed, and a leading =, +, - or @ neutralised so that Excel runs no formula. */
	private static void line(StringBuilder out, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			String c = cells.get(i);
			if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0 && !c.matches("-?\\d.*")) {
				c = "'" + c;
			}
			if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
				c = "\"" + c.replace("\"", "\"\"") + "\"";
			}
			out.append(i == 0 ? "" : ",").append(c);
		}
		out.append("\r\n");
	}
}
