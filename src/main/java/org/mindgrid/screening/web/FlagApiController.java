package org.mindgrid.screening.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import org.mindgrid.screening.results.Flags;
import org.mindgrid.screening.results.Flags.FlagItem;
import org.mindgrid.screening.results.Flags.Reviewed;
import org.mindgrid.screening.results.Results;
import org.mindgrid.screening.results.Results.StudentScreening;
import org.mindgrid.shared.web.ApiError;
import org.mindgrid.shared.web.Page;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Flags under review and the growth archive's screening history (issue 9, points 5 and 8). */
@RestController
class FlagApiController {

	record ReviewBody(String decision, String reason) {
	}

	private final Flags flags;

	private final Results results;

	FlagApiController(Flags flags, Results results) {
		this.flags = flags;
		this.results = results;
	}

	@Operation(summary = "Flagged screening results (review queue)",
			description = "The school's psychology teachers: results over a cut-off or with a critical item. Urgent "
					+ "first, then the oldest. Paged {items, total, page, size}.")
	@Parameter(name = "status", in = ParameterIn.QUERY, description = "OPEN (default), CONFIRMED, DISMISSED or ALL")
	@Parameter(name = "campaignId", in = ParameterIn.QUERY, description = "Only this campaign's flags")
	@GetMapping("/api/v1/screening/flags")
	Page<FlagItem> list(@RequestParam(required = false) String status,
			@RequestParam(required = false) Long campaignId, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return flags.list(status, campaignId, Page.clampPage(page), Page.clampSize(size));
	}

	@Operation(summary = "Review a flag: confirm or dismiss",
			description = "CONFIRM raises a warning report (source screening) into the loop; DISMISS needs a reason.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Flag id")
	@ApiError(status = 400, description = "decision is not CONFIRM or DISMISS, or a dismissal without reason")
	@ApiError(status = 409, description = "Already reviewed")
	@PostMapping("/api/v1/screening/flags/{id}/review")
	Reviewed review(@PathVariable long id, @RequestBody ReviewBody body) {
		return flags.review(id, body.decision(), body.reason());
	}

	@Operation(summary = "A student's screening history (growth archive)",
			description = "Every scored scale of the student, newest first: total, band, factor scores by the scale "
					+ "file's factor ids, flags. Whoever may read the student's archive. Audited.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Student id")
	@GetMapping("/api/v1/students/{id}/screenings")
	List<StudentScreening> forStudent(@PathVariable long id) {
		return results.forStudent(id);
	}
}
