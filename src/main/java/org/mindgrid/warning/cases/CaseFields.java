package org.mindgrid.warning.cases;

import static org.mindgrid.warning.cases.CaseFields.Type.*;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.DateLimits;
import org.mindgrid.shared.web.DateOutOfRange;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The fields each action takes, as data (DESIGN.md: form-like records defined as data): name, type, required.
 * {@link #clean} checks a request's details against them and answers the stored form, so that a case's history
 * holds only known fields of the right type. Labels are bundle keys {@code case.field.<name>}.
 */
public final class CaseFields {

	public enum Type {
		TEXT, LONG_TEXT, INT, BOOL, DATE, ID, CHOICE, CHOICES, CONTACTS
	}

	public record Field(String name, Type type, boolean required, int min, int max, Set<String> choices) {
	}

	static final int TEXT_MAX = 500;

	static final int LONG_TEXT_MAX = 8000;

	private static final Set<String> YES_NO = ordered("yes", "no", "unknown");

	private static final Map<CaseAction, List<Field>> FIELDS = new EnumMap<>(CaseAction.class);

	static {
		def(CaseAction.ASSESS, text("interviewed"), longText("presentingProblem"), text("trigger"),
				longText("riskFactors"), longText("protectiveFactors"), choice("suicideThoughts", YES_NO),
				choice("suicidePlan", YES_NO), choice("means", YES_NO), text("timeFrame"),
				choice("pastAttempts", YES_NO), choice("farewellBehaviour", YES_NO), longText("judgment"),
				required(longText("summary")), required(integer("proposedCategory", 0, 3)),
				longText("immediateActions"), date("assessedOn"));
		def(CaseAction.CATEGORIZE, required(integer("category", 1, 3)), text("members"),
				choices("evidence", ordered("screening", "home-contact", "interview", "observation", "diagnosis")),
				longText("reason"), bool("enterDatabase"), text("notEnteringReason"));
		def(CaseAction.DISMISS, required(longText("reason")), text("members"));
		def(CaseAction.NOTIFY_FAMILY, text("guardianName"), longText("behaviourObserved"),
				longText("guardianOpinion"), bool("guardianSigned"), date("notifiedOn"));
		def(CaseAction.HOLD_MEETING, required(longText("minutes")), text("members"), date("heldOn"),
				bool("parentsSigned"), id("recordingAttachmentId"));
		def(CaseAction.SIGN_CONTRACT, contacts("contacts"), bool("contractSigned"), bool("commitmentSigned"),
				date("signedOn"));
		def(CaseAction.REFER, required(id("hospitalId")), text("department"), longText("reason"),
				date("referredOn"));
		def(CaseAction.BOOK_GREEN_CHANNEL, choice("service", ordered("clinic", "counselling")), date("bookedFor"),
				choice("status", ordered("booked", "attended", "cancelled")), text("note"));
		def(CaseAction.RECORD_DIAGNOSIS, required(longText("diagnosis")), date("diagnosedOn"),
				longText("doctorAdvice"), id("scanAttachmentId"));
		def(CaseAction.START_LEAVE, choice("kind", ordered("suspension", "sick-leave")), date("from"),
				integer("contactEveryDays", 1, 60), text("note"));
		def(CaseAction.RECORD_CONTACT, text("with"), longText("summary"), date("contactedOn"),
				choice("channel", ordered("phone", "visit", "message", "meeting")));
		def(CaseAction.APPLY_RETURN, id("applicationAttachmentId"), id("proofAttachmentId"), longText("note"),
				date("appliedOn"));
		def(CaseAction.DECIDE_RETURN, required(choice("decision", ordered("return", "continue-leave", "third-party"))),
				text("members"), longText("reason"), date("returnOn"));
		def(CaseAction.RECORD_SESSION, longText("summary"), longText("studentState"), date("heldOn"),
				choice("riskChange", ordered("lower", "same", "higher")));
		def(CaseAction.RECORD_MONITORING, required(longText("note")));
		def(CaseAction.REVIEW_PLAN, longText("outcome"), date("nextReviewOn"));
		def(CaseAction.TICK_MEASURE, required(text("measureId")), text("note"));
		def(CaseAction.ADD_NOTE, required(longText("note")));
		def(CaseAction.VOID_ENTRY, required(id("eventId")), required(longText("reason")));
		def(CaseAction.RELEASE, required(longText("reason")), text("members"));
	}

	private CaseFields() {
	}

	public static List<Field> of(CaseAction action) {
		return FIELDS.getOrDefault(action, List.of());
	}

	/**
	 * The details in stored form: known fields only, each of its type; blank text is left out. A missing required
	 * field, an unknown one or a wrong value is a 400 naming the field.
	 */
	public static Map<String, Object> clean(CaseAction action, Map<String, Object> details, DateLimits dates) {
		Map<String, Field> fields = new LinkedHashMap<>();
		of(action).forEach(f -> fields.put(f.name(), f));
		Map<String, Object> out = new LinkedHashMap<>();
		for (var e : details.entrySet()) {
			if (e.getKey().equals("action") || e.getKey().equals("version")) {
				continue;
			}
			Field f = fields.get(e.getKey());
			if (f == null) {
				throw fieldProblem("case.field.unknown", e.getKey());
			}
			Object v = value(f, e.getValue(), dates);
			if (v != null) {
				out.put(f.name(), v);
			}
		}
		for (Field f : fields.values()) {
			if (f.required() && !out.containsKey(f.name())) {
				throw fieldProblem("case.field.required", f.name());
			}
		}
		return out;
	}

	private static Object value(Field f, Object raw, DateLimits dates) {
		if (raw == null) {
			return null;
		}
		switch (f.type()) {
			case TEXT, LONG_TEXT -> {
				if (!(raw instanceof String s)) {
					throw fieldProblem("case.error.text", f.name());
				}
				String t = s.strip();
				if (t.length() > f.max()) {
					throw fieldProblem("case.field.too-long", f.name(), f.max());
				}
				return t.isEmpty() ? null : t;
			}
			case INT, ID -> {
				if (!(raw instanceof Integer || raw instanceof Long)) {
					throw fieldProblem("case.field.integer", f.name());
				}
				long n = ((Number) raw).longValue();
				if (n < f.min() || n > f.max()) {
					throw fieldProblem("case.field.range", f.name(), f.min(), f.max());
				}
				return n;
			}
			case BOOL -> {
				if (!(raw instanceof Boolean)) {
					throw fieldProblem("case.field.boolean", f.name());
				}
				return raw;
			}
			case DATE -> {
				if (!(raw instanceof String s) || s.isBlank()) {
					throw fieldProblem("case.field.date", f.name());
				}
				try {
					LocalDate d = LocalDate.parse(s.strip());
					dates.check(d);
					return d.toString();
				}
				catch (DateTimeException | DateOutOfRange e) {
					throw fieldProblem("case.field.date", f.name());
				}
			}
			case CHOICE -> {
				if (!(raw instanceof String s) || !f.choices().contains(s.strip())) {
					throw fieldProblem("case.field.choice", f.name(), String.join(", ", f.choices()));
				}
				return s.strip();
			}
			case CHOICES -> {
				if (!(raw instanceof List<?> list) || list.size() > f.choices().size()
						|| !list.stream().allMatch(x -> x instanceof String s && f.choices().contains(s))) {
					throw fieldProblem("case.field.choice", f.name(), String.join(", ", f.choices()));
				}
				return list.stream().distinct().toList();
			}
			case CONTACTS -> {
				return contacts(f, raw);
			}
			default -> throw new IllegalStateException(f.type().name());
		}
	}

	/** The student's three contacts of the contract (契约书): name, relation, phone. */
	private static List<Map<String, String>> contacts(Field f, Object raw) {
		if (!(raw instanceof List<?> list) || list.size() > 5) {
			throw fieldProblem("case.error.contacts", f.name());
		}
		List<Map<String, String>> out = new ArrayList<>();
		for (Object o : list) {
			if (!(o instanceof Map<?, ?> m)) {
				throw fieldProblem("case.error.contacts", f.name());
			}
			Map<String, String> c = new LinkedHashMap<>();
			for (String key : List.of("name", "relation", "phone")) {
				Object v = m.get(key);
				if (v != null && !(v instanceof String)) {
					throw fieldProblem("case.error.contacts", f.name());
				}
				String s = v == null ? "" : ((String) v).strip();
				if (s.length() > 100) {
					throw fieldProblem("case.error.contacts", f.name());
				}
				c.put(key, s);
			}
			if (m.keySet().stream().anyMatch(k -> !Set.of("name", "relation", "phone").contains(k))
					|| c.get("name").isEmpty()) {
				throw fieldProblem("case.error.contacts", f.name());
			}
			out.add(c);
		}
		return out;
	}

	static ApiProblem fieldProblem(String key, String field, Object... more) {
		Object[] args = new Object[more.length + 1];
		args[0] = new DefaultMessageSourceResolvable(new String[] { "case.field." + field }, field);
		System.arraycopy(more, 0, args, 1, more.length);
		return ApiProblem.badRequest(key, args).with("field", field);
	}

	/** Choices keep the order written here, so that forms and messages list them the same way every run. */
	private static Set<String> ordered(String... values) {
		return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(List.of(values)));
	}

	private static void def(CaseAction action, Field... fields) {
		FIELDS.put(action, List.of(fields));
	}

	private static Field text(String name) {
		return new Field(name, TEXT, false, 0, TEXT_MAX, Set.of());
	}

	private static Field longText(String name) {
		return new Field(name, LONG_TEXT, false, 0, LONG_TEXT_MAX, Set.of());
	}

	private static Field integer(String name, int min, int max) {
		return new Field(name, INT, false, min, max, Set.of());
	}

	private static Field id(String name) {
		return new Field(name, ID, false, 1, Integer.MAX_VALUE, Set.of());
	}

	private static Field bool(String name) {
		return new Field(name, BOOL, false, 0, 0, Set.of());
	}

	private static Field date(String name) {
		return new Field(name, DATE, false, 0, 0, Set.of());
	}

	private static Field choice(String name, Set<String> values) {
		return new Field(name, CHOICE, false, 0, 0, values);
	}

	private static Field choices(String name, Set<String> values) {
		return new Field(name, CHOICES, false, 0, 0, values);
	}

	private static Field contacts(String name) {
		return new Field(name, CONTACTS, false, 0, 0, Set.of());
	}

	private static Field required(Field f) {
		return new Field(f.name(), f.type(), true, f.min(), f.max(), f.choices());
	}
}
