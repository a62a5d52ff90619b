package org.mindgrid.reporting.records.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledgers' downloads for the pages: a browser signs in with a session, which the API (bearer tokens only)
 * does not take, so the pages' links come here and get the very same file as the API's.
 */
@RestController
class RecordDownloadController {

	private final RecordApiController api;

	RecordDownloadController(RecordApiController api) {
		this.api = api;
	}

	@GetMapping("/records/{kind:psych-lessons|theme-activities|parent-sessions|staff-trainings|joint-meetings}/export.xlsx")
	ResponseEntity<byte[]> export(@PathVariable String kind, @RequestParam(required = false) Long schoolId,
			@RequestParam(required = false) Long classId, @RequestParam(required = false) Long districtId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return api.export(kind, schoolId, classId, districtId, from, to);
	}

	@GetMapping("/records/{kind:psych-lessons|theme-activities|parent-sessions|staff-trainings|joint-meetings}/import-template.xlsx")
	ResponseEntity<byte[]> template(@PathVariable String kind) {
		return api.template(kind);
	}
}
