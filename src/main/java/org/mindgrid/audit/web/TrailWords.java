package org.mindgrid.audit.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.mindgrid.audit.AuditRecord;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Words for the lines of the access trail, made when the page is shown: the log keeps codes, ids and usernames
 * (it is hash-chained and never rewritten), the reader sees actions, sign names, people with their posts, record
 * kinds and "this computer" in their own language.
 */
@Component
class TrailWords {

	/** A person as the trail names them: display name and posts, or the username for an account no longer known. */
	record Person(String name, List<String> roles) {
	}

	private static final Pattern SIGNS = Pattern.compile("signs \\[([\\d, ]*)]");

	private static final Pattern VERSION = Pattern.compile("version (\\d+)");

	private static final Pattern PAGE = Pattern.compile("page (\\d+)");

	private static final Pattern ESCALATED = Pattern.compile("(URGENT|HIGH) report (\\d+)");

	private static final Pattern RAISED = Pattern.compile("(URGENT|HIGH) from ([A-Z_]+)(; now URGENT)?");

	private static final Pattern TIMELINE = Pattern
		.compile("kinds=([A-Z_,]+)(?: from=(\\S+))?(?: to=(\\S+))?(?:; (\\d+) entries)?");

	private static final Pattern MENTOR = Pattern
		.compile("(mentor added: user|mentor removed: user|assigned to mentor|unassigned from mentor) (\\d+)");

	private static final Pattern POST = Pattern
		.compile("post/\\d+ ([A-Z_]+)(?: city/\\d+)?(?: district/\\d+)?(?: school/\\d+)?(?: class/(\\d+))?( part-time)?");

