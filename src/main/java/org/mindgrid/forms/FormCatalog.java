package org.mindgrid.forms;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.mindgrid.forms.FormDefinition.Field;
import org.mindgrid.forms.FormDefinition.Section;
import org.mindgrid.forms.FormDefinition.Type;
import org.mindgrid.identity.Role;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The workbook's forms, read from {@code forms/*.yml} and checked at start. A definition with an unknown type, a
 * choice without options, a table without columns, an unknown role, a part outside 1–7 or a word missing from a
 * bundle (zh-CN or en) stops the application with the file and the field named. Adding a form is adding a file
 * and its words.
 */
@Component
public class FormCatalog {

	static final String LOCATION = "classpath*:forms/*.yml";

	private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{1,60}");

	private static final Set<String> ROLES = Set.of("PSYCH_TEACHER", "CRISIS_TEAM", "SCHOOL_LEADER", "SCHOOL_ADMIN",
			"HEAD_TEACHER", "MENTOR", "SUBJECT_TEACHER");

	private final Map<String, FormDefinition> byId;

	/** The forms in the workbook's order, sorted once at start: by part, then their place in the part. */
	private final List<FormDefinition> ordered;

	FormCatalog(MessageSource messages) throws IOException {
		Map<String, InputStream> files = new LinkedHashMap<>();
		Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
		try {
			for (Resource r : resources) {
				files.put(r.getFilename(), r.getInputStream());
			}
			this.byId = parse(files, messages);
			this.ordered = byId.values().stream()
				.sorted(java.util.Comparator.comparingInt(FormDefinition::part).thenComparingInt(FormDefinition::order)
					.thenComparing(FormDefinition::id))
				.toList();
		}
		finally {
			for (InputStream in : files.values()) {
				in.close();
			}
		}
	}

	/** Every form in the workbook's order: by part, then its place in the part. */
	public List<FormDefinition> all() {
		return ordered;
	}

	public Optional<FormDefinition> find(String id) {
		return Optional.ofNullable(byId.get(id));
	}

	/** Field ids that would share a key with the form's title or its sections' words. */
	static final Set<String> RESERVED = Set.of("title", "section");

	static Map<String, FormDefinition> parse(Map<String, InputStream> files, MessageSource messages) {
		Map<String, FormDefinition> byId = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		for (var file : files.entrySet()) {
			String name = file.getKey();
			try {
				Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(file.getValue());
				if (!(root instanceof Map<?, ?> map)) {
					throw new IllegalArgumentException("a form (a map) expected");
				}
				FormDefinition d = definition(map);
				if (!name.equals(d.id() + ".yml")) {
					throw new IllegalArgumentException("id " + d.id() + " must match the file's name");
				}
				if (byId.putIfAbsent(d.id(), d) != null) {
					throw new IllegalArgumentException("id " + d.id() + " used twice");
				}
				for (String key : keys(d)) {
					for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
						if (messages.getMessage(key, null, null, locale) == null) {
							problems.add(name + ": no message " + key + " (" + locale + ")");
						}
					}
				}
			}
			catch (IllegalArgumentException | ClassCastException e) {
				problems.add(name + ": " + e.getMessage());
			}
			catch (RuntimeException e) {
				problems.add(name + ": not valid YAML (" + e.getMessage() + ")");
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("The workbook's form definitions are not valid:\n  " + String.join("\n  ", problems));
		}
		return byId;
	}

	/** The words a form needs: its title, its sections', each field's label and each option's. */
	static List<String> keys(FormDefinition d) {
		List<String> keys = new ArrayList<>();
		String base = "form." + d.id() + ".";
		keys.add(base + "title");
		for (Section s : d.sections()) {
			keys.add(base + "section." + s.id());
			for (Field f : s.fields()) {
				fieldKeys(keys, base, f);
			}
		}
		return keys;
	}

	private static void fieldKeys(List<String> keys, String base, Field f) {
		keys.add(base + f.id());
		for (String o : f.options()) {
			keys.add(base + f.id() + "." + o);
		}
		for (Field c : f.columns()) {
			fieldKeys(keys, base + f.id() + ".", c);
		}
	}

