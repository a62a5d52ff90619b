package org.mindgrid.duty.board;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.duty.DutyKind;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading duties for the pages and the API, and closing one by hand. Scope is SQL: the assignee sees their own;
 * with {@code mine = false} a head teacher also sees their classes' duties and psychology teachers and leaders
 * their school's.
 */
@Service
public class DutyBoard {

	static final String IN_SCOPE = """
			(d.assignee_user_id = :me or exists (select 1 from post p where p.user_id = :me
			   and ((p.role = 'HEAD_TEACHER' and p.class_id = d.class_id)
			     or (p.role in ('PSYCH_TEACHER', 'SCHOOL_LEADER') and p.school_id = d.school_id))))""";

	private static final String ROW_SELECT = """
			select d.id, d.kind, d.student_id,
			       case when exists (select 1 from student_access sa where sa.user_id = :me
			                          and sa.student_id = d.student_id and sa.level >= 1) then s.name end as student_name,
			       g.name || '（' || replace(c.name, '班', '') || '）班' as class_name,
			       d.due_at, d.status, d.done_at, d.done_note, d.escalation_level, u.display_name,
			       d.assignee_user_id = :me as mine, d.source_kind, d.source_id
			  from duty d join app_user u on u.id = d.assignee_user_id
			  left join student s on s.id = d.student_id
			  left join school_class c on c.id = d.class_id left join grade g on g.id = c.grade_id""";

	private static final Set<String> STATUSES = Set.of("OPEN", "DONE", "CANCELLED", "OVERDUE");

	private static final int MAX_NOTE = 500;

	private final JdbcClient jdbc;

	private final CurrentUsers users;

	private final Clock clock;

	private final AuditLog audit;

	DutyBoard(JdbcClient jdbc, CurrentUsers users, Clock clock, AuditLog audit) {
		this.jdbc = jdbc;
		this.users = users;
		this.clock = clock;
		this.audit = audit;
	}

	private static final String SELECT_COLUMNS = """
			select d.id, d.kind, d.student_id, d.class_id, d.assignee_user_id, d.due_at, d.status,
			       d.escalation_level, d.done_at, d.source_kind, d.source_id""";

	private static final String COLUMNS = SELECT_COLUMNS + " from duty d";

	/** The API list: open ones first by deadline, then the closed ones newest first. */
	@Transactional(readOnly = true)
	public Page<DutyItem> list(boolean mine, String status, int page, int size) {
		CurrentUser user = users.current();
		String wanted = status == null || status.isBlank() ? null : status.strip().toUpperCase(java.util.Locale.ROOT);
		if (wanted != null && !STATUSES.contains(wanted)) {
			throw ApiProblem.badRequest("duty.status.unknown", status);
		}
		Instant now = clock.instant();
		if (mine) {
			return mine(user.id(), wanted, now, page, size);
		}
		String where = " where " + IN_SCOPE + " " + """
				 and (cast(:status as text) is null
				      or (:status = 'OVERDUE' and d.status = 'OPEN' and d.due_at < :now)
				      or d.status = :status)""";
		long total = jdbc.sql("select count(*) from (select 1 from duty d" + where + " limit :cap) x")
			.param("me", user.id())
			.param("status", wanted)
			.param("now", Timestamp.from(now))
			.param("cap", Page.COUNT_CAP + 1)
			.query(Long.class)
			.single();
		List<DutyItem> items = jdbc.sql(COLUMNS + where + " " + """
				 order by d.status = 'OPEN' desc, case when d.status = 'OPEN' then d.due_at end,
				          d.done_at desc nulls last, d.id
				 limit :size offset :offset""")
			.param("me", user.id())
			.param("status", wanted)
			.param("now", Timestamp.from(now))
			.param("size", size)
			.param("offset", (long) page * size)
			.query((rs, i) -> item(rs, now))
			.list();
		return Page.capped(items, total, page, size);
	}

	/**
	 * The caller's own duties, in the list's order, each part (open by deadline, closed newest first) read from
	 * its own index only as far as the page reaches (issue 11 point 2).
	 */
	private Page<DutyItem> mine(long me, String wanted, Instant now, int page, int size) {
		boolean open = wanted == null || wanted.equals("OPEN") || wanted.equals("OVERDUE");
		boolean closed = wanted == null || wanted.equals("DONE") || wanted.equals("CANCELLED");
		String closedStatus = closed && wanted != null ? wanted : null;
		String openPart = " from duty d where d.assignee_user_id = :me and d.status = 'OPEN' and :open"
				+ " and (not :overdue or d.due_at < :now)";
		String closedPart = " from duty d where d.assignee_user_id = :me and d.status <> 'OPEN' and :closed"
				+ " and (cast(:closedStatus as text) is null or d.status = :closedStatus)";
		long total = jdbc.sql("select (select count(*) from (select 1" + openPart + " limit :cap) o)"
				+ " + (select count(*) from (select 1" + closedPart + " limit :cap) c)")
			.param("me", me).param("open", open).param("overdue", "OVERDUE".equals(wanted))
			.param("now", Timestamp.from(now)).param("closed", closed).param("closedStatus", closedStatus)
			.param("cap", Page.COUNT_CAP + 1)
			.query(Long.class)
			.single();
		long upTo = (long) page * size + size;
		List<DutyItem> items = jdbc.sql("select * from ((" + SELECT_COLUMNS + openPart
				+ " order by d.due_at, d.id limit :upTo) union all (" + SELECT_COLUMNS + closedPart
				+ " order by d.done_at desc nulls last, d.id limit :upTo)) d"
				+ " order by d.status = 'OPEN' desc, case when d.status = 'OPEN' then d.due_at end,"
				+ " d.done_at desc nulls last, d.id limit :size offset :offset")
			.param("me", me).param("open", open).param("overdue", "OVERDUE".equals(wanted))
			.param("now", Timestamp.from(now)).param("closed", closed).param("closedStatus", closedStatus)
			.param("upTo", upTo)
			.param("size", size)
			.param("offset", (long) page * size)
			.query((rs, i) -> item(rs, now))
			.list();
		return Page.capped(items, total, page, size);
	}

