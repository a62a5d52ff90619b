package org.mindgrid.student.roster;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV as Excel writes it: comma separated (tab when the first line has tabs but no commas), fields in
 * double quotes may hold commas, quotes ("") and line breaks; CRLF, LF or CR end a record. A record's number is
 * the row number Excel shows.
 */
final class RosterCsv {

	private RosterCsv() {
	}

	static RosterSheet parse(String text) {
		char sep = separator(text);
		List<RosterSheet.Line> lines = new ArrayList<>();
		List<String> cells = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean fieldStarted = false;
		int number = 1;
		int n = text.length();
		for (int i = 0; i < n; i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < n && text.charAt(i + 1) == '"') {
						field.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"' && field.isEmpty()) {
				quoted = true;
				fieldStarted = true;
			}
			else if (c == sep) {
				cells.add(field.toString());
				field.setLength(0);
				fieldStarted = true;
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
					i++;
				}
				cells.add(field.toString());
				lines.add(new RosterSheet.Line(number++, cells));
				cells = new ArrayList<>();
				field.setLength(0);
				fieldStarted = false;
			}
			else {
				field.append(c);
				fieldStarted = true;
			}
		}
		if (fieldStarted || !field.isEmpty() || !cells.isEmpty()) {
			cells.add(field.toString());
			lines.add(new RosterSheet.Line(number, cells));
		}
		return new RosterSheet(lines);
	}

	private static char separator(String text) {
		int end = text.indexOf('\n');
		String first = end < 0 ? text : text.substring(0, end);
		return first.indexOf(',') < 0 && first.indexOf('\t') >= 0 ? '\t' : ',';
	}
}
