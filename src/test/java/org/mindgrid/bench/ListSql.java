package org.mindgrid.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.ScopePath;
import org.mindgrid.identity.StudentScope;
import org.mindgrid.warning.cases.CaseAccess;

/**
 * The SQL each list endpoint sends, with the parameters it binds for the same caller: the limit the benchmarks
 * compare the endpoint with (issue 11 point 4). Copied from the classes named on each method; the scope predicate
 * and the access path are the app's own ({@link StudentScope#listPredicate}, {@link ScopePath}). What is left out
 * on purpose: the token check, the caller's posts, transactions and audit lines: the app's own work, which the
 * app/raw-SQL ratio shows. {@code GatlingSmokeIntegrationTests} checks that each page here returns the endpoint's
 * rows in its order, so a change of the app's SQL that is not copied here fails the build.
 */
final class ListSql {

	/** One statement with its named parameters ({@code JdbcClient}'s syntax, as the app writes them). */
	record Statement(String sql, Map<String, Object> params) {
	}

	/** The statements of one request, in order; {@code page} is the one whose first column is the items' ids. */
	record Request(List<Statement> statements, int page) {

		Statement pageStatement() {
			return statements.get(page);
		}
	}

	private static final long CAP = 10_000 + 1; // Page.COUNT_CAP + 1

	private ListSql() {
	}

	/** The list behind {@link Endpoint}, first page of 20 (or {@code page}), as {@code user} asks for it. */
	static Request of(Endpoint endpoint, CurrentUser user, int page, int size, Instant now) {
		return switch (endpoint.list()) {
			case "students" -> students(user, page, size);
			case "queue" -> queue(user, page, size);
			case "cases" -> cases(user, page, size, now);
			case "duties" -> duties(user.id(), page, size, now);
			case "notifications" -> notifications(user.id(), page, size);
			default -> throw new IllegalArgumentException(endpoint.list());
		};
	}

	/** {@code Students.list} (student module), no class filter, no search: neither predicate is in the SQL. */
	static Request students(CurrentUser user, int page, int size) {
		ScopePath path = ScopePath.of(user);
		String where = " where s.status = 'ENROLLED' and " + StudentScope.listPredicate("s")
				+ path.sql("s.school_id", "s.class_id");
		Map<String, Object> p = new HashMap<>(path.params());
		p.put("scopeUserId", user.id());
		p.put("scopeLevel", StudentScope.LIST);
		p.put("classId", null);
		p.put("q", null);
		p.put("like", null);
		p.put("prefix", null);
		Map<String, Object> count = new HashMap<>(p);
		count.put("cap", CAP);
		p.put("size", size);
		p.put("offset", (long) page * size);
		String summary = """
				select s.id, s.student_no, s.name, s.gender, s.school_id, s.class_id, g.name || '（' ||
				       replace(c.name, '班', '') || '）班'
				  from student s join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id""";
		return new Request(List.of(
				new Statement("select count(*) from (select 1 from student s" + where + " limit :cap) x", count),
				new Statement(summary.replace("from student s", "from (select s.* from student s" + where
						+ " order by s.list_key, s.id limit :size offset :offset) s") + " order by s.list_key, s.id", p)),
				1);
	}

	/** {@code WarningQueue.queue} (warning module), any status: no status predicate in the SQL. */
	static Request queue(CurrentUser user, int page, int size) {
		ScopePath path = ScopePath.of(user);
		String where = " where " + StudentScope.listPredicate("s") + path.sql("w.school_id", "s.class_id");
		Map<String, Object> p = new HashMap<>(path.params());
		p.put("scopeUserId", user.id());
		p.put("scopeLevel", StudentScope.ARCHIVE);
		p.put("status", null);
		Map<String, Object> count = new HashMap<>(p);
		count.put("cap", CAP);
		p.put("size", size);
		p.put("offset", (long) page * size);
		String select = """
				select w.id, w.student_id, s.name, g.name || '（' || replace(c.name, '班', '') || '）班', w.urgency, w.status,
				       w.due_at, w.raised_at, ru.display_name, w.source_kind, w.signs, w.summary, w.resolved_at,
				       xu.display_name, w.resolution_reason,
				       (select count(*) from warning_report_source rs where rs.report_id = w.id), w.merged_into,
				       tu.display_name, w.taken_up_at, w.case_id
				  from warning_report w
				  join student s on s.id = w.student_id
				  join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
				  join app_user ru on ru.id = w.raised_by
				  left join app_user xu on xu.id = w.resolved_by
				  left join app_user tu on tu.id = w.taken_up_by""";
		return new Request(List.of(
				new Statement("select count(*) from (select 1 from warning_report w join student s on s.id = w.student_id"
						+ where + " limit :cap) x", count),
				new Statement(select + where + """
						 order by (w.status = 'OPEN') desc, (w.urgency = 'URGENT') desc, (w.urgency = 'REVIEW'), w.due_at, w.id
						 limit :size offset :offset""", p)),
				1);
	}

