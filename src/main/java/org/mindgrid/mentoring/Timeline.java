package org.mindgrid.mentoring;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.document.Pdfs;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.StudentScope;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.Page;
import org.mindgrid.student.Students;
import org.mindgrid.warning.SourcePart;
import org.mindgrid.warning.SourceTexts;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every record of a student in time order, newest first: a UNION over the modules' tables. Only for callers who
 * may read the archive (403 for those who may only list the student, 404 out of scope); every read is audited.
 */
@Service
public class Timeline {

	/**
	 * One entry. {@code parts}: its substance (signs by name, the observer's words, a talk's topics and the
	 * student's state, a visit's judgments, a contact's content) as message keys and text, rendered by the page and
	 * the PDF in the reader's language; {@code title} is the same rendered as one line for API clients.
	 */
	public record Item(String kind, Instant at, String title, String by, String link, Long recordId, boolean voided,
			List<SourcePart> parts) {
	}

	/** A PDF export with the file name a person would give it: student, 成长时间线, date range. */
	public record Export(byte[] pdf, String fileName, String asciiFileName) {
	}

	public record StudentHeader(long id, String name, String studentNo, String className, String schoolName) {
	}

	public record Filter(List<String> kinds, LocalDate from, LocalDate to) {

		public Filter {
			kinds = kinds == null ? List.of() : List.copyOf(kinds);
		}
	}

	public static final List<String> KINDS = List.of("OBSERVATION", "CONCERN_REPORT", "WARNING_REPORT", "TALK",
			"HOME_VISIT", "CONTACT", "ARCHIVE_CHANGE");

	/**
	 * One select per source, each giving (kind, at, record id, by_user, link, voided, codes) for {@code :student}.
	 * Adding a source is adding a line here. The SQL returns codes and ids only; the words come from the module
	 * that owns each record ({@link SourceTexts}) and from the message bundles at display time.
	 */
	static final List<String> SOURCES = List.of(
			"select 'TALK', case when r.talk_date = (r.created_at at time zone :zone)::date then r.created_at else (r.talk_date + time '12:00') at time zone :zone end, r.id, r.created_by, '/students/' || r.student_id || '/talks/' || r.id, r.voided_at is not null, cast(array[] as text[]) from talk r where r.student_id = :student",
			"select 'HOME_VISIT', r.visited_at, r.id, r.created_by, '/students/' || r.student_id || '/home-visits/' || r.id, r.voided_at is not null, cast(array[] as text[]) from home_visit r where r.student_id = :student",
			"select 'CONTACT', r.contacted_at, r.id, r.created_by, '/students/' || r.student_id || '/contacts/' || r.id, r.voided_at is not null, cast(array[] as text[]) from home_school_contact r where r.student_id = :student",
			"select 'WARNING_REPORT', r.raised_at, r.id, r.raised_by, '/warnings/' || r.id, false, array['warning.urgency.' || r.urgency, 'warning.status.' || r.status] || array(select 'sign.' || x from unnest(r.signs) x order by x) from warning_report r where r.student_id = :student",
			"select 'OBSERVATION', r.created_at, r.id, r.observer_user_id, '/observations/' || r.id, false, cast(array[] as text[]) from observation r where r.student_id = :student",
			"select 'CONCERN_REPORT', r.created_at, r.id, r.reporter_user_id, coalesce('/warnings/' || r.warning_report_id, '/students/' || r.student_id || '/timeline'), false, cast(array[] as text[]) from concern_report r where r.student_id = :student",
			"select 'ARCHIVE_CHANGE', r.changed_at, r.version, r.changed_by, '/students/' || r.student_id || '/archive', false, cast(array[] as text[]) from growth_archive_revision r where r.student_id = :student");

	static final int MAX_EXPORT = 2000;

	private final JdbcClient jdbc;

	private final Students students;

	private final AuditLog audit;

	private final Clock clock;

	private final Pdfs pdfs;

	private final List<SourceTexts> texts;

	private final MessageSource messages;

	Timeline(JdbcClient jdbc, Students students, AuditLog audit, Clock clock, Pdfs pdfs, List<SourceTexts> texts,
			MessageSource messages) {
		this.jdbc = jdbc;
		this.texts = texts;
		this.messages = messages;
		this.students = students;
		this.audit = audit;
		this.clock = clock;
		this.pdfs = pdfs;
	}

