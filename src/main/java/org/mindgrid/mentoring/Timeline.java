package org.mindgrid.mentoring;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.document.Pdfs;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.StudentScope;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.Page;
import org.mindgrid.student.Students;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every record of a student in time order, newest first: a UNION over the modules' tables. Only for callers who
 * may read the archive (403 for those who may only list the student, 404 out of scope); every read is audited.
 */
@Service
public class Timeline {

	public record Item(String kind, Instant at, String title, String by, String link) {
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

	private static final String VOID = "case when r.voided_at is null then '' else '〔已作废〕' end || ";

	/**
	 * One select per source, each giving (kind, at, title, by_user, link) for {@code :student}. Adding a source is
	 * adding a line here. Titles say what happened without the sensitive details of other modules' records.
	 */
	static final List<String> SOURCES = List.of(
			"select 'TALK', case when r.talk_date = (r.created_at at time zone :zone)::date then r.created_at else (r.talk_date + time '12:00') at time zone :zone end, " + VOID + "r.topics, r.created_by, '/students/' || r.student_id || '/talks/' || r.id from talk r where r.student_id = :student",
			"select 'HOME_VISIT', r.visited_at, " + VOID + "r.interviewee || '（' || r.relation || '）', r.created_by, '/students/' || r.student_id || '/home-visits/' || r.id from home_visit r where r.student_id = :student",
			"select 'CONTACT', r.contacted_at, " + VOID + "case r.channel when 'PHONE' then '电话' when 'WECHAT' then '微信' when 'DINGTALK' then '钉钉' else '面谈' end || '：' || left(r.content, 60), r.created_by, '/students/' || r.student_id || '/contacts/' || r.id from home_school_contact r where r.student_id = :student",
			"select 'WARNING_REPORT', r.raised_at, case r.urgency when 'URGENT' then '紧急' else '红色' end || '预警报告' || case when r.status = 'RESOLVED' then '（已解除）' else '' end, r.raised_by, '/warnings/' || r.id from warning_report r where r.student_id = :student",
			"select 'OBSERVATION', r.created_at, '日常观察' || case when cardinality(r.signs) > 0 then '：' || cardinality(r.signs) || ' 项预警信号' else '' end, r.observer_user_id, coalesce('/warnings/' || r.warning_report_id, '/students/' || r.student_id || '/timeline') from observation r where r.student_id = :student",
			"select 'CONCERN_REPORT', r.created_at, '心理委员关注报告' || case when cardinality(r.signs) > 0 then '：' || cardinality(r.signs) || ' 项预警信号' else '' end, r.reporter_user_id, coalesce('/warnings/' || r.warning_report_id, '/students/' || r.student_id || '/timeline') from concern_report r where r.student_id = :student",
			"select 'ARCHIVE_CHANGE', r.changed_at, '成长档案第 ' || r.version || ' 版', r.changed_by, '/students/' || r.student_id || '/archive' from growth_archive_revision r where r.student_id = :student");

	static final int MAX_EXPORT = 2000;

	private final JdbcClient jdbc;

	private final Students students;

	private final AuditLog audit;

	private final Clock clock;

	private final Pdfs pdfs;

	Timeline(JdbcClient jdbc, Students students, AuditLog audit, Clock clock, Pdfs pdfs) {
		this.jdbc = jdbc;
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
		List<Item> items = q.items(size, (long) page * size);
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
	public byte[] exportPdf(long studentId, Filter filter, Locale locale) {
		CurrentUser user = students.requireArchiveReader(studentId);
		StudentHeader header = header(studentId);
		List<Item> items = query(user, studentId, filter).items(MAX_EXPORT, 0);
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
		return pdf;
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
		String union = "(" + String.join(" union all ", SOURCES) + ") x (kind, at, title, by_user, link)";
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
			return bind(jdbc.sql("select x.kind, x.at, x.title, u.display_name, x.link from " + union
					+ " left join app_user u on u.id = x.by_user" + where
					+ " order by x.at desc, x.kind, x.link desc limit :limit offset :offset"))
				.param("limit", limit)
				.param("offset", offset)
				.query((rs, i) -> new Item(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
						rs.getString(4), rs.getString(5)))
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
