package org.mindgrid.student.roster.web;

import java.util.List;
import java.util.Locale;

import org.mindgrid.student.roster.RosterError;
import org.mindgrid.student.roster.RosterResult;

import org.springframework.context.MessageSource;

/** The answer of an import, as the API returns it and the page shows it: messages in the caller's language. */
record RosterView(int imported, int updated, int unchanged, List<ErrorView> errors) {

	/** {@code studentNo} and {@code name}: the row's 学号 and 姓名 as typed, empty for the header or the file. */
	record ErrorView(int row, String column, String studentNo, String name, String message) {
	}

	static RosterView of(RosterResult result, MessageSource messages, Locale locale) {
		List<ErrorView> errors = result.errors()
			.stream()
			.map(e -> new ErrorView(e.row(), e.column(), e.studentNo(), e.name(), message(e, messages, locale)))
			.toList();
		return new RosterView(result.imported(), result.updated(), result.unchanged(), errors);
	}

	private static String message(RosterError e, MessageSource messages, Locale locale) {
		return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
	}
}
