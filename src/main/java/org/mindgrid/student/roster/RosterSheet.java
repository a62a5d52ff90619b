package org.mindgrid.student.roster;

import java.util.List;

/** The cells of an uploaded file as text, each line with the row number the user sees in Excel. */
record RosterSheet(List<Line> lines) {

	record Line(int number, List<String> cells) {

		String cell(int index) {
			return index >= 0 && index < cells.size() && cells.get(index) != null ? cells.get(index) : "";
		}

		boolean blank() {
			return cells.stream().allMatch(c -> c == null || RosterText.clean(c).isEmpty());
		}
	}
}
