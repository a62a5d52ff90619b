package org.mindgrid.screening.scales;

import java.util.Locale;

/**
 * One item of a scale. {@code textEn} is null where no English wording was published (MSSMHS, MHRSP: never machine
 * translated); {@code factorId} may be null for an item counted in the total only.
 */
public record ScaleItem(int no, String textZh, String textEn, String factorId, boolean reverse) {

	/** The text in the reader's language; the Chinese text where there is no English one. */
	public String text(Locale locale) {
		return Scale.english(locale) && textEn != null ? textEn : textZh;
	}
}
