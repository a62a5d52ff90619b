package org.mindgrid.screening.classwork;

import java.util.List;
import java.util.Locale;

import org.mindgrid.screening.classwork.PaperImport.ImportResult;

import org.springframework.context.MessageSource;

/** An import's outcome worded in the reader's language for the page. */
record ImportView(String scaleId, boolean applied, int rows, int submitted, int skipped, List<Line> errors,
		int moreErrors) {

	record Line(int row, String column, String studentNo, String message) {
	}

	static ImportView of(ImportResult result, MessageSource messages, Locale locale) {
		List<Line> lines = result.errors()
			.stream()
			.map(e -> new Line(e.row(), e.column(), e.studentNo(),
					messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale)))
			.toList();
		return new ImportView(result.scaleId(), result.applied(), result.rows(), result.submitted(), result.skipped(),
				lines, result.moreErrors());
	}
}
