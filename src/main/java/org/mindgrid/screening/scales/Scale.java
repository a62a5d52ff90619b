package org.mindgrid.screening.scales;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A screening instrument loaded from {@code screening/scales/<id>.json}. {@code id} is the file name (the API's scale
 * id: {@code mssmhs}, {@code mhrsp}, {@code phq9}, {@code gad7}), {@code fileId} the file's own id field
 * ({@code PHQ-9}). {@code gradeFrom}..{@code gradeTo} are the grades the school screens with it by default
 * (policy file {@code screening/scale-policy.json}); {@code validGradeFrom}..{@code validGradeTo} the grades the
 * instrument is meant for at all (MHRSP 1-6, screened 4-6 by default). {@code totalBands} band the total (empty: the
 * total has no band, e.g. MHRSP), {@code factorBands} band every factor (empty: factors have none). {@code flagLevel}
 * is the band level at or above which a total or a factor score is a {@code CUTOFF} flag (null: never).
 * {@code source} is the citation, {@code licenseNote} the file's licence note: show both with the scale.
 */
public record Scale(String id, String fileId, String nameZh, String nameEn, String instructionsZh,
		String instructionsEn, ScaleMode mode, int gradeFrom, int gradeTo, ScoreMethod method,
		List<ScaleOption> options, List<ScaleItem> items, List<ScaleFactor> factors, List<ScoreBand> totalBands,
		List<ScoreBand> factorBands, List<CriticalItem> criticalItems, String flagLevel, String source,
		String licenseNote, int validGradeFrom, int validGradeTo) {

	/** The contract's shape: valid grades = default grades. */
	public Scale(String id, String fileId, String nameZh, String nameEn, String instructionsZh, String instructionsEn,
			ScaleMode mode, int gradeFrom, int gradeTo, ScoreMethod method, List<ScaleOption> options,
			List<ScaleItem> items, List<ScaleFactor> factors, List<ScoreBand> totalBands,
			List<ScoreBand> factorBands, List<CriticalItem> criticalItems, String flagLevel, String source,
			String licenseNote) {
		this(id, fileId, nameZh, nameEn, instructionsZh, instructionsEn, mode, gradeFrom, gradeTo, method, options,
				items, factors, totalBands, factorBands, criticalItems, flagLevel, source, licenseNote, gradeFrom,
				gradeTo);
	}

	public Scale {
		options = List.copyOf(options);
		items = List.copyOf(items);
		factors = List.copyOf(factors);
		totalBands = List.copyOf(totalBands);
		factorBands = List.copyOf(factorBands);
		criticalItems = List.copyOf(criticalItems);
	}

	static boolean english(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage());
	}

	/** Whether {@code value} is one of the options' values. */
	public boolean allows(int value) {
		for (ScaleOption o : options) {
			if (o.value() == value) {
				return true;
			}
		}
		return false;
	}

	public int itemCount() {
		return items.size();
	}

	public String name(Locale locale) {
		return english(locale) && nameEn != null ? nameEn : nameZh;
	}

	/** The instructions in the reader's language; the Chinese ones where the file has none in English. */
	public String instructions(Locale locale) {
		return english(locale) && instructionsEn != null ? instructionsEn : instructionsZh;
	}

	/** The item's text in the reader's language (Chinese where no English wording exists). */
	public String itemText(int no, Locale locale) {
		return item(no).map(i -> i.text(locale))
				.orElseThrow(() -> new IllegalArgumentException(id + " has no item " + no));
	}

	/** Whether the items exist in English (PHQ-9, GAD-7) or only in Chinese (MSSMHS, MHRSP). */
	public boolean hasEnglishItems() {
		return items.stream().allMatch(i -> i.textEn() != null);
	}

	public Optional<ScaleItem> item(int no) {
		return items.stream().filter(i -> i.no() == no).findFirst();
	}

	public Optional<ScaleFactor> factor(String factorId) {
		return factors.stream().filter(f -> f.id().equals(factorId)).findFirst();
	}

	public Optional<ScaleOption> option(int value) {
		return options.stream().filter(o -> o.value() == value).findFirst();
	}

	public Optional<CriticalItem> criticalItem(int no) {
		return criticalItems.stream().filter(c -> c.itemNo() == no).findFirst();
	}

	/** The item numbers in file order. */
	public List<Integer> itemNumbers() {
		return items.stream().map(ScaleItem::no).toList();
	}

	public int minValue() {
		return options.stream().mapToInt(ScaleOption::value).min().orElseThrow();
	}

	public int maxValue() {
		return options.stream().mapToInt(ScaleOption::value).max().orElseThrow();
	}

	/** Whether a school screens this grade with the scale by default (policy grades). */
	public boolean defaultFor(int grade) {
		return grade >= gradeFrom && grade <= gradeTo;
	}

	/** Whether the instrument is meant for this grade at all. */
	public boolean validFor(int grade) {
		return grade >= validGradeFrom && grade <= validGradeTo;
	}

	public boolean observer() {
		return mode == ScaleMode.OBSERVER;
	}

	/** The band of a total score, or null (no total bands). */
	public ScoreBand totalBand(double total) {
		return bandOf(totalBands, total);
	}

	/** The band of a factor score, or null (no factor bands). */
	public ScoreBand factorBand(double score) {
		return bandOf(factorBands, score);
	}

	static ScoreBand bandOf(List<ScoreBand> bands, double v) {
		for (ScoreBand b : bands) {
			if (b.contains(v)) {
				return b;
			}
		}
		return null;
	}
}
