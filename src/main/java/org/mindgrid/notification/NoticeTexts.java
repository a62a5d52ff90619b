package org.mindgrid.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Turns a notification's message key and arguments into words at display time, so one stored notice reads in
 * Chinese in the inbox and the robot, and in English with {@code ?lang=en} (issue 7, point 8).
 */
@Service
public class NoticeTexts {

	/** E-mail and the group robot speak to a Chinese school. */
	public static final Locale CHANNELS = Locale.SIMPLIFIED_CHINESE;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<NoticeArg>> ARGS = new TypeReference<>() {
	};

	private final MessageSource messages;

	private final JdbcClient jdbc;

	private final Clock clock;

	NoticeTexts(MessageSource messages, JdbcClient jdbc, Clock clock) {
		this.messages = messages;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public String render(String key, List<NoticeArg> args, Locale locale) {
		return renderAll(List.of(new Keyed(key, args)), locale).get(0);
	}

	/** A stored notification's title in {@code locale} (the channels' and the tests' view of a row). */
	public String titleOf(long notificationId, Locale locale) {
		Keyed keyed = jdbc.sql("select message_key, args from notification where id = :id")
			.param("id", notificationId)
			.query((rs, i) -> new Keyed(rs.getString(1), fromJson(rs.getString(2))))
			.single();
		return render(keyed.key(), keyed.args(), locale);
	}

	/** A title and its arguments. */
	record Keyed(String key, List<NoticeArg> args) {
	}

	/** Renders a page of titles, looking each class up once. */
	List<String> renderAll(List<Keyed> titles, Locale locale) {
		Map<Long, String> classes = classLabels(titles, locale);
		DateTimeFormatter time = DateTimeFormatter.ofPattern(message("notification.datetime", locale), locale)
			.withZone(clock.getZone());
		List<String> out = new ArrayList<>(titles.size());
		for (Keyed title : titles) {
			Object[] values = title.args().stream().map(arg -> value(arg, classes, time, locale)).toArray();
			out.add(messages.getMessage(title.key(), values, title.key(), locale));
		}
		return out;
	}

	private Object value(NoticeArg arg, Map<Long, String> classes, DateTimeFormatter time, Locale locale) {
		switch (arg.type()) {
			case NoticeArg.CODE:
				return message(arg.value(), locale);
			case NoticeArg.NUMBER:
				// as a string: MessageFormat would group digits ("1,234")
				return arg.value();
			case NoticeArg.TIME:
				try {
					return time.format(Instant.parse(arg.value()));
				}
				catch (DateTimeParseException e) {
					return arg.value();
				}
			case NoticeArg.CLASS:
				return classes.getOrDefault(parseId(arg.value()), message("notification.arg.class-unknown", locale));
			default:
				return arg.value();
		}
	}

	private Map<Long, String> classLabels(List<Keyed> titles, Locale locale) {
		List<Long> ids = titles.stream()
			.flatMap(t -> t.args().stream())
			.filter(a -> NoticeArg.CLASS.equals(a.type()))
			.map(a -> parseId(a.value()))
			.distinct()
			.toList();
		Map<Long, String> labels = new HashMap<>();
		if (ids.isEmpty()) {
			return labels;
		}
		// grade and class names are the school's own data; the pattern around them is the bundle's
		jdbc.sql("""
				select c.id, g.name, g.level, regexp_replace(c.name, '班$', '') from school_class c
				  join grade g on g.id = c.grade_id where c.id in (:ids)""")
			.param("ids", ids)
			.query((rs, i) -> labels.put(rs.getLong(1), messages.getMessage("notification.arg.class",
					new Object[] { rs.getString(2), rs.getString(4), Integer.toString(rs.getInt(3)) }, locale)))
			.list();
		return labels;
	}

	private String message(String key, Locale locale) {
		try {
			return messages.getMessage(key, null, locale);
		}
		catch (NoSuchMessageException e) {
			return key;
		}
	}

	private static long parseId(String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	static String toJson(List<NoticeArg> args) {
		return JSON.writeValueAsString(args);
	}

	static List<NoticeArg> fromJson(String json) {
		return json == null || json.isBlank() ? List.of() : JSON.readValue(json, ARGS);
	}
}
