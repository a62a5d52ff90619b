package org.mindgrid.screening.scales;

import java.util.Locale;

/** One answer option of a scale: the value scored and its label. */
public record ScaleOption(int value, String labelZh, String labelEn) {

	/** The label in the reader's language; Chinese where the file has no English label. */
	public String label(Locale locale) {
		return Scale.english(locale) && labelEn != null ? labelEn : labelZh;
	}
}
