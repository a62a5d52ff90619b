package org.mindgrid.mentoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAlias;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a caller writes into the ledger. Messages are keys of i18n/mentoring. {@code escalate}: absent, false,
 * true (= HIGH), "HIGH" or "URGENT" — escalate the record to the psychology teachers at once. A home visit's
 * {@code kind} ({@link HomeVisitKind}) is optional: absent, the answers follow tool 3's outline.
 */
public final class LedgerInputs {

	private LedgerInputs() {
	}

	public record TalkInput(@NotNull(message = "{mentoring.v.student}") Long studentId,
			@NotNull(message = "{mentoring.v.date}") LocalDate date,
			@NotBlank(message = "{mentoring.v.required}") @Size(max = 200, message = "{mentoring.v.too-long}") String place,
			@NotBlank(message = "{mentoring.v.required}") @Size(max = 4000, message = "{mentoring.v.too-long}") String topics,
			@NotBlank(message = "{mentoring.v.required}") @Size(max = 4000, message = "{mentoring.v.too-long}") String state,
			@Size(max = 4000, message = "{mentoring.v.too-long}") String followUp, Object escalate) {
	}

	public record HomeVisitInput(@NotNull(message = "{mentoring.v.student}") Long studentId,
			@NotNull(message = "{mentoring.v.date}") Instant visitedAt,
			@NotBlank(message = "{mentoring.v.required}") @Size(max = 100, message = "{mentoring.v.too-long}") String interviewee,
			@NotBlank(message = "{mentoring.v.required}") @Size(max = 50, message = "{mentoring.v.too-long}") String relation,
			@Min(value = 1, message = "{mentoring.v.duration}") @Max(value = 1440, message = "{mentoring.v.duration}") Integer durationMinutes,
			Map<String, HomeVisitOutline.Answer> answers, List<String> categories, Object escalate,
			@JsonAlias("visitKind") String kind) {
	}

	/** {@code contactedAt} may be left out: now. {@code channel} is checked by the ledger for a clear message. */
	public record ContactInput(@NotNull(message = "{mentoring.v.student}") Long studentId,
			@NotBlank(message = "{mentoring.v.channel}") String channel,
			@NotBlank(message = "{mentoring.v.required}") @Size(max = 4000, message = "{mentoring.v.too-long}") String content,
			Instant contactedAt, Object escalate) {
	}
}
