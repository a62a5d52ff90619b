package org.mindgrid.warning.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mindgrid.warning.cases.CaseAction;
import org.mindgrid.warning.cases.CaseFields;
import org.mindgrid.warning.cases.CaseFields.Field;
import org.mindgrid.warning.CasePlan;

import org.springframework.util.MultiValueMap;

/**
 * The case page's forms, built from {@link CaseFields} as data: what each input shows (typed values kept after a
 * refused save) and how a posted form becomes the typed details {@link CaseFields#clean} checks. A value that does
 * not parse is passed on as typed, so that the refusal names its field like the API's does.
 */
final class CaseForms {

	static final int CONTACT_ROWS = 3;

	/** One input of an action's form; {@code values} for CHOICES, {@code contacts} for CONTACTS. */
	record Input(String name, String type, boolean required, int min, int max, List<String> choices, String value,
			List<String> values, List<Map<String, String>> contacts) {
	}

	record ActionForm(String code, List<Input> inputs) {
	}

	private CaseForms() {
	}

	/** The form of {@code action}; {@code typed} is what was posted (empty for a fresh form). */
	static ActionForm form(CaseAction action, MultiValueMap<String, String> typed) {
		List<Input> inputs = new ArrayList<>();
		for (Field f : CaseFields.of(action)) {
			List<Map<String, String>> contacts = new ArrayList<>();
			if (f.type() == CaseFields.Type.CONTACTS) {
				for (int i = 0; i < CONTACT_ROWS; i++) {
					Map<String, String> row = new LinkedHashMap<>();
					for (String part : List.of("name", "relation", "phone")) {
						row.put(part, first(typed, f.name() + "." + i + "." + part));
					}
					contacts.add(row);
				}
			}
			String value = first(typed, f.name());
			if (f.type() == CaseFields.Type.BOOL && typed.isEmpty() && "enterDatabase".equals(f.name())) {
				value = "true"; // categories 2 and 3 must enter; category 1 should (DOMAIN.md)
			}
			inputs.add(new Input(f.name(), f.type().name(), f.required(), f.min(), f.max(), List.copyOf(f.choices()),
					value, typed.getOrDefault(f.name(), List.of()), contacts));
		}
		return new ActionForm(action.code(), inputs);
	}

	/** The posted form as typed details; blanks are left out, an unchecked box is false when the form had it. */
	static Map<String, Object> details(CaseAction action, MultiValueMap<String, String> form) {
		Map<String, Object> out = new LinkedHashMap<>();
		for (Field f : CaseFields.of(action)) {
			String raw = first(form, f.name()).strip();
			switch (f.type()) {
				case TEXT, LONG_TEXT, DATE, CHOICE -> {
					if (!raw.isEmpty()) {
						out.put(f.name(), f.type() == CaseFields.Type.TEXT || f.type() == CaseFields.Type.LONG_TEXT
								? first(form, f.name()) : raw);
					}
				}
				case INT, ID -> {
					if (!raw.isEmpty()) {
						out.put(f.name(), number(raw));
					}
				}
				case BOOL -> {
					if (form.containsKey(f.name())) {
						out.put(f.name(), "true".equals(raw));
					}
					else if (form.containsKey("_" + f.name())) {
						out.put(f.name(), false);
					}
				}
				case CHOICES -> {
					List<String> values = form.getOrDefault(f.name(), List.of()).stream().filter(v -> !v.isBlank())
						.toList();
					if (!values.isEmpty()) {
						out.put(f.name(), values);
					}
				}
				case CONTACTS -> {
					List<Map<String, String>> rows = new ArrayList<>();
					for (int i = 0; i < CONTACT_ROWS; i++) {
						Map<String, String> row = new LinkedHashMap<>();
						for (String part : List.of("name", "relation", "phone")) {
							row.put(part, first(form, f.name() + "." + i + "." + part).strip());
						}
						if (row.values().stream().anyMatch(v -> !v.isEmpty())) {
							rows.add(row);
						}
					}
					if (!rows.isEmpty()) {
						out.put(f.name(), rows);
					}
				}
				default -> throw new IllegalStateException(f.type().name());
			}
		}
		String version = first(form, "version").strip();
		if (!version.isEmpty()) {
			out.put("version", number(version));
		}
		return out;
	}

	/** One row of the plan's measures as posted ({@code measures.N.*}); rows without text are dropped. */
	static List<CasePlan.Measure> measures(MultiValueMap<String, String> form, int rows) {
		List<CasePlan.Measure> out = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			String p = "measures." + i + ".";
			String text = first(form, p + "text");
			if (text.isBlank()) {
				continue;
			}
			out.add(new CasePlan.Measure(blankToNull(first(form, p + "id")), first(form, p + "grid"), text,
					first(form, p + "responsible"), blankToNull(first(form, p + "frequency"))));
		}
		return out;
	}

	static String first(MultiValueMap<String, String> form, String name) {
		String v = form.getFirst(name);
		return v == null ? "" : v;
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}

	private static Object number(String raw) {
		try {
			return Long.parseLong(raw);
		}
		catch (NumberFormatException e) {
			return raw;
		}
	}
}
