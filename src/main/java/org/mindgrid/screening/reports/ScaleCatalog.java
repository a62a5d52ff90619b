package org.mindgrid.screening.reports;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * What the reports need to know of each scale: names, factors in file order, and the ordered bands (levels) with
 * their labels. Read from the same definition files as the scale engine ({@code screening/scales/*.json}, id = file
 * name), so a new scale file shows up in the reports too. Scoring stays with the engine: reports only read
 * {@code screening_result}.
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

	public ScaleCatalog() {
		this(load("classpath*:screening/scales/*.json"));
	}

	ScaleCatalog(Map<String, ScaleInfo> scales) {
		this.scales = scales;
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

	private static Map<String, ScaleInfo> load(String pattern) {
		JsonMapper json = JsonMapper.builder().build();
		Map<String, ScaleInfo> out = new LinkedHashMap<>();
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources(pattern);
			List<Resource> sorted = new ArrayList<>(List.of(files));
			sorted.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
			for (Resource file : sorted) {
				String name = String.valueOf(file.getFilename());
				String id = name.replaceFirst("\\.json$", "");
				try (InputStream in = file.getInputStream()) {
					out.put(id, parse(id, json.readTree(in)));
				}
			}
		}
		catch (IOException e) {
			throw new IllegalStateException("screening scale files unreadable: " + e.getMessage(), e);
		}
		return out;
	}

	static ScaleInfo parse(String id, JsonNode root) {
		List<FactorInfo> factors = new ArrayList<>();
		for (JsonNode f : root.path("factors")) {
			factors.add(new FactorInfo(f.path("id").asString(), text(f, "name_zh"), text(f, "name_en")));
		}
		JsonNode scoring = root.path("scoring");
		List<BandInfo> bands = new ArrayList<>();
		boolean subscaleOnly = false;
		for (JsonNode b : scoring.path("bands")) {
			bands.add(new BandInfo(b.path("level").asString(), text(b, "label_zh"), text(b, "label_en")));
			String applies = text(b, "applies_to");
			if (applies != null && applies.contains("subscale")) {
				subscaleOnly = true;
			}
		}
		boolean mean = "mean".equalsIgnoreCase(text(scoring, "method"));
		return new ScaleInfo(id, text(root, "name_zh"), text(root, "name_en"), mean, List.copyOf(factors),
				List.copyOf(bands), !bands.isEmpty() && !subscaleOnly);
	}

	private static String text(JsonNode node, String field) {
		JsonNode v = node.get(field);
		return v == null || v.isNull() ? null : v.asString();
	}
}
