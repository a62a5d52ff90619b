package org.mindgrid.screening.scales;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The scale engine: every {@code classpath*:screening/scales/*.json} (scale id = file name), with the school's
 * policy {@code screening/scale-policy.json} (grades, flag level). Files are checked at start: a broken one stops the
 * application with a message naming the file and the problem. Scoring is pure (no database): see {@link #score}.
 */
@Component
public class Scales {

	public static final String SCALE_FILES = "classpath*:screening/scales/*.json";

	public static final String POLICY_FILE = "classpath:screening/scale-policy.json";

	private static final Logger log = LoggerFactory.getLogger(Scales.class);

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

	private static final JsonMapper JSON = JsonMapper.builder()
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.build();

	private final Map<String, Scale> scales;

	private final Map<String, Compiled> compiled;

	@Autowired
	public Scales() {
		this(SCALE_FILES, POLICY_FILE);
	}

	/**
	 * Scales from other files (tests): {@code scalePattern} a resource pattern such as
	 * {@code classpath*:screening-bad/gap/*.json}, {@code policyLocation} a policy file or null for none.
	 */
	public Scales(String scalePattern, String policyLocation) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
				Scales.class.getClassLoader());
		Map<String, ScalePolicy> policies = policyLocation == null ? Map.of()
				: readPolicy(resolver.getResource(policyLocation));
		Resource[] files;
		try {
			files = resolver.getResources(scalePattern);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Scale files " + scalePattern + " cannot be listed: " + ex.getMessage(),
					ex);
		}
		Map<String, Scale> byId = new TreeMap<>();
		Map<String, String> where = new HashMap<>();
		for (Resource file : files) {
			String name = file.getFilename();
			String id = name.substring(0, name.length() - ".json".length());
			String described = describe(file);
			if (!ID.matcher(id).matches()) {
				throw new IllegalStateException("Scale file " + described + ": the file name \"" + name
						+ "\" must be lower case letters, digits, - and _ (it is the scale's id)");
			}
			if (where.containsKey(id)) {
				throw new IllegalStateException("Scale file " + described + ": a scale \"" + id
						+ "\" is already loaded from " + where.get(id));
			}
			JsonNode root;
			try (InputStream in = file.getInputStream()) {
				root = JSON.readTree(in);
			}
			catch (JacksonException ex) {
				throw new IllegalStateException("Scale file " + described + " is not valid JSON: "
						+ ex.getOriginalMessage(), ex);
			}
			catch (IOException ex) {
				throw new IllegalStateException("Scale file " + described + " cannot be read: " + ex.getMessage(), ex);
			}
			try {
				byId.put(id, ScaleFileReader.read(id, root, ScalePolicy.of(policies, id)));
			}
			catch (ScaleFileReader.Broken ex) {
				throw new IllegalStateException("Scale file " + described + ": " + ex.getMessage(), ex);
			}
			where.put(id, described);
		}
		for (String id : policies.keySet()) {
			if (!byId.containsKey(id)) {
				throw new IllegalStateException("Scale policy " + policyLocation + " names scale \"" + id
						+ "\", which has no file " + scalePattern);
			}
		}
		this.scales = Map.copyOf(byId);
		Map<String, Compiled> lookups = new HashMap<>();
		byId.forEach((id, scale) -> lookups.put(id, new Compiled(scale)));
		this.compiled = Map.copyOf(lookups);
		log.info("Scales loaded: {}", byId.keySet());
	}

	/** Every scale, by id. */
	public List<Scale> all() {
		return scales.values().stream().sorted(Comparator.comparing(Scale::id)).toList();
	}

	public Optional<Scale> find(String id) {
		return Optional.ofNullable(id == null ? null : scales.get(id));
	}

	/** The scale, or IllegalArgumentException naming the unknown id. */
	public Scale get(String id) {
		return find(id).orElseThrow(() -> new IllegalArgumentException("Unknown scale \"" + id + "\" (known: "
				+ String.join(", ", new TreeMap<>(scales).keySet()) + ")"));
	}

	/**
	 * Checks answers (item number → value): every value one of the options and every item number the scale's; with
	 * {@code complete} also that every item is answered. Null values count as not answered.
	 * @throws ScaleAnswerException naming the items ({@code answers.<no>})
	 */
	public void check(Scale scale, Map<Integer, Integer> answers, boolean complete) {
		check(compiled(scale), answers, complete);
	}

	private static void check(Compiled c, Map<Integer, Integer> answers, boolean complete) {
		int answered = 0;
		boolean bad = false;
		for (Map.Entry<Integer, Integer> e : answers.entrySet()) {
			Integer position = e.getKey() == null ? null : c.position.get(e.getKey());
			if (position == null) {
				bad |= e.getKey() != null;
			}
			else if (e.getValue() != null) {
				if (c.allows(e.getValue())) {
					answered++;
				}
				else {
					bad = true;
				}
			}
		}
		if (!bad && (!complete || answered == c.itemNos.length)) {
			return;
		}
		// the slow path: name every item in trouble, in item order
		List<Integer> missing = new ArrayList<>();
		Map<Integer, Integer> outOfRange = new LinkedHashMap<>();
		List<Integer> unknown = new ArrayList<>();
		for (Map.Entry<Integer, Integer> e : new TreeMap<>(nonNullKeys(answers)).entrySet()) {
			if (!c.position.containsKey(e.getKey())) {
				unknown.add(e.getKey());
			}
			else if (e.getValue() != null && !c.allows(e.getValue())) {
				outOfRange.put(e.getKey(), e.getValue());
			}
		}
		if (complete) {
			for (int no : c.itemNos) {
				if (answers.get(no) == null) {
					missing.add(no);
				}
			}
			missing.sort(Comparator.naturalOrder());
		}
		throw new ScaleAnswerException(c.scale, missing, outOfRange, unknown);
	}

	/**
	 * Scores a completed questionnaire. Reverse-keyed items count {@code min + max option − value}; sums are sums of
	 * the values, means are sum / number of items in floating point. Critical items compare the value as answered.
	 * @throws ScaleAnswerException (an IllegalArgumentException) when an item is missing, unknown or out of range
	 */
	public ScaleScore score(Scale scale, Map<Integer, Integer> answers) {
		Compiled c = compiled(scale);
		check(c, answers, true);
		int n = c.itemNos.length;
		int[] scored = new int[n];
		long sum = 0;
		for (int i = 0; i < n; i++) {
			int v = answers.get(c.itemNos[i]);
			scored[i] = c.reverse[i] ? c.reverseBase - v : v;
			sum += scored[i];
		}
		boolean mean = scale.method() == ScoreMethod.MEAN;
		double total = mean ? (double) sum / n : sum;
		ScoreBand totalBand = scale.totalBand(total);
		boolean cutoff = atOrAbove(scale.totalBands(), totalBand, scale.flagLevel());

		Map<String, Double> factors = new LinkedHashMap<>();
		Map<String, String> factorBands = new LinkedHashMap<>();
		List<ScaleFactor> fs = scale.factors();
		for (int f = 0; f < fs.size(); f++) {
			int[] positions = c.factorPositions[f];
			long fsum = 0;
			for (int position : positions) {
				fsum += scored[position];
			}
			double score = mean ? (double) fsum / positions.length : fsum;
			factors.put(fs.get(f).id(), score);
			ScoreBand band = scale.factorBand(score);
			if (band != null) {
				factorBands.put(fs.get(f).id(), band.level());
				cutoff |= atOrAbove(scale.factorBands(), band, scale.flagLevel());
			}
		}

		List<Integer> hits = new ArrayList<>();
		boolean urgent = false;
		for (CriticalItem ci : scale.criticalItems()) {
			if (ci.hits(answers.get(ci.itemNo()))) {
				hits.add(ci.itemNo());
				urgent |= ci.urgent();
			}
		}
		return new ScaleScore(scale.id(), total, totalBand == null ? null : totalBand.level(), factors, factorBands,
				hits, urgent, cutoff);
	}

	/** A scale's lookups, made once per loaded scale (and on the fly for a Scale built elsewhere). */
	private static final class Compiled {

		final Scale scale;

		final int[] itemNos;

		final boolean[] reverse;

		final Map<Integer, Integer> position = new HashMap<>();

		final int minValue;

		final boolean[] allowed;

		final int reverseBase;

		final int[][] factorPositions;

		Compiled(Scale scale) {
			this.scale = scale;
			List<ScaleItem> items = scale.items();
			itemNos = new int[items.size()];
			reverse = new boolean[items.size()];
			for (int i = 0; i < items.size(); i++) {
				itemNos[i] = items.get(i).no();
				reverse[i] = items.get(i).reverse();
				position.put(itemNos[i], i);
			}
			minValue = scale.minValue();
			int maxValue = scale.maxValue();
			allowed = new boolean[maxValue - minValue + 1];
			scale.options().forEach(o -> allowed[o.value() - minValue] = true);
			reverseBase = minValue + maxValue;
			factorPositions = new int[scale.factors().size()][];
			for (int f = 0; f < factorPositions.length; f++) {
				List<Integer> fi = scale.factors().get(f).items();
				factorPositions[f] = new int[fi.size()];
				for (int j = 0; j < fi.size(); j++) {
					factorPositions[f][j] = position.get(fi.get(j));
				}
			}
		}

		boolean allows(int value) {
			int i = value - minValue;
			return i >= 0 && i < allowed.length && allowed[i];
		}
	}

	private Compiled compiled(Scale scale) {
		Compiled c = compiled.get(scale.id());
		return c != null && (c.scale == scale || c.scale.equals(scale)) ? c : new Compiled(scale);
	}

	/** Whether {@code band} is the band of {@code flagLevel} or one above it in {@code bands}. */
	private static boolean atOrAbove(List<ScoreBand> bands, ScoreBand band, String flagLevel) {
		if (band == null || flagLevel == null) {
			return false;
		}
		int flag = -1;
		for (int i = 0; i < bands.size(); i++) {
			if (bands.get(i).level().equals(flagLevel)) {
				flag = i;
			}
		}
		return flag >= 0 && bands.indexOf(band) >= flag;
	}

	private static Map<Integer, Integer> nonNullKeys(Map<Integer, Integer> answers) {
		Map<Integer, Integer> copy = new HashMap<>();
		answers.forEach((k, v) -> {
			if (k != null) {
				copy.put(k, v);
			}
		});
		return copy;
	}

	private static String describe(Resource file) {
		try {
			return file.getFilename() + " (" + file.getURL() + ")";
		}
		catch (IOException ex) {
			return file.getDescription();
		}
	}

	private static Map<String, ScalePolicy> readPolicy(Resource file) {
		String name = file.getDescription();
		if (!file.exists()) {
			throw new IllegalStateException("Scale policy " + name + " does not exist");
		}
		JsonNode root;
		try (InputStream in = file.getInputStream()) {
			root = JSON.readTree(in);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("Scale policy " + name + " is not valid JSON: " + ex.getOriginalMessage(),
					ex);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Scale policy " + name + " cannot be read: " + ex.getMessage(), ex);
		}
		if (!root.isObject()) {
			throw new IllegalStateException("Scale policy " + name + " is not a JSON object");
		}
		Map<String, ScalePolicy> policies = new HashMap<>();
		for (Map.Entry<String, JsonNode> e : root.properties()) {
			if (e.getKey().startsWith("_")) {
				continue;
			}
			String where = "Scale policy " + name + ", scale \"" + e.getKey() + "\": ";
			JsonNode p = e.getValue();
			if (!p.isObject()) {
				throw new IllegalStateException(where + "not a JSON object");
			}
			for (String key : p.propertyNames()) {
				if (!key.startsWith("_") && !Set.of("grades", "validGrades", "flagLevel").contains(key)) {
					throw new IllegalStateException(where + "unknown setting \"" + key + "\"");
				}
			}
			int[] grades = grades(p.path("grades"), where + "grades", new int[] { 1, 12 });
			int[] valid = grades(p.path("validGrades"), where + "validGrades", grades);
			JsonNode flag = p.path("flagLevel");
			if (!flag.isMissingNode() && !flag.isNull() && !flag.isString()) {
				throw new IllegalStateException(where + "flagLevel is not text");
			}
			policies.put(e.getKey(), new ScalePolicy(grades[0], grades[1], valid[0], valid[1],
					flag.isString() ? flag.stringValue() : null));
		}
		return policies;
	}

	private static int[] grades(JsonNode node, String where, int[] otherwise) {
		if (node.isMissingNode() || node.isNull()) {
			return otherwise;
		}
		if (!node.isArray() || node.size() != 2 || !node.get(0).isIntegralNumber()
				|| !node.get(1).isIntegralNumber()) {
			throw new IllegalStateException(where + " must be [from, to]");
		}
		int from = node.get(0).intValue();
		int to = node.get(1).intValue();
		if (from < 1 || to > 12 || from > to) {
			throw new IllegalStateException(where + " [" + from + ", " + to + "] must lie within 1-12, from <= to");
		}
		return new int[] { from, to };
	}
}
