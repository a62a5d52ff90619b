package org.mindgrid.screening.results;

import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The module's {@code jsonb} columns (answers, factor scores and bands) written and read in one place. */
public final class ScoreJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ScoreJson() {
	}

	/** A map as a JSON object; keys as strings ({@code {"1":2}}, {@code {"depression":1.0}}). */
	public static String write(Map<?, ?> values) {
		return JSON.writeValueAsString(values);
	}

	/** Saved answers by item number, in item order. */
	public static Map<Integer, Integer> answers(String json) {
		return new TreeMap<>(JSON.readValue(json, new TypeReference<Map<Integer, Integer>>() {
		}));
	}

	public static Map<String, Double> scores(String json) {
		return JSON.readValue(json, new TypeReference<Map<String, Double>>() {
		});
	}

	public static Map<String, String> bands(String json) {
		return JSON.readValue(json, new TypeReference<Map<String, String>>() {
		});
	}
}
