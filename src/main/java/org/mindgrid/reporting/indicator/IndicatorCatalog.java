package org.mindgrid.reporting.indicator;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.mindgrid.reporting.indicator.IndicatorDefinition.Unit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The indicators, read once from {@code reporting/indicators.yml} and checked at start: an indicator with a
 * missing field, an unknown period or unit, a target outside 0–100, a query that does not select one district or
 * a name missing from a message bundle stops the application with the reason.
 */
@Component
public class IndicatorCatalog {

	static final String RESOURCE = "reporting/indicators.yml";

	private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{1,40}");

	private final Map<String, IndicatorDefinition> byId;

	IndicatorCatalog(MessageSource messages) throws IOException {
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			this.byId = parse(in, messages);
		}
	}

	public List<IndicatorDefinition> all() {
		return List.copyOf(byId.values());
	}

	public Optional<IndicatorDefinition> find(String id) {
		return Optional.ofNullable(byId.get(id));
	}

	static Map<String, IndicatorDefinition> parse(InputStream in, MessageSource messages) {
		Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		if (!(root instanceof List<?> entries)) {
			throw new IllegalStateException(RESOURCE + ": a list of indicators expected");
		}
		Map<String, IndicatorDefinition> byId = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		int n = 0;
		for (Object entry : entries) {
			n++;
			if (!(entry instanceof Map<?, ?> map)) {
				problems.add("entry " + n + ": not a map");
				continue;
			}
			String where = "entry " + n + " (" + map.get("id") + ")";
			try {
				IndicatorDefinition d = definition(map);
				if (byId.putIfAbsent(d.id(), d) != null) {
					problems.add(where + ": id used twice");
				}
				for (String key : List.of("indicator." + d.id() + ".name", "indicator." + d.id() + ".rule")) {
					for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
						if (messages.getMessage(key, null, null, locale) == null) {
							problems.add(where + ": no message " + key + " (" + locale + ")");
						}
					}
				}
			}
			catch (IllegalArgumentException e) {
				problems.add(where + ": " + e.getMessage());
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException(RESOURCE + " is not valid:\n  " + String.join("\n  ", problems));
		}
		return byId;
	}

	private static IndicatorDefinition definition(Map<?, ?> map) {
		String id = text(map, "id");
		if (!ID.matcher(id).matches()) {
			throw new IllegalArgumentException("id must be lower case letters, digits and _");
		}
		IndicatorPeriod period = IndicatorPeriod.valueOf(text(map, "period"));
		Unit unit = Unit.valueOf(text(map, "unit"));
		BigDecimal threshold = map.get("threshold") == null ? null : new BigDecimal(map.get("threshold").toString());
		BigDecimal target = new BigDecimal(text(map, "target"));
		if (target.signum() < 0 || target.compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new IllegalArgumentException("target must be 0 to 100 (percent)");
		}
		String sql = text(map, "sql").strip();
		if (!sql.contains(":district")) {
			throw new IllegalArgumentException("sql must select the units of :district");
		}
		if (sql.contains(":threshold") && threshold == null) {
			throw new IllegalArgumentException("sql uses :threshold but none is given");
		}
		return new IndicatorDefinition(id, text(map, "source"), period, unit, threshold, target, sql);
	}

	private static String text(Map<?, ?> map, String key) {
		Object value = map.get(key);
		if (value == null || value.toString().isBlank()) {
			throw new IllegalArgumentException("missing " + key);
		}
		return value.toString();
	}
}
