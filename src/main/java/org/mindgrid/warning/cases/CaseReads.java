package org.mindgrid.warning.cases;

import org.mindgrid.warning.CasePlan;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.ScopePath;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.Page;
import org.mindgrid.student.Students;
import org.mindgrid.warning.cases.CaseViews.CaseDetail;
import org.mindgrid.warning.cases.CaseViews.CaseDuty;
import org.mindgrid.warning.cases.CaseViews.CaseEntry;
import org.mindgrid.warning.cases.CaseViews.CaseSummary;
import org.mindgrid.warning.cases.CaseViews.MeasureView;
import org.mindgrid.warning.cases.CaseViews.PlanView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of cases, scoped in SQL by {@code case_access} and cut to the reader's tier: the clinical team reads all,
 * the head teacher no interview, diagnosis or medical step, a mentor only that the student is under watch and
 * their own measures and duties. Every read is audited.
 */
@Service
public class CaseReads {

	/** Detail keys of the team's decision a head teacher may read: the category, not the evidence weighed. */
	private static final Set<String> CATEGORY_FOR_HEAD = Set.of("category", "previousCategory", "enterDatabase");

	private static final String COLUMNS = """
			select wc.id, wc.student_id, s.name, g.name || '（' || replace(c.name, '班', '') || '）班', c.id,
			       wc.state, wc.category, wc.in_database, wc.stays_against_advice, wc.opened_at, wc.ended_at,
			       exists (select 1 from duty d where d.source_kind = 'WARNING_CASE' and d.source_id = wc.id
			                  and d.status = 'OPEN' and d.due_at < :now) as overdue,
			""";

	private static final String SUMMARY = COLUMNS + """
			       ct.tier, s.student_no, wc.version
			  from warning_case wc
			  join student s on s.id = wc.student_id
			  join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
			  cross join lateral (select max(ca.tier) as tier from case_access ca
			                       where ca.user_id = :caseUserId and ca.student_id = wc.student_id) ct
			""";

	/** The list's order, served by {@code warning_case_list_order_idx} within a school. */
	private static final String ORDER = " order by wc.ended_at is null desc, wc.category desc nulls last,"
			+ " wc.opened_at desc, wc.id desc";

	/**
	 * The list's rows: the caller's tier from their posts, the school or classes they work in as the access path
	 * (issue 11 point 2), filters; the page's names and classes are joined after the limit.
	 */
	private static final String LIST_ROWS = "select wc.id, t.tier from warning_case wc"
			+ " join student s on s.id = wc.student_id"
			+ " cross join lateral (select" + CaseAccess.listTier("s") + "as tier) t"
			+ " where t.tier >= 1"
			+ " and (cast(:state as text) is null or wc.state = :state)"
			+ " and (cast(:category as int) is null or (wc.category = :category and t.tier >= 2))"
			+ " and (cast(:classId as bigint) is null or s.class_id = :classId)"
			+ " and (cast(:studentId as bigint) is null or wc.student_id = :studentId)"
			+ " and (cast(:overdue as boolean) is null or exists (select 1 from duty d"
			+ " where d.source_kind = 'WARNING_CASE' and d.source_id = wc.id and d.status = 'OPEN'"
			+ " and d.due_at < :now) = :overdue)";

