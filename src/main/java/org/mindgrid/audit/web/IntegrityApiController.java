package org.mindgrid.audit.web;

import java.time.LocalDate;
import java.util.List;

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

	@GetMapping("/api/v1/audit/integrity")
	IntegrityView check(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		return IntegrityView.of(checks.check(from, to));
	}
}