	@Transactional
	public Page<Item> page(long studentId, Filter filter, int page, int size) {
		CurrentUser user = students.requireArchiveReader(studentId);
		Query q = query(user, studentId, filter);
		long total = q.count();
		List<Item> items = withParts(q.items(size, (long) page * size), LocaleContextHolder.getLocale());
		audit.record("TIMELINE_READ", "student/" + studentId + "/timeline", studentId, describe(filter));
		return new Page<>(items, total, page, size);
	}

	/** The student's name, class and school for page headers; archive readers only. */
	@Transactional(readOnly = true)
	public StudentHeader header(long studentId) {
		CurrentUser user = students.requireArchiveReader(studentId);
		return jdbc.sql("""
				select s.id, s.name, s.student_no, g.name || '（' || replace(c.name, '班', '') || '）班', sc.name
				  from student s join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
				  join school sc on sc.id = s.school_id
				 where s.id = :student and""" + StudentScope.predicate("s"))
			.param("student", studentId)
			.param("scopeUserId", user.id())
			.param("scopeLevel", StudentScope.ARCHIVE)
			.query((rs, i) -> new StudentHeader(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.optional()
			.orElseThrow(() -> ApiProblem.notFound("student.not-found"));
	}

	/** The timeline as a PDF ledger: school, student, date range, entries, generated by/at, page numbers. */
	@Transactional
	public Export exportPdf(long studentId, Filter filter, Locale locale) {
		CurrentUser user = students.requireArchiveReader(studentId);
		StudentHeader header = header(studentId);
		List<Item> items = withParts(query(user, studentId, filter).items(MAX_EXPORT, 0), locale);
		LocalDate from = filter.from() != null ? filter.from()
				: items.isEmpty() ? null : items.get(items.size() - 1).at().atZone(clock.getZone()).toLocalDate();
		LocalDate to = filter.to() != null ? filter.to()
				: items.isEmpty() ? null : items.get(0).at().atZone(clock.getZone()).toLocalDate();
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("student", header);
		model.put("items", items);
		model.put("from", from);
		model.put("to", to);
		model.put("kinds", filter.kinds());
		model.put("generatedBy", user.displayName());
		model.put("generatedAt", clock.instant().atZone(clock.getZone()).toLocalDateTime());
		model.put("zone", clock.getZone());
		byte[] pdf = pdfs.render("mentoring/timeline-pdf", model, locale);
		audit.record("TIMELINE_EXPORT", "student/" + studentId + "/timeline.pdf", studentId,
				describe(filter) + "; " + items.size() + " entries");
		String range = from == null || to == null ? ""
				: messages.getMessage("mentoring.pdf.file.range", new Object[] { from.toString(), to.toString() },
						from + "_" + to, locale);
		String name = header.name() + "-" + messages.getMessage("mentoring.pdf.file", null, locale)
				+ (range.isEmpty() ? "" : "-" + range) + ".pdf";
		String ascii = "timeline" + (from == null ? "" : "-" + from) + (to == null ? "" : "-" + to) + ".pdf";
		return new Export(pdf, name.replaceAll("[\\p{Cntrl}\"\\\\/:*?<>|]", "_"), ascii);
	}

	/** Adds each entry's substance from the module that owns its record (a few queries per page, not per entry). */
	private List<Item> withParts(List<Item> items, Locale locale) {
		Map<String, Map<Long, List<SourcePart>>> byKind = new HashMap<>();
		items.stream().filter(i -> i.recordId() != null)
			.collect(Collectors.groupingBy(Item::kind, Collectors.mapping(Item::recordId, Collectors.toSet())))
			.forEach((kind, ids) -> texts.stream().filter(t -> t.kinds().contains(kind)).findFirst()
				.ifPresent(t -> byKind.put(kind, t.parts(kind, ids))));
		List<Item> result = new ArrayList<>(items.size());
		for (Item item : items) {
			List<SourcePart> parts = new ArrayList<>(item.parts());
			if (item.recordId() != null) {
				parts.addAll(byKind.getOrDefault(item.kind(), Map.of()).getOrDefault(item.recordId(), List.of()));
			}
			result.add(new Item(item.kind(), item.at(), title(item.kind(), item.voided(), parts, locale), item.by(),
					item.link(), item.recordId(), item.voided(), parts));
		}
		return result;
	}

	/** One line for API clients: the kind and the entry's first part, in the reader's language. */
	private String title(String kind, boolean voided, List<SourcePart> parts, Locale locale) {
		StringBuilder title = new StringBuilder(messages.getMessage("mentoring.kind." + kind, null, kind, locale));
		if (voided) {
			title.append(" [").append(messages.getMessage("mentoring.voided.label", null, locale)).append(']');
		}
		parts.stream().findFirst().ifPresent(p -> {
			List<String> words = new ArrayList<>();
			p.codes().forEach(c -> words.add(messages.getMessage(c, null, c, locale)));
			if (p.text() != null) {
				words.add(p.text());
			}
			title.append(": ").append(String.join("; ", words));
		});
		return title.toString();
	}

	/** Parses {@code kind=TALK,HOME_VISIT}; 400 on an unknown kind. */
	public static List<String> kinds(String param) {
		List<String> kinds = new ArrayList<>();
		if (param == null || param.isBlank()) {
			return kinds;
		}
		for (String k : param.split(",")) {
			String kind = k.strip().toUpperCase(Locale.ROOT);
			if (!KINDS.contains(kind)) {
				throw ApiProblem.badRequest("mentoring.timeline.kind", String.join(", ", KINDS));
			}
			if (!kinds.contains(kind)) {
				kinds.add(kind);
			}
		}
		return kinds;
	}

	private Query query(CurrentUser user, long studentId, Filter filter) {
		StringBuilder where = new StringBuilder(" where exists (select 1 from student s where s.id = :student and")
			.append(StudentScope.predicate("s")).append(")");
		if (!filter.kinds().isEmpty()) {
			where.append(" and x.kind in (:kinds)");
		}
		if (filter.from() != null) {
			where.append(" and x.at >= :from");
		}
		if (filter.to() != null) {
			where.append(" and x.at < :to");
		}
		String union = "(" + String.join(" union all ", SOURCES) + ") x (kind, at, record_id, by_user, link, voided, codes)";
		return new Query(union, where.toString(), user, studentId, filter);
	}

	private final class Query {

		private final String union;

		private final String where;

		private final CurrentUser user;

		private final long studentId;

		private final Filter filter;

		Query(String union, String where, CurrentUser user, long studentId, Filter filter) {
			this.union = union;
			this.where = where;
			this.user = user;
			this.studentId = studentId;
			this.filter = filter;
		}

		long count() {
			return bind(jdbc.sql("select count(*) from " + union + where)).query(Long.class).single();
		}

		List<Item> items(int limit, long offset) {
			return bind(jdbc.sql("select x.kind, x.at, x.record_id, u.display_name, x.link, x.voided, x.codes from "
					+ union + " left join app_user u on u.id = x.by_user" + where
					+ " order by x.at desc, x.kind, x.record_id desc limit :limit offset :offset"))
				.param("limit", limit)
				.param("offset", offset)
				.query((rs, i) -> {
					String kind = rs.getString(1);
					List<String> codes = List.of((String[]) rs.getArray(7).getArray());
					List<SourcePart> parts = new ArrayList<>();
					if ("ARCHIVE_CHANGE".equals(kind)) {
						parts.add(SourcePart.text("mentoring.timeline.archive-version", String.valueOf(rs.getLong(3))));
					}
					else if (!codes.isEmpty()) {
						parts.add(SourcePart.codes("mentoring.timeline.report", codes));
					}
					// An archive version is no record id of a source module: no parts to look up for it.
					Long recordId = "ARCHIVE_CHANGE".equals(kind) || "WARNING_REPORT".equals(kind) ? null : rs.getLong(3);
					return new Item(kind, rs.getTimestamp(2).toInstant(), null, rs.getString(4), rs.getString(5),
							recordId, rs.getBoolean(6), parts);
				})
				.list();
		}

		private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
			spec = spec.param("student", studentId)
				.param("zone", clock.getZone().getId())
				.param("scopeUserId", user.id())
				.param("scopeLevel", StudentScope.ARCHIVE);
			if (!filter.kinds().isEmpty()) {
				spec = spec.param("kinds", filter.kinds());
			}
			if (filter.from() != null) {
				spec = spec.param("from", Timestamp.from(filter.from().atStartOfDay(clock.getZone()).toInstant()));
			}
			if (filter.to() != null) {
				spec = spec.param("to",
						Timestamp.from(filter.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
			}
			return spec;
		}
	}

	private static String describe(Filter filter) {
		return "kinds=" + (filter.kinds().isEmpty() ? "ALL" : String.join(",", filter.kinds()))
				+ (filter.from() != null ? " from=" + filter.from() : "") + (filter.to() != null ? " to=" + filter.to() : "");
	}
}