	/** The caller's open duties and those closed in the last 30 days. */
	@Transactional(readOnly = true)
	public List<DutyRow> mine() {
		CurrentUser user = users.current();
		Instant now = clock.instant();
		return jdbc.sql(ROW_SELECT + " " + """
				 where d.assignee_user_id = :me
				   and (d.status = 'OPEN' or (d.status = 'DONE' and d.done_at >= :since))
				 order by d.due_at, d.id limit 500""")
			.param("me", user.id())
			.param("since", Timestamp.from(now.minus(java.time.Duration.ofDays(30))))
			.query(DutyBoard::row)
			.list();
	}

	/** Overdue duties of others in the caller's class or school (what escalation points to). */
	@Transactional(readOnly = true)
	public List<DutyRow> teamOverdue() {
		CurrentUser user = users.current();
		return jdbc.sql(ROW_SELECT + " where d.assignee_user_id <> :me and d.status = 'OPEN' and d.due_at < :now and "
				+ IN_SCOPE + " order by d.escalation_level desc, d.due_at, d.id limit 200")
			.param("me", user.id())
			.param("now", Timestamp.from(clock.instant()))
			.query(DutyBoard::row)
			.list();
	}

	/** One duty the caller may see, or 404 (not 403: its existence is not the caller's business). */
	@Transactional(readOnly = true)
	public DutyRow get(long id) {
		CurrentUser user = users.current();
		return jdbc.sql(ROW_SELECT + " where d.id = :id and " + IN_SCOPE)
			.param("me", user.id())
			.param("id", id)
			.query(DutyBoard::row)
			.optional()
			.orElseThrow(() -> ApiProblem.notFound("duty.not-found"));
	}

	/** The assignee closes a duty by hand, saying what was done. */
	@Transactional
	public DutyItem markDone(long id, String note) {
		CurrentUser user = users.current();
		DutyRow duty = get(id);
		if (!duty.mine()) {
			throw ApiProblem.forbidden("duty.done.not-assignee");
		}
		String text = note == null ? "" : note.strip();
		if (text.isEmpty()) {
			throw ApiProblem.badRequest("duty.done.note-required");
		}
		if (text.length() > MAX_NOTE) {
			throw ApiProblem.badRequest("duty.done.note-too-long", MAX_NOTE);
		}
		Instant now = clock.instant();
		int changed = jdbc.sql("""
				update duty set status = 'DONE', done_at = :now, done_by = :me, done_note = :note
				 where id = :id and status = 'OPEN' and assignee_user_id = :me""")
			.param("now", Timestamp.from(now))
			.param("me", user.id())
			.param("note", text)
			.param("id", id)
			.update();
		if (changed == 0) {
			throw ApiProblem.conflict("duty.done.not-open");
		}
		audit.record("DUTY_DONE", "duty/" + id, duty.studentId(), duty.kind().name());
		return jdbc.sql("""
				select d.id, d.kind, d.student_id, d.class_id, d.assignee_user_id, d.due_at, d.status,
				       d.escalation_level, d.done_at, d.source_kind, d.source_id from duty d where d.id = :id""")
			.param("id", id)
			.query((rs, i) -> item(rs, now))
			.single();
	}

	private static DutyItem item(ResultSet rs, Instant now) throws SQLException {
		Instant due = rs.getTimestamp("due_at").toInstant();
		String status = rs.getString("status");
		Timestamp done = rs.getTimestamp("done_at");
		DutyKind kind = DutyKind.valueOf(rs.getString("kind"));
		Long studentId = (Long) rs.getObject("student_id");
		return new DutyItem(rs.getLong("id"), kind, studentId, (Long) rs.getObject("class_id"),
				rs.getLong("assignee_user_id"), due, status, "OPEN".equals(status) && due.isBefore(now),
				rs.getInt("escalation_level"), done == null ? null : done.toInstant(),
				DutyLinks.fulfil(kind, rs.getLong("id"), studentId, rs.getString("source_kind"),
						(Long) rs.getObject("source_id")));
	}

	private static DutyRow row(ResultSet rs, int i) throws SQLException {
		Timestamp done = rs.getTimestamp("done_at");
		return new DutyRow(rs.getLong("id"), DutyKind.valueOf(rs.getString("kind")), (Long) rs.getObject("student_id"),
				rs.getString("student_name"), rs.getString("class_name"), rs.getTimestamp("due_at").toInstant(),
				rs.getString("status"), done == null ? null : done.toInstant(), rs.getString("done_note"),
				rs.getInt("escalation_level"), rs.getString("display_name"), rs.getBoolean("mine"),
				rs.getString("source_kind"), (Long) rs.getObject("source_id"));
	}
}
