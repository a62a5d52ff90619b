package org.mindgrid.screening.scales;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * Reads and checks one scale file (format: ../shared/scales/README.md). Any problem is a {@link Broken} naming it;
 * {@link Scales} adds the file's name and stops the start.
 */
final class ScaleFileReader {

	// "value >= 2 …", "value == 2 …", "value ≥ 1 …"
	private static final Pattern RULE = Pattern.compile("^\\s*value\\s*(>=|≥|==)\\s*(-?\\d+)\\b.*", Pattern.DOTALL);

	private static final Pattern LEVEL = Pattern.compile("[a-z][a-z0-9_]*");

	static final class Broken extends RuntimeException {

		Broken(String message) {
			super(message);
		}
	}

	private enum Target {
		TOTAL, FACTORS, BOTH, DEFAULT
	}

	private ScaleFileReader() {
	}

	static Scale read(String id, JsonNode root, ScalePolicy policy) {
		if (root == null || !root.isObject()) {
			throw new Broken("the file is not a JSON object");
		}
		String fileId = optText(root, "id");
		String nameZh = text(root, "name_zh");
		String nameEn = optText(root, "name_en");
		JsonNode admin = root.path("administration");
		String instructionsZh = optText(root, "instructions_zh");
		if (instructionsZh == null) {
			// MHRSP has no instructions for the rater; its timeframe says what to rate on
			instructionsZh = optText(admin, "timeframe_zh");
		}
		String instructionsEn = optText(root, "instructions_en");
		String modeText = optText(admin, "mode");
		ScaleMode mode = modeText != null && (modeText.toLowerCase(Locale.ROOT).contains("observer")
				|| modeText.toLowerCase(Locale.ROOT).contains("rating")) ? ScaleMode.OBSERVER : ScaleMode.SELF_REPORT;

		List<ScaleOption> options = options(root);
		JsonNode scoring = root.path("scoring");
		if (!scoring.isObject()) {
			throw new Broken("no \"scoring\" object");
		}
		ScoreMethod method = method(scoring);
		List<ScaleItem> items = items(root, scoring);
		List<ScaleFactor> factors = factors(root, items);
		int minValue = options.stream().mapToInt(ScaleOption::value).min().orElseThrow();
		int maxValue = options.stream().mapToInt(ScaleOption::value).max().orElseThrow();

		// bands and what they apply to
		JsonNode bandsNode = scoring.path("bands");
		if (!bandsNode.isArray() || bandsNode.isEmpty()) {
			throw new Broken("scoring.bands: no bands");
		}
		List<JsonNode> totalRaw = new ArrayList<>();
		List<JsonNode> factorRaw = new ArrayList<>();
		String applyAll = optText(scoring, "bands_apply_to");
		boolean everyFactorHoldsAll = !factors.isEmpty()
				&& factors.stream().allMatch(f -> f.items().size() == items.size());
		int index = 0;
		for (JsonNode band : bandsNode) {
			String applies = optText(band, "applies_to");
			Target target = target(applies != null ? applies : applyAll, "scoring.bands[" + index + "]");
			if (target == Target.TOTAL || target == Target.BOTH || target == Target.DEFAULT) {
				totalRaw.add(band);
			}
			if (target == Target.FACTORS || target == Target.BOTH
					|| (target == Target.DEFAULT && everyFactorHoldsAll)) {
				factorRaw.add(band);
			}
			index++;
		}
		List<ScoreBand> totalBands = List.of();
		if (!totalRaw.isEmpty()) {
			double[] range = range(method, items.size(), minValue, maxValue);
			totalBands = bands(totalRaw, method, "total", range[0], range[1]);
		}
		List<ScoreBand> factorBands = List.of();
		if (!factorRaw.isEmpty()) {
			if (factors.isEmpty()) {
				throw new Broken("scoring.bands apply to factors but the scale has no factors");
			}
			double low = Double.MAX_VALUE;
			double high = -Double.MAX_VALUE;
			for (ScaleFactor f : factors) {
				double[] range = range(method, f.items().size(), minValue, maxValue);
				low = Math.min(low, range[0]);
				high = Math.max(high, range[1]);
			}
			factorBands = bands(factorRaw, method, "factor", low, high);
		}

		List<CriticalItem> critical = criticalItems(root, items, options);

		String flagLevel = policy.flagLevel();
		if (flagLevel == null) {
			List<ScoreBand> first = !totalBands.isEmpty() ? totalBands : factorBands;
			flagLevel = first.size() >= 2 ? first.get(1).level() : null;
		}
		else {
			String level = flagLevel;
			if (totalBands.stream().noneMatch(b -> b.level().equals(level))
					&& factorBands.stream().noneMatch(b -> b.level().equals(level))) {
				throw new Broken("policy flagLevel \"" + flagLevel + "\" is not one of the scale's band levels "
						+ levels(totalBands, factorBands));
			}
		}
		if (policy.validGradeFrom() > policy.gradeFrom() || policy.validGradeTo() < policy.gradeTo()) {
			throw new Broken("policy grades " + policy.gradeFrom() + "-" + policy.gradeTo()
					+ " are outside the valid grades " + policy.validGradeFrom() + "-" + policy.validGradeTo());
		}
		return new Scale(id, fileId != null ? fileId : id, nameZh, nameEn, instructionsZh, instructionsEn, mode,
				policy.gradeFrom(), policy.gradeTo(), method, options, items, factors, totalBands, factorBands,
				critical, flagLevel, source(root.path("source")), optText(root, "license_note"),
				policy.validGradeFrom(), policy.validGradeTo());
	}

