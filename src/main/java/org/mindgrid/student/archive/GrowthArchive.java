package org.mindgrid.student.archive;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * Tool 1 of the city's tool list (学生心理成长档案), as one document. Its personal part (ethnicity, native place,
 * address) is the roster's, read from the student row and never stored with the archive (issue 7, point 11: one
 * source of truth, updated by the roster import). Options are codes
 * whose labels live in the message bundles ({@code archive.health.GOOD} …). Unknown codes, ages outside 0–120 and
 * over-long texts are refused by Bean Validation, for the API and the page alike.
 */
public record GrowthArchive(@Valid Personal personal, @Valid Health health, @Size(max = 2000) String study,
		@Size(max = 2000) String interests, @Size(max = 2000) String familySituation,
		@Valid @Size(max = 20) List<FamilyMember> familyMembers,
		@Pattern(regexp = PARENTS_RELATIONSHIP_CODES, message = INVALID_OPTION) String parentsRelationship,
		@Pattern(regexp = ATMOSPHERE_CODES, message = INVALID_OPTION) String familyAtmosphere,
		@Size(max = 200) String familyAtmosphereOther, @Valid @Size(max = 20) List<SchoolHistory> schoolHistory,
		@Valid @Size(max = 50) List<LifeEvent> lifeEvents) {

	// Each option list is written once, as the pattern that validates it; the lists are split from it.
	static final String HEALTH_CODES = "VERY_GOOD|GOOD|FAIR|POOR|VERY_POOR";

	static final String ILLNESS_CODES = "NONE|ENCEPHALITIS|EPILEPSY|HEART_DISEASE|ASTHMA|ALLERGY|TUBERCULOSIS|POLIO|OTHER";

	static final String LIKING_CODES = "LIKE|RATHER_LIKE|INDIFFERENT|DISLIKE";

	static final String GROUP_LIKING_CODES = "LIKE|RATHER_LIKE|NEUTRAL|RATHER_DISLIKE|DISLIKE";

	static final String PARENTS_RELATIONSHIP_CODES = "HARMONIOUS|DISCORD|SEPARATED|DIVORCED";

	static final String ATMOSPHERE_CODES = "HARMONIOUS|ORDINARY|CONFLICT|DULL|OTHER";

	static final String INVALID_OPTION = "{archive.invalid-option}";

	public static final List<String> HEALTH_LEVELS = List.of(HEALTH_CODES.split("\\|"));

	public static final List<String> ILLNESSES = List.of(ILLNESS_CODES.split("\\|"));

	public static final List<String> LIKING = List.of(LIKING_CODES.split("\\|"));

	public static final List<String> GROUP_LIKING = List.of(GROUP_LIKING_CODES.split("\\|"));

	public static final List<String> PARENTS_RELATIONSHIPS = List.of(PARENTS_RELATIONSHIP_CODES.split("\\|"));

	public static final List<String> ATMOSPHERES = List.of(ATMOSPHERE_CODES.split("\\|"));

	public GrowthArchive {
		personal = personal == null ? new Personal(null, null, null) : personal;
		health = health == null ? new Health(null, null, List.of(), null) : health;
		familyMembers = familyMembers == null ? List.of() : List.copyOf(familyMembers);
		schoolHistory = schoolHistory == null ? List.of() : List.copyOf(schoolHistory);
		lifeEvents = lifeEvents == null ? List.of() : List.copyOf(lifeEvents);
	}

	/** The same archive showing the roster's personal fields. */
	public GrowthArchive withPersonal(Personal roster) {
		return new GrowthArchive(roster, health, study, interests, familySituation, familyMembers, parentsRelationship,
				familyAtmosphere, familyAtmosphereOther, schoolHistory, lifeEvents);
	}

	public static GrowthArchive empty() {
		return new GrowthArchive(null, null, null, null, null, null, null, null, null, null, null);
	}

	/** 民族, 籍贯, 家庭住址: the roster's, read-only here. */
	public record Personal(@Size(max = 50) String ethnicity, @Size(max = 100) String nativePlace,
			@Size(max = 300) String address) {

		/** Whether a caller sent any of the fields (an editor that left them out changes nothing). */
		public boolean given() {
			return !(blank(ethnicity) && blank(nativePlace) && blank(address));
		}

		/** Whether the fields read the same as {@code other}, ignoring blanks and surrounding spaces. */
		public boolean sameAs(Personal other) {
			return norm(ethnicity).equals(norm(other.ethnicity)) && norm(nativePlace).equals(norm(other.nativePlace))
					&& norm(address).equals(norm(other.address));
		}

		private static boolean blank(String s) {
			return s == null || s.isBlank();
		}

		private static String norm(String s) {
			return s == null ? "" : s.strip();
		}
	}

	/** 健康状况 (level, and a description when poor) and 过往病史 (checklist + other). */
	public record Health(@Pattern(regexp = HEALTH_CODES, message = INVALID_OPTION) String level,
			@Size(max = 500) String poorDescription,
			@Size(max = 20) List<@Pattern(regexp = ILLNESS_CODES, message = INVALID_OPTION) String> pastIllnesses,
			@Size(max = 200) String pastIllnessOther) {

		public Health {
			pastIllnesses = pastIllnesses == null ? List.of() : List.copyOf(pastIllnesses);
		}
	}

	/** 家庭成员: 称谓, 姓名, 年龄, 职业, 个性特点, 你对他/她的喜爱程度. */
	public record FamilyMember(@Size(max = 20) String relation, @Size(max = 50) String name,
			@Min(value = 0, message = "{archive.age-range}") @Max(value = 120, message = "{archive.age-range}") Integer age,
			@Size(max = 50) String occupation, @Size(max = 200) String personality,
			@Pattern(regexp = LIKING_CODES, message = INVALID_OPTION) String liking) {
	}

	/** 学习经历: 起止时间, 在何校学习, 担任职务, 对当时所处集体的喜爱程度. */
	public record SchoolHistory(@Size(max = 50) String period, @Size(max = 100) String school,
			@Size(max = 50) String duty, @Pattern(regexp = GROUP_LIKING_CODES, message = INVALID_OPTION) String liking) {
	}

	/** 重大生活事件: 时间, 事件经过, 主要影响. */
	public record LifeEvent(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @Size(max = 1000) String description, @Size(max = 1000) String impact) {
	}
}
