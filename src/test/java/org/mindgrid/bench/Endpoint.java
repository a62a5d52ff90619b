package org.mindgrid.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A list endpoint the stress runs load and {@link ListSql} mirrors: its key, the list, the request, the page. */
enum Endpoint {

	STUDENTS("students", "/api/v1/students?size=20", 0),
	/** Page 101 of the same list: the offset's cost. */
	STUDENTS_P100("students", "/api/v1/students?size=20&page=100", 100),
	QUEUE("queue", "/api/v1/warning-reports?size=20", 0),
	CASES("cases", "/api/v1/cases?size=20", 0),
	DUTIES("duties", "/api/v1/duties?mine=true&size=20", 0),
	NOTIFICATIONS("notifications", "/api/v1/notifications?size=20", 0);

	static final int SIZE = 20;

	private final String list;

	private final String path;

	private final int page;

	Endpoint(String list, String path, int page) {
		this.list = list;
		this.path = path;
		this.page = page;
	}

	/** {@code students-p100}: how runs, properties and the report name it. */
	String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	String list() {
		return list;
	}

	String path() {
		return path;
	}

	int page() {
		return page;
	}

	static Endpoint of(String key) {
		return Arrays.stream(values()).filter(e -> e.key().equals(key)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown endpoint " + key + "; known: "
					+ Arrays.stream(values()).map(Endpoint::key).toList()));
	}

	static List<Endpoint> of(List<String> keys) {
		return keys.stream().map(Endpoint::of).toList();
	}
}