	private static final String LIST_PAGE = COLUMNS + """
			       pg.tier, s.student_no, wc.version
			  from (%s) pg
			  join warning_case wc on wc.id = pg.id
			  join student s on s.id = wc.student_id
			  join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Students students;

	private final AuditLog audit;

	private final CaseStore store;

	CaseReads(JdbcClient jdbc, Clock clock, Students students, AuditLog audit, CaseStore store) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.students = students;
		this.audit = audit;
		this.store = store;
	}

	/** Filters of the case list; nulls mean any. */
	public record Filter(CaseState state, Integer category, Long classId, Boolean overdue, Long studentId, int page,
			int size) {
	}

	@Transactional
	public Page<CaseSummary> list(Filter f) {
		CurrentUser user = students.requireStudentReader();
		ScopePath path = ScopePath.of(user);
		String rows = LIST_ROWS + path.sql("wc.school_id", "s.class_id");
		Instant now = clock.instant();
		long counted = jdbc.sql("select count(*) from (" + rows + " limit :cap) x")
			.params(params(user, f, now))
			.params(path.params())
			.param("cap", Page.COUNT_CAP + 1)
			.query(Long.class)
			.single();
		List<CaseSummary> items = jdbc.sql(LIST_PAGE.formatted(rows + ORDER + " limit :size offset :offset") + ORDER)
			.params(params(user, f, now))
			.params(path.params())
			.param("size", f.size())
			.param("offset", (long) f.page() * f.size())
			.query((rs, i) -> summary(rs))
			.list();
		if (!items.isEmpty()) {
			audit.record("CASE_LIST_READ", "cases", null,
					"students " + items.stream().map(CaseSummary::studentId).distinct().toList());
		}
		return Page.capped(items, counted, f.page(), f.size());
	}

	/** The caller's tier for a case: 0 when they may not see it at all. */
	int tier(CurrentUser user, long caseId) {
		return jdbc.sql("""
				select coalesce(max(ca.tier), 0) from warning_case wc
				  join case_access ca on ca.student_id = wc.student_id and ca.user_id = :u where wc.id = :id""")
			.param("u", user.id())
			.param("id", caseId)
			.query(Integer.class)
			.single();
	}

	@Transactional
	public CaseDetail get(long caseId) {
		CurrentUser user = students.requireStudentReader();
		CaseDetail detail = detail(user, caseId);
		audit.record("CASE_READ", "case/" + caseId, detail.studentId(), null);
		return detail;
	}

	/** The case as {@code user} may read it; 404 when not at all. Not audited (callers are). */
	CaseDetail detail(CurrentUser user, long caseId) {
		Instant now = clock.instant();
		record Row(CaseSummary summary, int tier, String studentNo, int version) {
		}
		Row row = jdbc.sql(SUMMARY + " where wc.id = :id and ct.tier >= 1")
			.param("caseUserId", user.id())
			.param("now", Timestamp.from(now))
			.param("id", caseId)
			.query((rs, i) -> new Row(summary(rs), rs.getInt("tier"), rs.getString("student_no"),
					rs.getInt("version")))
			.optional()
			.orElseThrow(() -> ApiProblem.notFound("case.not-found"));
		int tier = row.tier();
		CaseSummary s = row.summary();
		List<CaseEntry> history = tier >= CaseAccess.HEAD_TEACHER ? history(caseId, tier) : List.of();
		PlanView plan = plan(caseId, tier);
		List<CaseDuty> duties = duties(caseId, user.id(), tier, now);
		List<Long> reports = tier >= CaseAccess.FULL ? jdbc.sql("select id from warning_report where case_id = :c order by id")
			.param("c", caseId).query(Long.class).list() : List.of();
		CaseState state = CaseState.valueOf(s.state());
		return new CaseDetail(s.id(), s.studentId(), s.studentName(), s.className(), row.studentNo(), s.state(),
				tier >= CaseAccess.HEAD_TEACHER ? s.category() : null, s.inDatabase(),
				tier >= CaseAccess.HEAD_TEACHER && s.staysAgainstAdvice(), s.openedAt(), s.endedAt(), row.version(),
				accessName(tier), CaseTransitions.allowedActions(state, tier).stream().map(CaseAction::code).toList(),
				history, plan, duties, reports);
	}

	static String accessName(int tier) {
		return switch (tier) {
			case CaseAccess.FULL -> "FULL";
			case CaseAccess.HEAD_TEACHER -> "HEAD_TEACHER";
			default -> "MENTOR";
		};
	}

	List<CaseEntry> history(long caseId, int tier) {
		record Raw(long id, CaseAction action, String from, String to, Instant at, String by, String details,
				Long voids) {
		}
		List<Raw> raw = jdbc.sql("""
				select e.id, e.action, e.from_state, e.to_state, e.at, u.display_name, e.details::text, e.voids
				  from warning_case_event e join app_user u on u.id = e.by_user
				 where e.case_id = :c order by e.id""")
			.param("c", caseId)
			.query((rs, i) -> new Raw(rs.getLong(1), CaseAction.valueOf(rs.getString(2)), rs.getString(3),
					rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7),
					(Long) rs.getObject(8)))
			.list();
		Map<Long, Long> voidedBy = new HashMap<>();
		raw.stream().filter(r -> r.voids() != null).forEach(r -> voidedBy.put(r.voids(), r.id()));
		Map<Long, CaseAction> actionOf = new HashMap<>();
		raw.forEach(r -> actionOf.put(r.id(), r.action()));
		List<CaseEntry> out = new ArrayList<>();
		for (Raw r : raw) {
			// a void of an entry the reader may not see is not shown either
			CaseAction shownAs = r.voids() != null ? actionOf.getOrDefault(r.voids(), r.action()) : r.action();
			if (tier < r.action().reader() || tier < shownAs.reader()) {
				continue;
			}
			Map<String, Object> details = store.details(r.details());
			if (tier < CaseAccess.FULL && r.action() == CaseAction.CATEGORIZE) {
				Map<String, Object> cut = new LinkedHashMap<>();
				details.forEach((k, v) -> {
					if (CATEGORY_FOR_HEAD.contains(k)) {
						cut.put(k, v);
					}
				});
				details = cut;
			}
			out.add(new CaseEntry(r.id(), r.action().code(), r.from(), r.to(), r.at(), r.by(), details, r.voids(),
					voidedBy.get(r.id())));
		}
		return out;
	}

	PlanView plan(long caseId, int tier) {
		record Stored(int version, String content, Instant at, String by) {
		}
		var stored = jdbc.sql("""
				select p.version, p.content::text, p.updated_at, u.display_name
				  from case_plan p join app_user u on u.id = p.updated_by where p.case_id = :c""")
			.param("c", caseId)
			.query((rs, i) -> new Stored(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getString(4)))
			.optional();
		CasePlan plan = stored.map(p -> store.fromJson(p.content(), CasePlan.class)).orElse(CasePlan.empty());
		Map<String, Instant> ticks = new HashMap<>();
		jdbc.sql("""
				select e.details ->> 'measureId', max(e.at) from warning_case_event e
				 where e.case_id = :c and e.action = 'TICK_MEASURE'
				   and not exists (select 1 from warning_case_event v where v.voids = e.id)
				 group by 1""")
			.param("c", caseId)
			.query((rs, i) -> ticks.put(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.list();
		List<MeasureView> measures = plan.measures() == null ? List.of() : plan.measures().stream()
			.filter(m -> tier >= CaseAccess.HEAD_TEACHER || "MENTOR".equals(m.responsible()))
			.map(m -> new MeasureView(m.id(), m.grid(), m.text(), m.responsible(), m.frequency(), ticks.get(m.id())))
			.toList();
		if (tier < CaseAccess.HEAD_TEACHER) {
			// a mentor: their measures, nothing of the situation or goals
			return new PlanView(stored.map(Stored::version).orElse(0), null, null, measures, null, null, null, null);
		}
		return new PlanView(stored.map(Stored::version).orElse(0), plan.situation(), plan.goals(), measures,
				plan.contactFrequency(), plan.reviewDate(), stored.map(Stored::at).orElse(null),
				stored.map(Stored::by).orElse(null));
	}

	private List<CaseDuty> duties(long caseId, long userId, int tier, Instant now) {
		return jdbc.sql("""
				select d.id, d.kind, d.due_at, d.status, u.display_name
				  from duty d join app_user u on u.id = d.assignee_user_id
				 where d.source_kind = 'WARNING_CASE' and d.source_id = :c
				   and (:all or d.assignee_user_id = :u)
				 order by d.status = 'OPEN' desc, d.due_at desc limit 50""")
			.param("c", caseId)
			.param("all", tier >= CaseAccess.HEAD_TEACHER)
			.param("u", userId)
			.query((rs, i) -> {
				Instant due = rs.getTimestamp(3).toInstant();
				String status = rs.getString(4);
				return new CaseDuty(rs.getLong(1), rs.getString(2), due, status, rs.getString(5),
						"OPEN".equals(status) && due.isBefore(now));
			})
			.list();
	}

	private Map<String, Object> params(CurrentUser user, Filter f, Instant now) {
		Map<String, Object> p = new HashMap<>();
		p.put("caseUserId", user.id());
		p.put("state", f.state() == null ? null : f.state().name());
		p.put("category", f.category());
		p.put("classId", f.classId());
		p.put("studentId", f.studentId());
		p.put("overdue", f.overdue());
		p.put("now", Timestamp.from(now));
		return p;
	}

	private static CaseSummary summary(ResultSet rs) throws SQLException {
		int tier = rs.getInt("tier");
		Timestamp ended = rs.getTimestamp(11);
		return new CaseSummary(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
				rs.getString(6), tier >= CaseAccess.HEAD_TEACHER ? (Integer) rs.getObject(7, Integer.class) : null,
				rs.getBoolean(8), tier >= CaseAccess.HEAD_TEACHER && rs.getBoolean(9),
				rs.getTimestamp(10).toInstant(), ended == null ? null : ended.toInstant(),
				tier >= CaseAccess.HEAD_TEACHER && rs.getBoolean(12));
	}
}
