package org.mindgrid.warning.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;

import org.mindgrid.shared.web.Page;
import org.mindgrid.warning.WarningQueue;
import org.mindgrid.warning.WarningReportItem;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/warning-reports")
class WarningApiController {

	record Resolution(@NotBlank @Size(max = 2000) String reason) {
	}

	private final WarningQueue queue;

	WarningApiController(WarningQueue queue) {
		this.queue = queue;
	}

	/** The caller's queue (reports on students whose archive they may read); {@code status=OPEN|RESOLVED}. */
	@GetMapping
	Page<WarningReportItem> queue(@RequestParam(required = false) String status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		String s = status == null || status.isBlank() ? null : status.strip().toUpperCase();
		return queue.queue(s, Page.clampPage(page), Page.clampSize(size));
	}

	@GetMapping("/{id}")
	WarningReportItem get(@PathVariable long id) {
		return queue.open(id);
	}

	/** The assessment starts; the reporters are told, without clinical details. 409 when already taken up. */
	@PostMapping("/{id}/take-up")
	@Operation(summary = "Take a warning report up (start the one-to-one assessment)")
	WarningReportItem takeUp(@PathVariable long id) {
		return queue.takeUp(id);
	}

	@PostMapping("/{id}/resolve")
	WarningReportItem resolve(@PathVariable long id, @Valid @RequestBody Resolution resolution) {
		return queue.resolve(id, resolution.reason());
	}
}
