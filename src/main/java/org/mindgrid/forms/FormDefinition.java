package org.mindgrid.forms;

import java.util.List;
import java.util.Set;

/**
 * One record form of the workbook, as its definition file says (forms/*.yml): the part of the workbook it belongs
 * to (1–7, as the seed's table of contents) and its place in that part, its sections of fields, who may fill and read it (roles, within the grid's scope), and the stages of
 * the school it applies to (1: grades 1–3, 2: 4–6, 3: 7–9, 4: 10–12). Words come from the bundle under
 * {@code form.<id>.}: the title, each field's label and each option's.
 */
public record FormDefinition(String id, int part, int order, List<Section> sections, Set<String> fill, Set<String> read,
		Set<Integer> stages) {

	public enum Type {
		TEXT, LONG_TEXT, DATE, TIME, NUMBER, SINGLE, MULTIPLE, RATING, TABLE, SIGNATURE,
		/** Photos or scans (JPEG, PNG, PDF) uploaded with the record; {@code max} files, 5 by default. */
		FILE
	}

	/** A field; {@code options} for SINGLE and MULTIPLE, {@code max} the scale of a RATING (1..max) or a NUMBER's top. */
	public record Field(String id, Type type, boolean required, List<String> options, Integer min, Integer max,
			Integer maxLength, List<Field> columns) {
	}

	public record Section(String id, List<Field> fields) {
	}

	public List<Field> fields() {
		return sections.stream().flatMap(s -> s.fields().stream()).toList();
	}

	/** The stage of a grade: 1 for grades 1–3, 2 for 4–6, 3 for 7–9, 4 for 10–12. */
	public static int stageOf(int grade) {
		return Math.min(4, Math.max(1, (grade + 2) / 3));
	}
}