	private static FormDefinition definition(Map<?, ?> map) {
		String id = text(map, "id", "form");
		int part = number(map, "part", "form");
		if (part < 1 || part > 7) {
			throw new IllegalArgumentException("part must be 1 to 7 (the workbook's parts)");
		}
		int order = map.containsKey("order") ? number(map, "order", "form") : 50;
		List<Section> sections = new ArrayList<>();
		Set<String> fieldIds = new LinkedHashSet<>();
		for (Object s : list(map, "sections", "form")) {
			Map<?, ?> sm = (Map<?, ?>) s;
			String sid = text(sm, "id", "section");
			List<Field> fields = new ArrayList<>();
			for (Object f : list(sm, "fields", "section " + sid)) {
				Field field = field((Map<?, ?>) f, false);
				if (RESERVED.contains(field.id())) {
					throw new IllegalArgumentException("field " + field.id() + ": the id is reserved for the form's own words");
				}
				if (!fieldIds.add(field.id())) {
					throw new IllegalArgumentException("field " + field.id() + " used twice");
				}
				fields.add(field);
			}
			sections.add(new Section(sid, List.copyOf(fields)));
		}
		Set<String> fill = roles(map, "fill");
		Set<String> read = new LinkedHashSet<>(roles(map, "read"));
		read.addAll(fill);
		Set<Integer> stages = new LinkedHashSet<>();
		for (Object s : list(map, "stages", "form")) {
			int stage = Integer.parseInt(s.toString());
			if (stage < 1 || stage > 4) {
				throw new IllegalArgumentException("stages must be 1 to 4");
			}
			stages.add(stage);
		}
		return new FormDefinition(id, part, order, List.copyOf(sections), Set.copyOf(fill), Set.copyOf(read), Set.copyOf(stages));
	}

	private static Field field(Map<?, ?> map, boolean inTable) {
		String id = text(map, "id", "field");
		String where = "field " + id;
		Type type;
		try {
			type = Type.valueOf(text(map, "type", where).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException(where + ": unknown type " + map.get("type"));
		}
		boolean required = Boolean.TRUE.equals(map.get("required"));
		List<String> options = new ArrayList<>();
		if (type == Type.SINGLE || type == Type.MULTIPLE) {
			for (Object o : list(map, "options", where)) {
				String option = o.toString();
				if (!ID.matcher(option).matches()) {
					throw new IllegalArgumentException(where + ": option " + option + " must be lower case letters, digits and _");
				}
				options.add(option);
			}
		}
		List<Field> columns = new ArrayList<>();
		if (type == Type.TABLE) {
			if (inTable) {
				throw new IllegalArgumentException(where + ": a table inside a table");
			}
			for (Object c : list(map, "columns", where)) {
				columns.add(field((Map<?, ?>) c, true));
			}
		}
		Integer max = whole(map, "max", where);
		if (max == null && type == Type.RATING) {
			max = 5;
		}
		if (type == Type.FILE) {
			if (inTable) {
				throw new IllegalArgumentException(where + ": a file field cannot be a table's column");
			}
			max = max == null ? 5 : max;
			if (max < 1 || max > 20) {
				throw new IllegalArgumentException(where + ": max must be 1 to 20 files");
			}
		}
		Integer min = whole(map, "min", where);
		Integer maxLength = whole(map, "maxLength", where);
		if (maxLength == null && (type == Type.TEXT || type == Type.SIGNATURE)) {
			maxLength = 200;
		}
		else if (maxLength == null && type == Type.LONG_TEXT) {
			maxLength = 4000;
		}
		return new Field(id, type, required, List.copyOf(options), min, max, maxLength, List.copyOf(columns));
	}

	private static Set<String> roles(Map<?, ?> map, String key) {
		Set<String> roles = new LinkedHashSet<>();
		for (Object r : list(map, key, "form")) {
			String role = r.toString();
			if (!ROLES.contains(role)) {
				throw new IllegalArgumentException(key + ": unknown or bureau role " + role + " (known: "
						+ String.join(", ", new java.util.TreeSet<>(ROLES)) + "; " + Role.class.getSimpleName() + ")");
			}
			roles.add(role);
		}
		return roles;
	}

	private static List<?> list(Map<?, ?> map, String key, String where) {
		if (!(map.get(key) instanceof List<?> list) || list.isEmpty()) {
			throw new IllegalArgumentException(where + ": " + key + " must be a non-empty list");
		}
		return list;
	}

	private static Integer whole(Map<?, ?> map, String key, String where) {
		return map.get(key) == null ? null : number(map, key, where);
	}

	private static int number(Map<?, ?> map, String key, String where) {
		try {
			return Integer.parseInt(text(map, key, where));
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(where + ": " + key + " must be a whole number");
		}
	}

	private static String text(Map<?, ?> map, String key, String where) {
		Object value = map.get(key);
		if (value == null || value.toString().isBlank()) {
			throw new IllegalArgumentException(where + ": missing " + key);
		}
		String text = value.toString();
		if ("id".equals(key) && !ID.matcher(text).matches()) {
			throw new IllegalArgumentException(where + ": id " + text + " must be lower case letters, digits and _");
		}
		return text;
	}
}
