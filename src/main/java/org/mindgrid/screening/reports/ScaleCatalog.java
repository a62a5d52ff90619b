package org.mindgrid.screening.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.mindgrid.screening.scales.Scale;
import org.mindgrid.screening.scales.Scales;
import org.mindgrid.screening.scales.ScoreBand;
import org.mindgrid.screening.scales.ScoreMethod;

import org.springframework.stereotype.Component;

/**
 * What the reports need to know of each scale, taken from the scale engine ({@link Scales}): names, factors in file
 * order, and the ordered bands (levels) with their labels; a new scale file shows up in the reports too. Scoring
 * stays with the engine: reports only read {@code screening_result}.
 */
@Component
public class ScaleCatalog {

	/** A factor (subscale) of a scale. */
	public record FactorInfo(String id, String nameZh, String nameEn) {

		public String name(Locale locale) {
			return "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : nameZh;
		}
	}

	/** A band of a scale, in order from the least to the most concern. */
	public record BandInfo(String level, String labelZh, String labelEn) {
	}

	/**
	 * @param totalBanded whether the total has bands of its own (MHRSP's bands apply to each subscale only)
	 */
	public record ScaleInfo(String id, String nameZh, String nameEn, boolean mean, List<FactorInfo> factors,
			List<BandInfo> bands, boolean totalBanded) {

		public String name(Locale locale) {
			return "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : nameZh;
		}

		public int bandIndex(String level) {
			for (int i = 0; i < bands.size(); i++) {
				if (bands.get(i).level().equals(level)) {
					return i;
				}
			}
			return -1;
		}

		/** A single-factor scale (PHQ-9, GAD-7): the factor is the total. */
		public boolean singleFactor() {
			return factors.size() == 1;
		}
	}

	private final Map<String, ScaleInfo> scales;

	@org.springframework.beans.factory.annotation.Autowired
	public ScaleCatalog(Scales engine) {
		this(from(engine));
	}

	ScaleCatalog(Map<String, ScaleInfo> scales) {
		this.scales = scales;
	}

	/** The engine's scales, in its order: factor bands where factors have them, else the total's bands. */
	private static Map<String, ScaleInfo> from(Scales engine) {
		Map<String, ScaleInfo> out = new LinkedHashMap<>();
		for (Scale s : engine.all()) {
			List<FactorInfo> factors = s.factors().stream().map(f -> new FactorInfo(f.id(), f.nameZh(), f.nameEn()))
				.toList();
			List<ScoreBand> source = s.factorBands().isEmpty() ? s.totalBands() : s.factorBands();
			List<BandInfo> bands = source.stream().map(b -> new BandInfo(b.level(), b.labelZh(), b.labelEn())).toList();
			out.put(s.id(), new ScaleInfo(s.id(), s.nameZh(), s.nameEn(), s.method() == ScoreMethod.MEAN, factors,
					bands, !s.totalBands().isEmpty()));
		}
		return out;
	}

	public Optional<ScaleInfo> find(String id) {
		return Optional.ofNullable(scales.get(id));
	}

	/** A scale id of a stored result whose file went away: a bare entry, so that old results still count. */
	public ScaleInfo get(String id) {
		return find(id).orElseGet(() -> new ScaleInfo(id, id, id, false, List.of(), List.of(), false));
	}

	public List<ScaleInfo> all() {
		return List.copyOf(scales.values());
	}
}