	/** {@code CaseReads.list} (warning module, cases), no filter: the tier from the caller's posts, the access path. */
	static Request cases(CurrentUser user, int page, int size, Instant now) {
		ScopePath path = ScopePath.of(user);
		String rows = "select wc.id, t.tier from warning_case wc"
				+ " join student s on s.id = wc.student_id"
				+ " cross join lateral (select" + CaseAccess.listTier("s") + "as tier) t"
				+ " where t.tier >= 1"
				+ " and (cast(:state as text) is null or wc.state = :state)"
				+ " and (cast(:category as int) is null or (wc.category = :category and t.tier >= 2))"
				+ " and (cast(:classId as bigint) is null or s.class_id = :classId)"
				+ " and (cast(:studentId as bigint) is null or wc.student_id = :studentId)"
				+ " and (cast(:overdue as boolean) is null or exists (select 1 from duty d"
				+ " where d.source_kind = 'WARNING_CASE' and d.source_id = wc.id and d.status = 'OPEN'"
				+ " and d.due_at < :now) = :overdue)"
				+ path.sql("wc.school_id", "s.class_id");
		String order = " order by wc.ended_at is null desc, wc.category desc nulls last, wc.opened_at desc, wc.id desc";
		String summary = """
				select wc.id, wc.student_id, s.name, g.name || '（' || replace(c.name, '班', '') || '）班', c.id,
				       wc.state, wc.category, wc.in_database, wc.stays_against_advice, wc.opened_at, wc.ended_at,
				       exists (select 1 from duty d where d.source_kind = 'WARNING_CASE' and d.source_id = wc.id
				                  and d.status = 'OPEN' and d.due_at < :now) as overdue,
				       pg.tier, s.student_no, wc.version
				  from (%s) pg
				  join warning_case wc on wc.id = pg.id
				  join student s on s.id = wc.student_id
				  join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
				""";
		Map<String, Object> p = new HashMap<>(path.params());
		p.put("caseUserId", user.id());
		p.put("state", null);
		p.put("category", null);
		p.put("classId", null);
		p.put("studentId", null);
		p.put("overdue", null);
		p.put("now", Timestamp.from(now));
		Map<String, Object> count = new HashMap<>(p);
		count.put("cap", CAP);
		p.put("size", size);
		p.put("offset", (long) page * size);
		return new Request(List.of(new Statement("select count(*) from (" + rows + " limit :cap) x", count),
				new Statement(summary.formatted(rows + order + " limit :size offset :offset") + order, p)), 1);
	}

	/** {@code DutyBoard.mine} (duty module, board): {@code GET /duties?mine=true}, any status. */
	static Request duties(long me, int page, int size, Instant now) {
		String columns = """
				select d.id, d.kind, d.student_id, d.class_id, d.assignee_user_id, d.due_at, d.status,
				       d.escalation_level, d.done_at, d.source_kind, d.source_id""";
		String openPart = " from duty d where d.assignee_user_id = :me and d.status = 'OPEN' and :open"
				+ " and (not :overdue or d.due_at < :now)";
		String closedPart = " from duty d where d.assignee_user_id = :me and d.status <> 'OPEN' and :closed"
				+ " and (cast(:closedStatus as text) is null or d.status = :closedStatus)";
		Map<String, Object> p = new HashMap<>();
		p.put("me", me);
		p.put("open", true);
		p.put("overdue", false);
		p.put("now", Timestamp.from(now));
		p.put("closed", true);
		p.put("closedStatus", null);
		Map<String, Object> count = new HashMap<>(p);
		count.put("cap", CAP);
		p.put("upTo", (long) page * size + size);
		p.put("size", size);
		p.put("offset", (long) page * size);
		return new Request(List.of(
				new Statement("select (select count(*) from (select 1" + openPart + " limit :cap) o)"
						+ " + (select count(*) from (select 1" + closedPart + " limit :cap) c)", count),
				new Statement("select * from ((" + columns + openPart + " order by d.due_at, d.id limit :upTo) union all ("
						+ columns + closedPart + " order by d.done_at desc nulls last, d.id limit :upTo)) d"
						+ " order by d.status = 'OPEN' desc, case when d.status = 'OPEN' then d.due_at end,"
						+ " d.done_at desc nulls last, d.id limit :size offset :offset", p)),
				1);
	}

	/** {@code Inbox.page} (notification module): the count, the page and the unread badge. */
	static Request notifications(long me, int page, int size) {
		String select = "select id, kind, message_key, args, link, created_at, read_at from notification";
		Map<String, Object> p = new HashMap<>();
		p.put("me", me);
		p.put("unreadOnly", false);
		Map<String, Object> count = new HashMap<>(p);
		count.put("cap", CAP);
		p.put("upTo", (long) page * size + size);
		p.put("size", size);
		p.put("offset", (long) page * size);
		return new Request(List.of(new Statement("""
				select (select count(*) from (select 1 from notification where user_id = :me and read_at is null
				         limit :cap) u)
				     + (select count(*) from (select 1 from notification where user_id = :me and read_at is not null
				         and not :unreadOnly limit :cap) r)""", count),
				new Statement("select * from ((" + select + """
						 where user_id = :me and read_at is null order by created_at desc, id desc limit :upTo)
						union all
						(""" + select + """
						 where user_id = :me and read_at is not null and not :unreadOnly order by created_at desc, id desc
						 limit :upTo)) x
						order by read_at is null desc, created_at desc, id desc limit :size offset :offset""", p),
				new Statement("select count(*) from notification where user_id = :me and read_at is null", Map.of("me", me))),
				1);
	}
}
