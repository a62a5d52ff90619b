package org.mindgrid.reporting.records;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.mindgrid.shared.web.DateBounds;

/**
 * What a school or district writes into the oversight ledgers. Dates lie between 2000-01-01 and today (things that
 * happened); lengths are the migration's. Messages are keys of i18n/records.
 */
public final class RecordInputs {

	static final String EARLIEST = "2000-01-01";

	private RecordInputs() {
	}

	/** A psychology lesson; {@code schoolId} may be left out (the class's), {@code teacherUserId} too (the caller). */
	public record LessonInput(Long schoolId, @NotNull(message = "{records.v.required}") Long classId,
			@NotNull(message = "{records.v.required}") @DateBounds(earliest = EARLIEST, yearsAhead = 0) LocalDate givenOn,
			@NotNull(message = "{records.v.required}") @Min(value = 1, message = "{records.v.periods}") @Max(value = 10, message = "{records.v.periods}") Integer periods,
			@NotBlank(message = "{records.v.required}") @Size(max = 200, message = "{records.v.too-long}") String topic,
			Long teacherUserId) {
	}

	/** A theme activity; no classes: the whole school. */
	public record ActivityInput(@NotNull(message = "{records.v.required}") Long schoolId,
			@NotBlank(message = "{records.v.required}") String kind,
			@NotBlank(message = "{records.v.required}") @Size(max = 200, message = "{records.v.too-long}") String title,
			@NotNull(message = "{records.v.required}") @DateBounds(earliest = EARLIEST, yearsAhead = 0) LocalDate heldOn,
			@Size(max = 100, message = "{records.v.too-long}") String organiser,
			@Size(max = 500, message = "{records.v.too-many}") List<Long> classIds) {
	}

	/** A parent session of a class; {@code headTeacherUserId} left out: the caller, or the class's head teacher. */
	public record ParentSessionInput(Long schoolId, @NotNull(message = "{records.v.required}") Long classId,
			@NotNull(message = "{records.v.required}") @DateBounds(earliest = EARLIEST, yearsAhead = 0) LocalDate heldOn,
			@NotBlank(message = "{records.v.required}") @Size(max = 200, message = "{records.v.too-long}") String topic,
			Long headTeacherUserId,
			@NotNull(message = "{records.v.required}") @Min(value = 0, message = "{records.v.families}") @Max(value = 200, message = "{records.v.families}") Integer familiesAttended) {
	}

	/** A training: with {@code schoolId} the school's own, without it the district's. */
	public record TrainingInput(Long districtId, Long schoolId, @NotBlank(message = "{records.v.required}") String kind,
			@NotBlank(message = "{records.v.required}") @Size(max = 200, message = "{records.v.too-long}") String title,
			@NotNull(message = "{records.v.required}") @DateBounds(earliest = EARLIEST, yearsAhead = 0) LocalDate heldOn,
			@NotNull(message = "{records.v.required}") @DecimalMin(value = "0.5", message = "{records.v.hours}") @DecimalMax(value = "200", message = "{records.v.hours}") @Digits(integer = 3, fraction = 1, message = "{records.v.hours}") BigDecimal hours,
			@Size(max = 5000, message = "{records.v.too-many}") List<Long> attendeeUserIds) {
	}

	/** A joint meeting of the district's departments. */
	public record JointMeetingInput(@NotNull(message = "{records.v.required}") Long districtId,
			@NotNull(message = "{records.v.required}") @DateBounds(earliest = EARLIEST, yearsAhead = 0) LocalDate heldOn,
			@NotEmpty(message = "{records.v.required}") @Size(max = 20, message = "{records.v.too-many}") List<String> departments,
			@NotBlank(message = "{records.v.required}") @Size(max = 20000, message = "{records.v.too-long}") String minutes,
			@Size(max = 20000, message = "{records.v.too-long}") String decisions) {
	}

	/** The ledger's filter; every part optional. */
	public record Filter(Long schoolId, Long classId, Long districtId, LocalDate from, LocalDate to) {

		/** No filter: what the caller's posts reach. */
		public static final Filter NONE = new Filter(null, null, null, null, null);
	}
}
