package org.mindgrid.screening.scales;

import java.util.Locale;

/**
 * A band of scores. Bands are half-open intervals, min inclusive and max exclusive, where {@code max} is the next
 * band's minimum; the last band includes its max. The files' printed upper bounds (1.99 before 2, 4 before 5) are print
 * conventions (see the MSSMHS file's {@code interval_rule}): a mean of 1.995 is in the first band, not in a gap.
 * {@code level} is the file's code for the band ({@code none}, {@code mild}, {@code moderate}, ...); words for it are
 * {@code screening.band.<level>} in the screening bundle, the file's own labels are kept here too.
 */
public record ScoreBand(double min, double max, boolean maxInclusive, String level, String labelZh, String labelEn) {

	public boolean contains(double v) {
		return v >= min && (maxInclusive ? v <= max : v < max);
	}

	/** The file's label in the reader's language; the Chinese label where the file has no English one. */
	public String label(Locale locale) {
		return Scale.english(locale) && labelEn != null ? labelEn : labelZh;
	}
}