	private static List<ScaleOption> options(JsonNode root) {
		JsonNode node = root.path("options");
		if (!node.isArray() || node.isEmpty()) {
			throw new Broken("no \"options\"");
		}
		List<ScaleOption> options = new ArrayList<>();
		Set<Integer> values = new HashSet<>();
		int i = 0;
		for (JsonNode o : node) {
			int value = integer(o, "value", "options[" + i + "]");
			if (!values.add(value)) {
				throw new Broken("options are not distinct: value " + value + " is given twice");
			}
			options.add(new ScaleOption(value, text(o, "label_zh", "options[" + i + "]"), optText(o, "label_en")));
			i++;
		}
		if (options.size() < 2) {
			throw new Broken("options: a scale needs at least two options");
		}
		return options;
	}

	private static ScoreMethod method(JsonNode scoring) {
		String method = text(scoring, "method", "scoring");
		switch (method.toLowerCase(Locale.ROOT)) {
			case "sum":
				return ScoreMethod.SUM;
			case "mean":
				return ScoreMethod.MEAN;
			default:
				throw new Broken("scoring.method \"" + method + "\" is neither \"sum\" nor \"mean\"");
		}
	}

	private static List<ScaleItem> items(JsonNode root, JsonNode scoring) {
		JsonNode node = root.path("items");
		if (!node.isArray() || node.isEmpty()) {
			throw new Broken("no items");
		}
		Set<Integer> reverse = new HashSet<>();
		JsonNode reverseNode = scoring.path("reverse_items");
		if (!reverseNode.isMissingNode() && !reverseNode.isNull()) {
			if (!reverseNode.isArray()) {
				throw new Broken("scoring.reverse_items is not a list of item numbers");
			}
			for (JsonNode r : reverseNode) {
				if (!r.isIntegralNumber()) {
					throw new Broken("scoring.reverse_items: \"" + r + "\" is not an item number");
				}
				reverse.add(r.intValue());
			}
		}
		List<ScaleItem> items = new ArrayList<>();
		Set<Integer> seen = new HashSet<>();
		int i = 0;
		for (JsonNode item : node) {
			String where = "items[" + i + "]";
			int no = integer(item, "no", where);
			if (!seen.add(no)) {
				throw new Broken("duplicate item number " + no);
			}
			JsonNode rev = item.path("reverse");
			if (!rev.isMissingNode() && !rev.isNull() && !rev.isBoolean()) {
				throw new Broken("item " + no + ": \"reverse\" is not true or false");
			}
			items.add(new ScaleItem(no, text(item, "text_zh", "item " + no), optText(item, "text_en"),
					optText(item, "factor"), rev.asBoolean(false) || reverse.contains(no)));
			i++;
		}
		for (Integer r : reverse) {
			if (!seen.contains(r)) {
				throw new Broken("scoring.reverse_items names item " + r + ", which does not exist");
			}
		}
		return items;
	}

