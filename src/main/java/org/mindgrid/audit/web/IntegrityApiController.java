package org.mindgrid.audit.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

import org.mindgrid.audit.ChainCheck;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit/integrity?from=&to=}: the hash-chain check of those days (ADR 0013). */
@RestController
class IntegrityApiController {

	/** The check as the API answers it. */
	record IntegrityView(boolean intact, LocalDate from, LocalDate to, long rows, ChainCheck.Break firstBreak,
			List<ChainCheck.Break> breaks, List<ChainCheck.Day> days) {

		static IntegrityView of(ChainCheck c) {
			return new IntegrityView(c.intact(), c.from(), c.to(), c.rows(), c.firstBreak(), c.breaks(), c.days());
		}
	}

	private final IntegrityChecks checks;

	IntegrityApiController(IntegrityChecks checks) {
		this.checks = checks;
	}

	@Operation(summary = "Check the audit log's hash chain",
			description = "Recomputes the per-day hash chain of the access log over a range of days and names the "
					+ "first entry that was changed, removed or put in (intact: true when none). For school leaders "
					+ "and the system administrator; the check is itself logged.")
	@Parameter(name = "from", in = ParameterIn.QUERY,
			description = "First day, yyyy-MM-dd (default: 30 days before to)",
			schema = @Schema(type = "string", format = "date"))
	@Parameter(name = "to", in = ParameterIn.QUERY,
			description = "Last day, yyyy-MM-dd (default: today); at most 366 days after from",
			schema = @Schema(type = "string", format = "date"))
	@GetMapping("/api/v1/audit/integrity")
	IntegrityView check(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		return IntegrityView.of(checks.check(from, to));
	}
}
