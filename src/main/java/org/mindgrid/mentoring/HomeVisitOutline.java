package org.mindgrid.mentoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Tool 3 of the seed (学生心理状况家访提纲) as data: three parts, ten questions, and for each the options of its
 * "初步判断" column. The b-part options are the warning signs of the daily observation form (tool 2), numbered as
 * there, so a home visit speaks the same language as an observation and its signs travel with an escalation.
 * Question and option texts are message keys ({@code hv.q.a1}, {@code hv.opt.PRESSURE_3}, {@code hv.sign.7}).
 */
public final class HomeVisitOutline {

	/** A question. {@code options} empty: the judgment is a free note; {@code multiple}: checkboxes, not radios. */
	public record Question(String code, String part, List<String> options, boolean multiple) {

		public boolean signs() {
			return !options.isEmpty() && options.get(0).startsWith("S");
		}
	}

	/** One answer: what the interviewee said, and the visitor's initial judgment (option codes, or one note). */
	public record Answer(String record,
			@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> judgment) {

		public Answer {
			// Form binding can leave gaps (judgment[2]=x gives [null, null, "x"]): keep only what was chosen.
			judgment = judgment == null ? List.of()
					: judgment.stream().filter(j -> j != null && !j.isBlank()).toList();
		}
	}

	public static final List<String> PARTS = List.of("a", "b", "c");

	public static final List<Question> QUESTIONS = List.of(
			new Question("a1", "a", List.of(), false),
			new Question("a2", "a", List.of(), false),
			new Question("a3", "a", List.of("PRESSURE_1", "PRESSURE_2", "PRESSURE_3", "PRESSURE_4", "PRESSURE_5"), false),
			new Question("b1", "b", signs(7), true),
			new Question("b2", "b", signs(10, 11, 12), true),
			new Question("b3", "b", signs(13, 14, 15), true),
			new Question("b4", "b", signs(1, 2, 3, 4, 5, 6), true),
			new Question("b5", "b", signs(8, 9), true),
			new Question("c1", "c", List.of(), false),
			new Question("c2", "c", List.of(), false));

	/**
	 * The short general visit record (issue 7, point 9), for visits during the term: purpose, the people met, what
	 * was observed, the visitor's judgment (with the warning signs of tool 2, so sign 1 or 6 is urgent here too) and
	 * the follow-up. Texts: {@code hv.q.g1} ….
	 */
	public static final List<Question> GENERAL = List.of(
			new Question("g1", "g", List.of(), false),
			new Question("g2", "g", List.of(), false),
			new Question("g3", "g", List.of(), false),
			new Question("g4", "g", signs(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), true),
			new Question("g5", "g", List.of(), false));

	/** 【学生类别】 checkboxes of the outline. */
	public static final List<String> CATEGORIES = List.of("GRADUATING", "MENTAL_ILLNESS", "SERIOUS_PROBLEM",
			"PERSONALITY_DEVIATION", "POOR_PARENT_CHILD");

	/** Signs that make an escalation urgent whatever the visitor chose (see ADR 0010). */
	public static final Set<Integer> URGENT_SIGNS = Set.of(1, 6);

	static final int MAX_RECORD = 4000;

	static final int MAX_NOTE = 500;

	private HomeVisitOutline() {
	}

	/** A question of either record (tool 3's outline or the general visit), by its code. */
	public static Optional<Question> question(String code) {
		return all().stream().filter(q -> q.code().equals(code)).findFirst();
	}

	/** Both records' questions: what a stored visit's answers may hold. */
	public static List<Question> all() {
		List<Question> all = new ArrayList<>(QUESTIONS);
		all.addAll(GENERAL);
		return List.copyOf(all);
	}

	public static List<Question> part(String part) {
		return QUESTIONS.stream().filter(q -> q.part().equals(part)).toList();
	}

	/** The sign number of an option code {@code S7}, or null for other options. */
	public static Integer sign(String option) {
		return option != null && option.startsWith("S") ? Integer.valueOf(option.substring(1)) : null;
	}

	/**
	 * Checks answers against the record of {@code kind} and returns them in its order without empty ones. The message key of
	 * the first problem goes into {@code problems} with the question code.
	 */
	static Map<String, Answer> normalize(Map<String, Answer> answers, HomeVisitKind kind, Map<String, String> problems) {
		Map<String, Answer> result = new LinkedHashMap<>();
		if (answers == null) {
			return result;
		}
		List<Question> questions = kind.questions();
		for (String code : answers.keySet()) {
			if (questions.stream().noneMatch(q -> q.code().equals(code))) {
				problems.putIfAbsent("answers." + code, kind.unknownQuestionKey());
			}
		}
		for (Question q : questions) {
			Answer a = answers.get(q.code());
			if (a == null) {
				continue;
			}
			String record = a.record() == null || a.record().isBlank() ? null : a.record().strip();
			List<String> judgment = new ArrayList<>();
			for (String j : a.judgment()) {
				if (j != null && !j.isBlank()) {
					judgment.add(j.strip());
				}
			}
			if (record != null && record.length() > MAX_RECORD) {
				problems.putIfAbsent("answers." + q.code(), "mentoring.hv.record-too-long");
			}
			if (q.options().isEmpty()) {
				if (judgment.size() > 1 || (judgment.size() == 1 && judgment.get(0).length() > MAX_NOTE)) {
					problems.putIfAbsent("answers." + q.code(), "mentoring.hv.note-too-long");
				}
			}
			else {
				judgment = List.copyOf(new java.util.LinkedHashSet<>(judgment));
				if (!q.options().containsAll(judgment)) {
					problems.putIfAbsent("answers." + q.code(), "mentoring.hv.unknown-option");
				}
				else if (!q.multiple() && judgment.size() > 1) {
					problems.putIfAbsent("answers." + q.code(), "mentoring.hv.one-option");
				}
			}
			if (record != null || !judgment.isEmpty()) {
				result.put(q.code(), new Answer(record, judgment));
			}
		}
		return result;
	}

	/** Everything typed in the answers (records and judgment notes; option codes match no phrase), for the phrase check. */
	static List<String> textsOf(Map<String, Answer> answers) {
		List<String> texts = new ArrayList<>();
		answers.values().forEach(a -> {
			texts.add(a.record());
			texts.addAll(a.judgment());
		});
		return texts;
	}

	/** The warning signs the visitor ticked, in order. */
	static List<Integer> signsOf(Map<String, Answer> answers) {
		Set<Integer> signs = new TreeSet<>();
		answers.forEach((code, a) -> question(code).filter(Question::signs)
			.ifPresent(q -> a.judgment().forEach(j -> signs.add(sign(j)))));
		return List.copyOf(signs);
	}

	private static List<String> signs(int... numbers) {
		List<String> codes = new ArrayList<>();
		for (int n : numbers) {
			codes.add("S" + n);
		}
		return List.copyOf(codes);
	}
}