	private static List<ScaleFactor> factors(JsonNode root, List<ScaleItem> items) {
		JsonNode node = root.path("factors");
		List<ScaleFactor> factors = new ArrayList<>();
		if (node.isMissingNode() || node.isNull()) {
			node = null;
		}
		else if (!node.isArray()) {
			throw new Broken("\"factors\" is not a list");
		}
		Map<Integer, ScaleItem> byNo = new HashMap<>();
		items.forEach(i -> byNo.put(i.no(), i));
		Map<Integer, String> factorOf = new HashMap<>();
		Set<String> ids = new LinkedHashSet<>();
		if (node != null) {
			Set<String> declared = new HashSet<>();
			node.forEach(f -> declared.add(optText(f, "id")));
			for (ScaleItem item : items) {
				if (item.factorId() != null && !declared.contains(item.factorId())) {
					throw new Broken("item " + item.no() + " names factor \"" + item.factorId()
							+ "\", which does not exist");
				}
			}
			int i = 0;
			for (JsonNode f : node) {
				String id = text(f, "id", "factors[" + i + "]");
				if (!ids.add(id)) {
					throw new Broken("duplicate factor id \"" + id + "\"");
				}
				JsonNode list = f.path("items");
				if (!list.isArray() || list.isEmpty()) {
					throw new Broken("factor \"" + id + "\" has no items");
				}
				List<Integer> numbers = new ArrayList<>();
				for (JsonNode n : list) {
					if (!n.isIntegralNumber()) {
						throw new Broken("factor \"" + id + "\": \"" + n + "\" is not an item number");
					}
					int no = n.intValue();
					ScaleItem item = byNo.get(no);
					if (item == null) {
						throw new Broken("factor \"" + id + "\" lists item " + no + ", which does not exist");
					}
					String other = factorOf.putIfAbsent(no, id);
					if (other != null) {
						throw new Broken("item " + no + " is in two factors, \"" + other + "\" and \"" + id + "\"");
					}
					if (item.factorId() != null && !item.factorId().equals(id)) {
						throw new Broken("factor \"" + id + "\" lists item " + no + ", which says its factor is \""
								+ item.factorId() + "\"");
					}
					numbers.add(no);
				}
				factors.add(new ScaleFactor(id, text(f, "name_zh", "factor \"" + id + "\""), optText(f, "name_en"),
						numbers));
				i++;
			}
		}
		for (ScaleItem item : items) {
			if (item.factorId() != null) {
				if (!ids.contains(item.factorId())) {
					throw new Broken("item " + item.no() + " names factor \"" + item.factorId()
							+ "\", which does not exist");
				}
				if (!item.factorId().equals(factorOf.get(item.no()))) {
					throw new Broken("item " + item.no() + " names factor \"" + item.factorId()
							+ "\", which does not list it");
				}
			}
		}
		return factors;
	}

	private static Target target(String appliesTo, String where) {
		if (appliesTo == null) {
			return Target.DEFAULT;
		}
		String s = appliesTo.toLowerCase(Locale.ROOT);
		if (s.contains("both")) {
			return Target.BOTH;
		}
		if (s.contains("subscale") || s.contains("factor")) {
			return s.contains("total") ? Target.BOTH : Target.FACTORS;
		}
		if (s.contains("total")) {
			return Target.TOTAL;
		}
		throw new Broken(where + ": cannot tell what the bands apply to (\"" + appliesTo + "\")");
	}

	private static double[] range(ScoreMethod method, int n, int min, int max) {
		return method == ScoreMethod.SUM ? new double[] { (double) n * min, (double) n * max }
				: new double[] { min, max };
	}

