package org.mindgrid.screening.classwork;

import java.util.Map;
import java.util.TreeMap;

/** Reads a response's {@code answers} ({@code {"1": 2, "12": 0}}, written by the core only). */
final class AnswerJson {

	private AnswerJson() {
	}

	static Map<Integer, Integer> parse(String json) {
		Map<Integer, Integer> answers = new TreeMap<>();
		if (json == null) {
			return answers;
		}
		String body = json.strip();
		if (body.length() < 2) {
			return answers;
		}
		body = body.substring(1, body.length() - 1).strip();
		if (body.isEmpty()) {
			return answers;
		}
		for (String pair : body.split(",")) {
			String[] kv = pair.split(":");
			answers.put(Integer.valueOf(kv[0].strip().replace("\"", "")), Integer.valueOf(kv[1].strip()));
		}
		return answers;
	}
}
