package org.mindgrid.warning.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.mindgrid.warning.RiskPhraseHit;
import org.mindgrid.warning.RiskPhrases;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The risk-phrase check for API clients (issue 7, point 14): what a form shows as its banner, as data. */
@RestController
@RequestMapping("/api/v1/risk-phrases")
class RiskPhraseApiController {

	record CheckRequest(@Size(max = 4000, message = "{risk.text.too-long}") String text,
			@Size(max = 60, message = "{risk.text.too-many}") List<@Size(max = 4000, message = "{risk.text.too-long}") String> texts,
			Long studentId) {
	}

	/** One phrase found, with the banner line the pages show for it. */
	record Found(String phrase, String text, int sign, boolean urgent, String message) {
	}

	record CheckResult(List<Found> found) {
	}

	private final RiskPhrases phrases;

	private final MessageSource messages;

	RiskPhraseApiController(RiskPhrases phrases, MessageSource messages) {
		this.phrases = phrases;
		this.messages = messages;
	}

	/** Checks {@code text} and {@code texts} by the list of the student's school (or the caller's); stores nothing. */
	@Operation(summary = "Checks typed text for risk phrases (nothing is stored); answers each phrase found with its banner line",
			description = "Uses the list of the student's school when the caller may list the student, else the caller's "
					+ "school. 400 when a text is longer than 4000 characters or there are more than 60; 403 for "
					+ "callers without a school.")
	@PostMapping("/check")
	CheckResult check(@Valid @RequestBody CheckRequest request, Locale locale) {
		List<String> texts = new ArrayList<>();
		if (request.text() != null) {
			texts.add(request.text());
		}
		if (request.texts() != null) {
			request.texts().stream().filter(java.util.Objects::nonNull).forEach(texts::add);
		}
		List<Found> found = new ArrayList<>();
		for (RiskPhraseHit h : phrases.check(request.studentId(), texts)) {
			found.add(new Found(h.phrase(), h.text(), h.sign(), h.urgent(), messages.getMessage(
					h.urgent() ? "risk.banner.urgent" : "risk.banner.high", new Object[] { h.text() }, locale)));
		}
		return new CheckResult(found);
	}
}