	private static final Pattern REFUSED = Pattern.compile("(GET|POST|PUT|PATCH|DELETE) (\\d{3})");

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]*");

	private static final Pattern RESOURCE = Pattern.compile(
			"(talk|home-visit|contact|observation|concern-report|trigger|warning-report|duty|class|user|case|hospital|crisis-event)/(\\d+)");

	/** A screening campaign or result with what follows it (consents, session): named by the campaign or result. */
	private static final Pattern SCREENING_RESOURCE = Pattern.compile("(screening-campaign|screening-result)/(\\d+)(/.*)?");

	private static final Pattern STUDENT_RESOURCE = Pattern.compile("student/\\d+(/[a-z./-]*)?(?:/(\\d+))?");

	private final JdbcClient jdbc;

	private final MessageSource messages;

	TrailWords(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	/** The people behind the lines (and those the details name), looked up once per page. */
	Map<Long, Person> people(Collection<AuditRecord> records) {
		List<Long> ids = new ArrayList<>(records.stream().map(AuditRecord::userId).filter(Objects::nonNull).toList());
		for (AuditRecord r : records) {
			if (r.detail() != null) {
				Matcher m = MENTOR.matcher(r.detail());
				if (m.find()) {
					ids.add(Long.parseLong(m.group(2)));
				}
			}
		}
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, Person> people = new HashMap<>();
		jdbc.sql("""
				select u.id, u.display_name,
				       coalesce(array_agg(distinct p.role order by p.role) filter (where p.role is not null), '{}')
				  from app_user u left join post p on p.user_id = u.id
				 where u.id in (:ids) group by u.id, u.display_name""")
			.param("ids", ids.stream().distinct().toList())
			.query((rs, i) -> people.put(rs.getLong(1),
					new Person(rs.getString(2), List.of((String[]) rs.getArray(3).getArray()))))
			.list();
		return people;
	}

	/** "李思远（心导师）"; the system for lines without a user. */
	String who(AuditRecord r, Map<Long, Person> people, Locale locale) {
		if (r.userId() == null) {
			return r.username() != null && r.username().startsWith("command:")
					? msg("audit.who.command", locale, r.username().substring(8)) : msg("audit.who.system", locale);
		}
		Person person = people.get(r.userId());
		return person == null ? r.username() : person(person, locale);
	}

	String action(String action, Locale locale) {
		return msg("audit.action." + action, locale);
	}

	/** The record a line is about, by kind and number; what the log holds when the shape is unknown. */
	String resource(String resource, Locale locale) {
		if (resource == null) {
			return "";
		}
		Matcher m = RESOURCE.matcher(resource);
		if (m.matches()) {
			return msg("audit.resource." + m.group(1), locale, m.group(2));
		}
		m = SCREENING_RESOURCE.matcher(resource);
		if (m.matches()) {
			return msg("audit.resource." + m.group(1), locale, m.group(2));
		}
		m = STUDENT_RESOURCE.matcher(resource);
		if (m.matches()) {
			String part = m.group(1) == null ? "" : m.group(1).replaceAll("[/.]", "-");
			return m.group(2) == null ? msg("audit.resource.student" + part, locale)
					: msg("audit.resource.student" + part + "-n", locale, m.group(2));
		}
		return resource;
	}

	/** The detail in words; free text (a void or resolve reason) as it was typed. */
	String detail(AuditRecord r, Map<Long, Person> people, Map<Long, String> classes, Locale locale) {
		String d = r.detail();
		if (d == null || d.isBlank()) {
			return "";
		}
		Matcher m = SIGNS.matcher(d);
		if (m.matches()) {
			List<String> signs = List.of(m.group(1).split(",\\s*")).stream().filter(s -> !s.isBlank())
				.map(n -> msg("sign." + n.strip(), locale)).toList();
			return signs.isEmpty() ? msg("audit.detail.no-signs", locale)
					: msg("audit.detail.signs", locale, String.join(msg("audit.detail.separator", locale), signs));
		}
		if ((m = VERSION.matcher(d)).matches()) {
			return msg("audit.detail.version", locale, m.group(1));
		}
		if ((m = PAGE.matcher(d)).matches()) {
			return msg("audit.detail.page", locale, Integer.parseInt(m.group(1)) + 1);
		}
		if ((m = ESCALATED.matcher(d)).matches()) {
			return msg("audit.detail.escalated", locale, msg("warning.urgency." + m.group(1), locale), m.group(2));
		}
		if ((m = RAISED.matcher(d)).matches()) {
			return msg(m.group(3) == null ? "audit.detail.raised" : "audit.detail.raised-urgent", locale,
					msg("warning.urgency." + m.group(1), locale), msg("mentoring.kind." + m.group(2), locale));
		}
		if ((m = TIMELINE.matcher(d)).matches()) {
			return timeline(m, locale);
		}
		if ((m = MENTOR.matcher(d)).matches()) {
			Person mentor = people.get(Long.parseLong(m.group(2)));
			String key = switch (m.group(1)) {
				case "mentor added: user" -> "audit.detail.mentor-added";
				case "mentor removed: user" -> "audit.detail.mentor-removed";
				case "assigned to mentor" -> "audit.detail.assigned";
				default -> "audit.detail.unassigned";
			};
			return msg(key, locale, mentor == null ? m.group(2) : mentor.name());
		}
		if ((m = POST.matcher(d)).matches()) {
			String place = m.group(2) == null ? msg("audit.detail.whole-school", locale)
					: classes.getOrDefault(Long.parseLong(m.group(2)), m.group(2));
			return msg("role." + m.group(1), locale) + " · " + place
					+ (m.group(3) == null ? "" : " · " + msg("admin.post.part-time", locale));
		}
		if ((m = REFUSED.matcher(d)).matches()) {
			return msg("audit.detail.refused", locale, m.group(1), m.group(2));
		}
		if (CODE.matcher(d).matches()) {
			return code(r.action(), d, locale);
		}
		return d;
	}

	/** Class names for the posts the details name ("八年级（1）班"). */
	Map<Long, String> classes(Collection<AuditRecord> records) {
		List<Long> ids = records.stream().map(AuditRecord::detail).filter(Objects::nonNull).map(POST::matcher)
			.filter(Matcher::matches).map(m -> m.group(2)).filter(Objects::nonNull).map(Long::parseLong).distinct()
			.toList();
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				select c.id, g.name || '（' || replace(c.name, '班', '') || '）班'
				  from school_class c join grade g on g.id = c.grade_id where c.id in (:ids)""")
			.param("ids", ids)
			.query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** Where the request came from: this computer for loopback, IPv4 without its IPv6 mapping. */
	String address(String remoteAddr, Locale locale) {
		return Addresses.shown(remoteAddr, messages, locale);
	}

	private String person(Person person, Locale locale) {
		if (person.roles().isEmpty()) {
			return person.name();
		}
		String roles = person.roles().stream().map(role -> msg("role." + role, locale))
			.collect(Collectors.joining(msg("audit.detail.separator", locale)));
		return msg("audit.who.person", locale, person.name(), roles);
	}

	/** A bare code: a trigger kind, a contact channel, a duty kind. */
	private String code(String action, String code, Locale locale) {
		String prefix = switch (action == null ? "" : action) {
			case "TRIGGER_RECORDED" -> "trigger.";
			case "CONTACT_CREATE" -> "mentoring.channel.";
			case "DUTY_DONE" -> "duty.kind.";
			case "CRISIS_EVENT_RAISED" -> "crisis.kind.";
			case "CRISIS_CALL_DOCTOR", "CRISIS_SEND_TO_HOSPITAL", "CRISIS_INFORM_POLICE", "CRISIS_NOTIFY_PARENTS",
					"CRISIS_REPORT_UPWARD", "CRISIS_NOT_APPLICABLE" -> "crisis.step.";
			case "CRISIS_REPORT_SUBMITTED", "CRISIS_FOLLOW_UP_SUBMITTED" -> "audit.detail.report-status.";
			case "CRISIS_EVENT_READ" -> "audit.detail.reach.";
			default -> null;
		};
		return prefix == null ? code : msg(prefix + code, locale);
	}

	private String timeline(Matcher m, Locale locale) {
		String kinds = "ALL".equals(m.group(1)) ? msg("mentoring.timeline.all", locale)
				: List.of(m.group(1).split(",")).stream().map(k -> msg("mentoring.kind." + k, locale))
					.collect(Collectors.joining(msg("audit.detail.separator", locale)));
		StringBuilder words = new StringBuilder(msg("audit.detail.kinds", locale, kinds));
		if (m.group(2) != null) {
			words.append(msg("audit.detail.from", locale, m.group(2)));
		}
		if (m.group(3) != null) {
			words.append(msg("audit.detail.to", locale, m.group(3)));
		}
		if (m.group(4) != null) {
			words.append(msg("audit.detail.entries", locale, m.group(4)));
		}
		return words.toString();
	}

	private String msg(String key, Locale locale, Object... args) {
		// No default: a missing key shows as ??key??, which the page crawl test catches.
		return messages.getMessage(key, args, "??" + key + "??", locale);
	}
}
