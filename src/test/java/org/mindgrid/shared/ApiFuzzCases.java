package org.mindgrid.shared;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Requests generated from the OpenAPI document: for each operation a plausible baseline (built from its schema)
 * and malformed variants of it, each with exactly one thing wrong. Every variant is malformed by construction,
 * so none of them may be accepted, let alone answered 5xx.
 * <p>
 * The baselines of writing operations are made to be refused late (a date tomorrow, an end before the start, an id
 * that does not exist, see {@link #guards()}), so that even a variant that slipped through would write nothing into
 * the shared demo data. A new writing endpoint needs a guard here.
 */
final class ApiFuzzCases {

	/** One request: a method, a path with query string, a content type (or null) and a body (or null). */
	record Probe(String operation, String method, String path, String contentType, byte[] body, String what) {
	}

	/** An id that no table has. */
	static final long NO_SUCH_ID = 987_654_321L;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Stands for the raw JSON text of a mutation in the serialised baseline. */
	private static final String HOLE = "\uE000hole\uE000";

	private static final String DEEP_ARRAY = "[".repeat(600) + "]".repeat(600);

	private static final String DEEP_OBJECT = "{\"a\":".repeat(600) + "1" + "}".repeat(600);

	private static final List<String> INVALID_TEXT = List.of("\"a\\u0000b\"", "\"x\\ud800y\"", "\"\\udc00\"");

	private static final List<String> PATH_VALUES = List.of("99999999999999999999", "-1", "0", "abc", "1.5", "%00",
			"%ED%A0%80", "%25", "1e3", "%20", "-999999999");

	private static final List<String> QUERY_VALUES = List.of("%00", "a%00b", "%ED%A0%80", "%C0%80", "%25", "_",
			"%25_%5C", "x".repeat(3000), "-1", "1.9", "99999999999999999999", "-999999999-01-01", "%2B5881580-01-01",
			"0001-01-01", "abc", "", "true%00");

	private final JsonNode docs;

	private final Map<String, String> pathBaselines;

	private final long student;

	private final Clock clock;

	ApiFuzzCases(JsonNode docs, Map<String, String> pathBaselines, long student, Clock clock) {
		this.docs = docs;
		this.pathBaselines = pathBaselines;
		this.student = student;
		this.clock = clock;
	}

	/**
	 * Baseline values that make a writing operation refuse itself after all input has been read: an observation
	 * with nothing observed, dates tomorrow (the future is refused), a stale archive version, an end before the
	 * start, a grade that does not exist, a blank name, an unknown user.
	 */
	private Map<String, Map<String, String>> guards() {
		String tomorrow = "\"" + LocalDate.now(clock).plusDays(1) + "\"";
		String later = "\"" + clock.instant().plus(Duration.ofDays(2)) + "\"";
		return Map.ofEntries(Map.entry("POST /api/v1/observations", Map.of("notes", "\"\"", "otherClues", "\"\"")),
				Map.entry("POST /api/v1/concern-reports", Map.of("description", "\" \"")),
				Map.entry("POST /api/v1/talks", Map.of("date", tomorrow)),
				Map.entry("POST /api/v1/home-visits", Map.of("visitedAt", later)),
				Map.entry("POST /api/v1/contacts", Map.of("contactedAt", later, "channel", "\"PHONE\"")),
				Map.entry("POST /api/v1/triggers", Map.of("occurredOn", tomorrow)),
				Map.entry("PUT /api/v1/students/{id}/archive", Map.of("version", "999999")),
				Map.entry("POST /api/v1/schools/{id}/semesters",
						Map.of("startsOn", "\"2027-09-01\"", "endsOn", "\"2027-01-01\"")),
				Map.entry("POST /api/v1/schools/{id}/classes", Map.of("gradeLevel", "99")),
				Map.entry("POST /api/v1/schools/{id}/staff", Map.of("displayName", "\"\"")),
				Map.entry("POST /api/v1/districts", Map.of("name", "\"" + "区".repeat(51) + "\"")),
				Map.entry("POST /api/v1/auth/token", Map.of("username", "\"fuzz-nobody\"", "password", "\"Fuzz#2026x\"")));
	}

	/** The baseline and every malformed variant of one operation. */
	List<Probe> probes(String method, String template, JsonNode operation) {
		String op = method + " " + template;
		List<Probe> probes = new ArrayList<>();
		List<JsonNode> parameters = new ArrayList<>();
		operation.path("parameters").forEach(parameters::add);
		JsonNode content = operation.path("requestBody").path("content");
		String path = expand(template, Map.of());
		String query = baselineQuery(parameters);
		JsonNode jsonSchema = content.path("application/json").path("schema");
		boolean json = !jsonSchema.isMissingNode();
		boolean multipart = content.has("multipart/form-data");
		ObjectNode body = json ? (ObjectNode) baseline(resolve(jsonSchema), "", 0) : null;
		if (json) {
			guards().getOrDefault(op, Map.of()).forEach((field, raw) -> body.set(field, JSON.readTree(raw)));
		}
		byte[] baselineBody = body == null ? null : bytes(JSON.writeValueAsString(body));
		String type = json ? "application/json" : null;
		probes.add(new Probe(op, method, path + query, type, baselineBody, "baseline"));

		for (JsonNode p : parameters) {
			String name = p.path("name").asString();
			if ("path".equals(p.path("in").asString())) {
				for (String v : PATH_VALUES) {
					probes.add(new Probe(op, method, expand(template, Map.of(name, v)) + query, type, baselineBody,
							"path " + name + "=" + abbreviate(v)));
				}
			}
			else if ("query".equals(p.path("in").asString())) {
				for (String v : QUERY_VALUES) {
					probes.add(new Probe(op, method, path + withParameter(query, name, v), type, baselineBody,
							"query " + name + "=" + abbreviate(v)));
				}
			}
		}
		if (!parameters.isEmpty() || "GET".equals(method)) {
			for (String extra : List.of("q%00=1", "x%5B99999%5D=1", "lang=%00", "page%ED%A0%80=1")) {
				probes.add(new Probe(op, method, path + withExtra(query, extra), type, baselineBody, "query " + extra));
			}
		}
		if (json) {
			probes.addAll(rootProbes(op, method, path + query, body));
			for (Leaf leaf : leaves(body, resolve(jsonSchema), new ArrayList<>(), true)) {
				for (String raw : mutations(leaf.schema(), leaf.required())) {
					probes.add(new Probe(op, method, path + query, type, bytes(withHole(body, leaf.path(), raw)),
							"body " + String.join(".", leaf.path().stream().map(String::valueOf).toList()) + "="
									+ abbreviate(raw)));
				}
			}
		}
		if (multipart) {
			probes.addAll(multipartProbes(op, method, path + query));
		}
		return probes;
	}

	private List<Probe> rootProbes(String op, String method, String path, ObjectNode body) {
		List<Probe> probes = new ArrayList<>();
		String baseline = JSON.writeValueAsString(body);
		for (String raw : List.of("{not json", "", "null", "[]", "\"text\"", "12", "[".repeat(100_000),
				"{\"x\":\"a\u0000b\"}", "{\"pad\":\"" + "x".repeat(1_500_000) + "\"}", baseline + "}")) {
			probes.add(new Probe(op, method, path, "application/json", bytes(raw), "root " + abbreviate(raw)));
		}
		probes.add(new Probe(op, method, path, "text/plain", bytes(baseline), "content-type text/plain"));
		probes.add(new Probe(op, method, path, "application/xml", bytes("<x/>"), "content-type application/xml"));
		probes.add(new Probe(op, method, path, null, bytes(baseline), "no content-type"));
		probes.add(new Probe(op, method, path, "application/json; charset=UTF-16", bytes(baseline), "wrong charset"));
		return probes;
	}

	private List<Probe> multipartProbes(String op, String method, String path) {
		String boundary = "fuzzboundary";
		String nulName = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x\u0000.csv\""
				+ "\r\nContent-Type: text/csv\r\n\r\na,b\r\n--" + boundary + "--\r\n";
		String noFile = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--" + boundary
				+ "--\r\n";
		String garbage = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.xlsx\""
				+ "\r\nContent-Type: application/octet-stream\r\n\r\nPK\u0003\u0004garbage\r\n--" + boundary + "--\r\n";
		String type = "multipart/form-data; boundary=" + boundary;
		return List.of(new Probe(op, method, path, type, bytes(nulName), "multipart NUL filename"),
				new Probe(op, method, path, type, bytes(noFile), "multipart without file"),
				new Probe(op, method, path, type, bytes(garbage), "multipart garbage xlsx"),
				new Probe(op, method, path, type, bytes("--" + boundary), "multipart truncated"),
				new Probe(op, method, path, "multipart/form-data", bytes("x"), "multipart without boundary"),
				new Probe(op, method, path, "application/json", bytes("{}"), "json to upload"));
	}

	/** Malformed JSON values for a node of this schema, as raw JSON text. */
	private List<String> mutations(JsonNode schema, boolean required) {
		List<String> values = new ArrayList<>();
		String type = schema.path("type").asString("");
		String format = schema.path("format").asString("");
		switch (type) {
			case "string" -> {
				values.addAll(INVALID_TEXT);
				values.add("{}");
				values.add("[[]]");
				if ("date".equals(format)) {
					values.addAll(List.of("\"-999999999-01-01\"", "\"+5881580-01-01\"", "\"0001-01-01\"",
							"\"1899-12-31\"", "\"2026-02-30\"", "99999999999"));
				}
				else if ("date-time".equals(format)) {
					values.addAll(List.of("\"+999999999-12-31T23:59:59Z\"", "\"-999999999-01-01T00:00:00Z\"",
							"\"0001-01-01T00:00:00Z\"", "\"2026-13-01T00:00:00Z\"", "9999999999999999"));
				}
				else if (!schema.has("enum") && !schema.has("pattern")) {
					values.add("\"" + "长".repeat(100_000) + "\"");
				}
			}
			case "integer" -> values.addAll(List.of("1.9", "1e400", "9223372036854775808", "-9223372036854775809",
					"\"abc\"", "\"1.5\"", "{}", "[null]"));
			case "number" -> values.addAll(List.of("\"abc\"", "{}", "[null]"));
			case "boolean" -> values.addAll(List.of("\"maybe\"", "2", "{}"));
			case "array" -> {
				String items = resolve(schema.path("items")).path("type").asString("");
				values.addAll(List.of("[null]", "{}", "\"x\"", DEEP_ARRAY));
				values.add("integer".equals(items) ? "[1.9]" : "[\"\\u0000\"]");
			}
			case "object" -> values.addAll(List.of("[]", "\"x\"", "[null]", DEEP_OBJECT));
			default -> {
				values.addAll(INVALID_TEXT);
				values.addAll(List.of(DEEP_ARRAY, "{\"a\":[null]}"));
			}
		}
		if (required) {
			values.add("null");
		}
		return values;
	}

	private record Leaf(List<Object> path, JsonNode schema, boolean required) {
	}

	/** Every node of the baseline body with its schema: fields, list elements, map values, nested records. */
	private List<Leaf> leaves(JsonNode node, JsonNode schema, List<Object> path, boolean required) {
		List<Leaf> leaves = new ArrayList<>();
		if (!path.isEmpty()) {
			leaves.add(new Leaf(List.copyOf(path), schema, required));
		}
		if (node instanceof ObjectNode object && schema.has("properties")) {
			List<String> requiredNames = new ArrayList<>();
			schema.path("required").forEach(r -> requiredNames.add(r.asString()));
			for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext();) {
				var entry = it.next();
				JsonNode property = resolve(schema.path("properties").path(entry.getKey()));
				path.add(entry.getKey());
				leaves.addAll(leaves(entry.getValue(), property, path, requiredNames.contains(entry.getKey())));
				path.remove(path.size() - 1);
			}
		}
		else if (node instanceof ObjectNode map && schema.has("additionalProperties")) {
			JsonNode values = resolve(schema.path("additionalProperties"));
			map.properties().forEach(e -> {
				path.add(e.getKey());
				leaves.addAll(leaves(e.getValue(), values, path, false));
				path.remove(path.size() - 1);
			});
		}
		else if (node instanceof ArrayNode array && !array.isEmpty()) {
			path.add(0);
			leaves.addAll(leaves(array.get(0), resolve(schema.path("items")), path, false));
			path.remove(path.size() - 1);
		}
		return leaves;
	}

	/** A plausible value for a schema: the names decide where the type does not (studentId is the test's student). */
	private JsonNode baseline(JsonNode schema, String name, int depth) {
		String type = schema.path("type").asString("");
		if (schema.has("properties") && depth < 4) {
			ObjectNode object = JSON.createObjectNode();
			schema.path("properties").properties()
				.forEach(e -> object.set(e.getKey(), baseline(resolve(e.getValue()), e.getKey(), depth + 1)));
			return object;
		}
		if (schema.has("additionalProperties") && depth < 4) {
			ObjectNode map = JSON.createObjectNode();
			map.set("a1", baseline(resolve(schema.path("additionalProperties")), "a1", depth + 1));
			return map;
		}
		return switch (type) {
			case "array" -> {
				ArrayNode array = JSON.createArrayNode();
				JsonNode items = resolve(schema.path("items"));
				if (items.has("properties")) {
					array.add(baseline(items, name, depth + 1));
				}
				yield array;
			}
			case "integer" -> JSON.getNodeFactory().numberNode(name.equals("studentId") ? student
					: name.endsWith("Id") ? NO_SUCH_ID : name.equals("age") ? 40 : name.equals("durationMinutes") ? 30 : 1);
			case "number" -> JSON.getNodeFactory().numberNode(1.5);
			case "boolean" -> JSON.getNodeFactory().booleanNode(false);
			case "string" -> JSON.getNodeFactory().stringNode(text(schema, name));
			default -> JSON.getNodeFactory().booleanNode(false);
		};
	}

	private String text(JsonNode schema, String name) {
		if (schema.has("enum")) {
			return schema.path("enum").get(0).asString();
		}
		if (schema.has("pattern")) {
			return schema.path("pattern").asString().split("\\|")[0];
		}
		return switch (schema.path("format").asString("")) {
			case "date" -> LocalDate.now(clock).minusDays(1).toString();
			case "date-time" -> clock.instant().minus(Duration.ofHours(2)).toString();
			default -> "模糊测试";
		};
	}

	private JsonNode resolve(JsonNode schema) {
		String ref = schema.path("$ref").asString("");
		if (ref.startsWith("#/components/schemas/")) {
			return docs.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
		}
		return schema;
	}

	private String withHole(ObjectNode body, List<Object> path, String raw) {
		ObjectNode copy = body.deepCopy();
		JsonNode parent = copy;
		for (int i = 0; i < path.size() - 1; i++) {
			Object step = path.get(i);
			parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
		}
		Object last = path.get(path.size() - 1);
		if (last instanceof Integer index) {
			((ArrayNode) parent).set(index, JSON.getNodeFactory().stringNode(HOLE));
		}
		else {
			((ObjectNode) parent).put((String) last, HOLE);
		}
		return JSON.writeValueAsString(copy).replace("\"" + HOLE + "\"", raw);
	}

	private String expand(String template, Map<String, String> overrides) {
		String path = template;
		for (String name : pathNames(template)) {
			String value = overrides.getOrDefault(name, pathBaselines.getOrDefault(template + "|" + name,
					pathBaselines.getOrDefault(name, String.valueOf(NO_SUCH_ID))));
			path = path.replace("{" + name + "}", value);
		}
		return path;
	}

	private static List<String> pathNames(String template) {
		List<String> names = new ArrayList<>();
		for (int i = template.indexOf('{'); i >= 0; i = template.indexOf('{', i + 1)) {
			names.add(template.substring(i + 1, template.indexOf('}', i)));
		}
		return names;
	}

	private static String baselineQuery(List<JsonNode> parameters) {
		List<String> pairs = new ArrayList<>();
		for (JsonNode p : parameters) {
			if (!"query".equals(p.path("in").asString())) {
				continue;
			}
			String name = p.path("name").asString();
			switch (name) {
				case "page" -> pairs.add("page=0");
				case "size" -> pairs.add("size=5");
				case "q" -> pairs.add("q=%E7%8E%8B");
				default -> {
					// other filters stay out of the baseline; their variants add them
				}
			}
		}
		return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
	}

	private static String withParameter(String query, String name, String value) {
		StringBuilder out = new StringBuilder();
		for (String pair : query.isEmpty() ? new String[0] : query.substring(1).split("&")) {
			if (!pair.startsWith(name + "=")) {
				out.append(out.isEmpty() ? "?" : "&").append(pair);
			}
		}
		return out.append(out.isEmpty() ? "?" : "&").append(name).append('=').append(value).toString();
	}

	private static String withExtra(String query, String extra) {
		return query.isEmpty() ? "?" + extra : query + "&" + extra;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static String abbreviate(String s) {
		String t = s.replace("\u0000", "\\0");
		return t.length() > 40 ? t.substring(0, 30) + "…(" + t.length() + ")" : t;
	}
}