	/**
	 * Sorted by min; band i runs from its min up to the next band's min (exclusive), the last includes its max. The printed max of a band must be just below the
	 * next band's min: at most 1 below for sums (integers: 4 then 5), at most 0.01 below for means (1.99 then 2.0).
	 */
	private static List<ScoreBand> bands(List<JsonNode> raw, ScoreMethod method, String what, double low,
			double high) {
		record Raw(double min, double max, String level, String labelZh, String labelEn) {
		}
		List<Raw> list = new ArrayList<>();
		Set<String> levels = new HashSet<>();
		for (JsonNode b : raw) {
			String level = text(b, "level", "scoring.bands");
			if (!LEVEL.matcher(level).matches()) {
				throw new Broken("band level \"" + level + "\" must be lower case letters, digits and _");
			}
			if (!levels.add(level)) {
				throw new Broken(what + " bands: level \"" + level + "\" is given twice");
			}
			double min = number(b, "min", "band \"" + level + "\"");
			double max = number(b, "max", "band \"" + level + "\"");
			if (max < min) {
				throw new Broken("band \"" + level + "\": max " + max + " is below min " + min);
			}
			list.add(new Raw(min, max, level, optText(b, "label_zh"), optText(b, "label_en")));
		}
		list.sort(Comparator.comparingDouble(Raw::min));
		double step = method == ScoreMethod.SUM ? 1.0 : 0.01;
		List<ScoreBand> bands = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			Raw b = list.get(i);
			boolean last = i == list.size() - 1;
			if (!last) {
				Raw next = list.get(i + 1);
				if (next.min() <= b.max()) {
					throw new Broken(what + " bands \"" + b.level() + "\" [" + fmt(b.min()) + ", " + fmt(b.max())
							+ "] and \"" + next.level() + "\" [" + fmt(next.min()) + ", " + fmt(next.max())
							+ "] overlap");
				}
				if (next.min() - b.max() > step + 1e-9) {
					throw new Broken(what + " bands leave a gap between \"" + b.level() + "\" (max " + fmt(b.max())
							+ ") and \"" + next.level() + "\" (min " + fmt(next.min()) + ")");
				}
			}
			bands.add(new ScoreBand(b.min(), last ? b.max() : next(list, i).min(), last, b.level(), b.labelZh(),
					b.labelEn()));
		}
		if (bands.get(0).min() > low || bands.get(bands.size() - 1).max() < high) {
			throw new Broken(what + " bands cover " + fmt(bands.get(0).min()) + " to "
					+ fmt(bands.get(bands.size() - 1).max()) + " but " + what + " scores go from " + fmt(low) + " to "
					+ fmt(high));
		}
		return bands;
	}

	private static <T> T next(List<T> list, int i) {
		return list.get(i + 1);
	}

	private static List<CriticalItem> criticalItems(JsonNode root, List<ScaleItem> items, List<ScaleOption> options) {
		JsonNode node = root.path("critical_items");
		if (node.isMissingNode() || node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			throw new Broken("\"critical_items\" is not a list");
		}
		Set<Integer> numbers = items.stream().map(ScaleItem::no).collect(Collectors.toSet());
		Map<Integer, CriticalItem> critical = new LinkedHashMap<>();
		int i = 0;
		for (JsonNode c : node) {
			int no = integer(c, "no", "critical_items[" + i + "]");
			if (!numbers.contains(no)) {
				throw new Broken("critical item " + no + " does not exist among the items");
			}
			String rule = text(c, "rule", "critical item " + no);
			Matcher m = RULE.matcher(rule);
			if (!m.matches()) {
				throw new Broken("critical item " + no + ": cannot parse the rule \"" + rule
						+ "\" (expected \"value >= N …\" or \"value == N …\")");
			}
			String operator = "==".equals(m.group(1)) ? "==" : ">=";
			int threshold = Integer.parseInt(m.group(2));
			boolean urgent = rule.toLowerCase(Locale.ROOT).contains("alert");
			CriticalItem item = new CriticalItem(no, operator, threshold, urgent, rule, optText(c, "rule_basis"));
			if (options.stream().noneMatch(o -> item.hits(o.value()))) {
				throw new Broken("critical item " + no + ": the rule \"" + operator + " " + threshold
						+ "\" is never met by any option");
			}
			if (critical.put(no, item) != null) {
				throw new Broken("critical item " + no + " is given twice");
			}
			i++;
		}
		return critical.values().stream().sorted(Comparator.comparingInt(CriticalItem::itemNo)).toList();
	}

	private static String source(JsonNode source) {
		if (source.isString()) {
			return source.stringValue();
		}
		if (source.isObject()) {
			for (String key : List.of("citation", "original_citation")) {
				String s = optText(source, key);
				if (s != null) {
					return s;
				}
			}
		}
		return null;
	}

	private static String levels(List<ScoreBand> a, List<ScoreBand> b) {
		Set<String> levels = new LinkedHashSet<>();
		a.forEach(x -> levels.add(x.level()));
		b.forEach(x -> levels.add(x.level()));
		return levels.toString();
	}

	private static String fmt(double d) {
		return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
	}

	private static String text(JsonNode node, String field) {
		return text(node, field, null);
	}

	private static String text(JsonNode node, String field, String where) {
		String s = optText(node, field);
		if (s == null || s.isBlank()) {
			throw new Broken((where == null ? "" : where + ": ") + "no \"" + field + "\"");
		}
		return s;
	}

	private static String optText(JsonNode node, String field) {
		JsonNode v = node.path(field);
		if (v.isMissingNode() || v.isNull()) {
			return null;
		}
		if (!v.isString()) {
			throw new Broken("\"" + field + "\" is not text");
		}
		return v.stringValue();
	}

	private static int integer(JsonNode node, String field, String where) {
		JsonNode v = node.path(field);
		if (!v.isIntegralNumber() || !v.canConvertToInt()) {
			throw new Broken(where + ": \"" + field + "\" is not a whole number");
		}
		return v.intValue();
	}

	private static double number(JsonNode node, String field, String where) {
		JsonNode v = node.path(field);
		if (!v.isNumber()) {
			throw new Broken(where + ": \"" + field + "\" is not a number");
		}
		return v.doubleValue();
	}
}
