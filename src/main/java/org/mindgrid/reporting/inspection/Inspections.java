package org.mindgrid.reporting.inspection;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.notification.Notice;
import org.mindgrid.notification.NoticeArg;
import org.mindgrid.notification.Notifications;
import org.mindgrid.shared.web.FieldProblems;
import org.mindgrid.reporting.indicator.IndicatorCatalog;
import org.mindgrid.reporting.indicator.IndicatorDefinition;
import org.mindgrid.reporting.indicator.IndicatorStatus;
import org.mindgrid.reporting.indicator.Indicators;
import org.mindgrid.reporting.inspection.InspectionTransitions.Action;
import org.mindgrid.reporting.inspection.InspectionTransitions.Actor;
import org.mindgrid.reporting.inspection.InspectionTransitions.ItemAction;
import org.mindgrid.reporting.inspection.InspectionTransitions.ItemState;
import org.mindgrid.reporting.inspection.InspectionTransitions.State;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The district's monthly inspection (每月抽查, issue 12 point 4, ADR 0033). A district officer samples schools and
 * indicators of a month, or lets the system pick at random; each sampled item keeps the indicator's value, target
 * and status as they stood then. The officer records findings and requests corrections, the school's keepers
 * (leaders, administrators, psychology teachers) answer, and the officer publishes the month's results. Who reads
 * is decided in SQL: the district's officers everything, the city's officers what is no longer a draft, a sampled
 * school's keepers and crisis team their own items once the inspection has started.
 */
@Service
public class Inspections {

	public static final int MAX_SCHOOLS = 50;

	public static final int MAX_ITEMS = 500;

	public static final int MAX_TEXT = 2000;

	/** Days a school may be given to correct: a month and a half at most, so that it shows in next month's round. */
	public static final int MAX_CORRECTION_DAYS = 45;

	/** A sample: named pairs, or how many schools and indicators to pick at random (all three lists may be empty). */
	public record NewInspection(long districtId, YearMonth period, List<Long> schoolIds, List<String> indicators,
			Integer randomSchools, Integer randomIndicators) {
	}

	public record Summary(long id, long districtId, String district, String period, State state,
			boolean sampledRandomly, long items, long open, Instant createdAt, Instant publishedAt) {
	}

	public record Event(String action, ItemState from, ItemState to, String note, String by, Instant at) {
	}

	public record Item(long id, long schoolId, String school, String indicator, BigDecimal value, BigDecimal target,
			IndicatorStatus status, ItemState state, String verdict, String finding, String correction,
			LocalDate correctionDueOn, String answer, List<Event> events) {
	}

	/** {@code officer}: the caller may take the officer's steps; {@code schoolIds}: the schools whose items they answer. */
	public record Inspection(long id, long districtId, String district, String period, State state,
			boolean sampledRandomly, Instant createdAt, Instant startedAt, Instant publishedAt, int version,
			boolean officer, Set<Long> answerable, List<Item> items) {
	}

	/** What an item's step brings: the finding's verdict and text, or the request with its date, or the answer. */
	public record Step(String verdict, String text, LocalDate dueOn) {
	}

	private static final String KEEPER_ROLES = "('SCHOOL_LEADER', 'SCHOOL_ADMIN', 'PSYCH_TEACHER')";

	private static final String OFFICER = """
			exists (select 1 from post p where p.user_id = :me and p.role = 'DISTRICT_OFFICER' and p.district_id = i.district_id)""";

	private static final String CITY = """
			(i.state <> 'DRAFT' and exists (select 1 from post p join district d on d.id = i.district_id
			        where p.user_id = :me and p.role = 'CITY_OFFICER' and p.city_id = d.city_id))""";

	/** A sampled school's keepers and crisis team read their school's items once the inspection has started. */
	private static final String SCHOOL = """
			(i.state <> 'DRAFT' and exists (select 1 from inspection_item x join post p on p.school_id = x.school_id
			        where x.inspection_id = i.id and p.user_id = :me
			          and p.role in ('SCHOOL_LEADER', 'SCHOOL_ADMIN', 'PSYCH_TEACHER', 'CRISIS_TEAM')))""";

	private final JdbcClient jdbc;

	private final CurrentUsers users;

	private final AuditLog audit;

	private final Notifications notifications;

	private final Indicators indicators;

	private final IndicatorCatalog catalog;

	private final FieldProblems problems;

	private final Clock clock;

	private final Random random = new SecureRandom();

	Inspections(JdbcClient jdbc, CurrentUsers users, AuditLog audit, Notifications notifications, Indicators indicators,
			IndicatorCatalog catalog, FieldProblems problems, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.audit = audit;
		this.notifications = notifications;
		this.indicators = indicators;
		this.catalog = catalog;
		this.problems = problems;
		this.clock = clock;
	}

	public YearMonth currentMonth() {
		return indicators.currentMonth();
	}

	/** The district's schools for the sampling form: id → name; its officers only. */
	@Transactional(readOnly = true)
	public List<Map.Entry<Long, String>> schoolsToSample(long districtId) {
		requireOfficer(districtId, users.current().id());
		return jdbc.sql("select id, name from school where district_id = :d order by name, id")
			.param("d", districtId).query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
	}

	/** The indicators an inspection samples: those measured per school (the district's own are not a school's). */
	public List<String> sampleable() {
		return catalog.all().stream().filter(d -> !d.districtOwn()).map(IndicatorDefinition::id).toList();
	}

	@Transactional
	public Inspection create(NewInspection n, Locale locale) {
		long me = users.current().id();
		requireOfficer(n.districtId(), me);
		YearMonth now = indicators.currentMonth();
		if (n.period().isAfter(now) || n.period().getYear() < 2000) {
			throw problems.field("period", "indicator.problem.period-range");
		}
		List<Long> districtSchools = jdbc.sql("select id from school where district_id = :d order by id")
			.param("d", n.districtId()).query(Long.class).list();
		boolean randomly = n.randomSchools() != null || n.randomIndicators() != null;
		List<Long> schools = pick(n.schoolIds(), n.randomSchools(), districtSchools, "schoolIds", "randomSchools");
		List<String> picked = pick(n.indicators(), n.randomIndicators(), sampleable(), "indicators", "randomIndicators");
		if (schools.isEmpty()) {
			throw problems.field("schoolIds", "inspection.problem.no-schools");
		}
		if (picked.isEmpty()) {
			throw problems.field("indicators", "inspection.problem.no-indicators");
		}
		if (schools.size() > MAX_SCHOOLS) {
			throw problems.field("schoolIds", "inspection.problem.too-many-schools", MAX_SCHOOLS);
		}
		if (schools.size() * picked.size() > MAX_ITEMS) {
			throw problems.field("indicators", "inspection.problem.too-many-items", MAX_ITEMS);
		}
		for (Long s : schools) {
			if (!districtSchools.contains(s)) {
				// a school of another district and an unknown id get the same answer: ids cannot be probed
				throw problems.field("schoolIds", "inspection.problem.school", s);
			}
		}
		for (String id : picked) {
			if (!sampleable().contains(id)) {
				throw problems.field("indicators", "inspection.problem.indicator", id);
			}
		}
		// the values as they stand now, computed first if the month was never read
		Map<Long, Map<String, Indicators.Item>> values = new HashMap<>();
		for (Indicators.SchoolRow row : indicators.districtSchools(n.districtId(), n.period(), locale).items()) {
			Map<String, Indicators.Item> byId = new HashMap<>();
			row.indicators().forEach(i -> byId.put(i.indicator(), i));
			values.put(row.schoolId(), byId);
		}
		Instant at = clock.instant();
		long id = jdbc.sql("""
				insert into inspection (district_id, period, state, sampled_randomly, created_by, created_at)
				values (:d, :p, 'DRAFT', :r, :me, :at) returning id""")
			.param("d", n.districtId()).param("p", n.period().toString()).param("r", randomly).param("me", me)
			.param("at", Timestamp.from(at)).query(Long.class).single();
		for (Long school : schools) {
			for (String indicator : picked) {
				Indicators.Item v = values.getOrDefault(school, Map.of()).get(indicator);
				jdbc.sql("""
						insert into inspection_item (inspection_id, school_id, indicator_id, value, target, status, state,
						                             updated_at)
						values (:i, :s, :ind, :v, :t, :st, 'SAMPLED', :at)""")
					.param("i", id).param("s", school).param("ind", indicator)
					.param("v", v == null ? null : v.value()).param("t", v == null ? null : v.target())
					.param("st", v == null ? IndicatorStatus.NONE.name() : v.status().name())
					.param("at", Timestamp.from(at)).update();
			}
		}
		audit.record("INSPECTION_CREATE", "inspection/" + id, null,
				n.period() + " " + schools.size() + "×" + picked.size() + (randomly ? " random" : ""));
		return read(id);
	}

	/** The draft's sample without one school (the officer's choice before starting). */
	@Transactional
	public Inspection dropSchool(long id, long schoolId) {
		Inspection i = read(id);
		requireOfficer(i);
		if (!InspectionTransitions.sampleChanges(i.state())) {
			throw ApiProblem.conflict("inspection.problem.state");
		}
		jdbc.sql("delete from inspection_item where inspection_id = :i and school_id = :s")
			.param("i", id).param("s", schoolId).update();
		audit.record("INSPECTION_SAMPLE_CHANGE", "inspection/" + id, null, "-school/" + schoolId);
		return read(id);
	}

	@Transactional
	public Inspection move(long id, Action action, int version) {
		Inspection i = read(id);
		requireOfficer(i);
		State to = InspectionTransitions.next(action, i.state())
			.orElseThrow(() -> ApiProblem.conflict("inspection.problem.state"));
		if (action == Action.START && i.items().isEmpty()) {
			throw ApiProblem.conflict("inspection.problem.empty");
		}
		if (action == Action.PUBLISH && i.items().stream().anyMatch(x -> x.state() == ItemState.SAMPLED)) {
			throw ApiProblem.conflict("inspection.problem.findings-missing");
		}
		String column = action == Action.START ? "started_at" : "published_at";
		int changed = jdbc.sql("update inspection set state = :to, " + column + " = :at, version = version + 1 "
				+ "where id = :id and state = :from and version = :v")
			.param("to", to.name()).param("at", Timestamp.from(clock.instant())).param("id", id)
			.param("from", i.state().name()).param("v", version).update();
		if (changed == 0) {
			throw ApiProblem.conflict("inspection.problem.stale");
		}
		audit.record("INSPECTION_" + action.name(), "inspection/" + id, null, i.state() + "→" + to);
		List<Long> schools = i.items().stream().map(Item::schoolId).distinct().toList();
		String key = action == Action.START ? "inspection.notice.started" : "inspection.notice.published";
		notifications.notify(keepers(schools), Notice.of("INSPECTION", key, "/inspections/" + id,
				NoticeArg.text(i.period())));
		return read(id);
	}

	@Transactional
	public Inspection step(long id, long itemId, ItemAction action, Step step) {
		Inspection i = read(id);
		Item item = i.items().stream().filter(x -> x.id() == itemId).findFirst()
			.orElseThrow(() -> ApiProblem.notFound("problem.not-found"));
		if (action.actor() == Actor.OFFICER) {
			requireOfficer(i);
		}
		else if (!i.answerable().contains(item.schoolId())) {
			throw ApiProblem.forbidden("inspection.problem.forbidden");
		}
		if (!InspectionTransitions.itemsMove(i.state(), action)) {
			throw ApiProblem.conflict("inspection.problem.state");
		}
		ItemState to = InspectionTransitions.next(action, item.state())
			.orElseThrow(() -> ApiProblem.conflict("inspection.problem.item-state"));
		String text = check(action, step);
		String set = switch (action) {
			case RECORD_FINDING -> "verdict = :verdict, finding = :text";
			case REQUEST_CORRECTION, REOPEN -> "correction = :text, correction_due_on = :due, answer = null";
			case ANSWER -> "answer = :text";
			case ACCEPT, CLOSE -> "answer = answer";
		};
		int changed = jdbc.sql("update inspection_item set state = :to, updated_at = :at, " + set
				+ " where id = :item and inspection_id = :i and state = :from")
			.param("to", to.name()).param("at", Timestamp.from(clock.instant())).param("item", itemId).param("i", id)
			.param("from", item.state().name())
			.param("verdict", step.verdict() == null ? null : step.verdict())
			.param("text", text).param("due", step.dueOn())
			.update();
		if (changed == 0) {
			throw ApiProblem.conflict("inspection.problem.stale");
		}
		jdbc.sql("""
				insert into inspection_event (item_id, action, state_from, state_to, note, user_id, at)
				values (:item, :a, :from, :to, :note, :me, :at)""")
			.param("item", itemId).param("a", action.name()).param("from", item.state().name()).param("to", to.name())
			.param("note", text).param("me", users.current().id()).param("at", Timestamp.from(clock.instant()))
			.update();
		audit.record("INSPECTION_ITEM_" + action.name(), "inspection/" + id + "/items/" + itemId, null,
				item.state() + "→" + to);
		if (action == ItemAction.REQUEST_CORRECTION || action == ItemAction.REOPEN) {
			notifications.notify(keepers(List.of(item.schoolId())), Notice.of("INSPECTION",
					"inspection.notice.correction", "/inspections/" + id, NoticeArg.text(i.period()),
					NoticeArg.code("indicator." + item.indicator() + ".name")));
		}
		else if (action == ItemAction.ANSWER) {
			List<Long> officers = jdbc.sql("select user_id from post where role = 'DISTRICT_OFFICER' and district_id = :d")
				.param("d", i.districtId()).query(Long.class).list();
			notifications.notify(officers, Notice.of("INSPECTION", "inspection.notice.answered", "/inspections/" + id,
					NoticeArg.text(item.school()), NoticeArg.code("indicator." + item.indicator() + ".name")));
		}
		return read(id);
	}

	/** The inspections the caller reads, newest month first; at most 100. */
	@Transactional
	public List<Summary> list(Long districtId) {
		long me = users.current().id();
		List<Summary> list = jdbc.sql("""
				select i.id, i.district_id, d.name, i.period, i.state, i.sampled_randomly,
				       (select count(*) from inspection_item x where x.inspection_id = i.id),
				       (select count(*) from inspection_item x where x.inspection_id = i.id and x.state <> 'CLOSED'),
				       i.created_at, i.published_at
				  from inspection i join district d on d.id = i.district_id
				 where (cast(:d as bigint) is null or i.district_id = :d)
				   and (""" + OFFICER + " or " + CITY + " or " + SCHOOL + """
				)
				 order by i.period desc, i.id desc limit 100""")
			.param("d", districtId).param("me", me)
			.query((rs, n) -> new Summary(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					State.valueOf(rs.getString(5)), rs.getBoolean(6), rs.getLong(7), rs.getLong(8), instant(rs, 9),
					instant(rs, 10)))
			.list();
		audit.record("INSPECTIONS_READ", "inspections" + (districtId == null ? "" : "?districtId=" + districtId), null, null);
		return list;
	}

	/** One inspection with the items the caller reads; 404 when they read none of it. */
	@Transactional
	public Inspection read(long id) {
		long me = users.current().id();
		record Head(long id, long districtId, String district, String period, State state, boolean random,
				Instant created, Instant started, Instant published, int version, boolean officer, boolean city) {
		}
		Head h = jdbc.sql("select i.id, i.district_id, d.name, i.period, i.state, i.sampled_randomly, i.created_at, "
				+ "i.started_at, i.published_at, i.version, " + OFFICER + ", " + CITY
				+ " from inspection i join district d on d.id = i.district_id where i.id = :id and (" + OFFICER + " or "
				+ CITY + " or " + SCHOOL + ")")
			.param("id", id).param("me", me)
			.query((rs, n) -> new Head(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					State.valueOf(rs.getString(5)), rs.getBoolean(6), instant(rs, 7), instant(rs, 8), instant(rs, 9),
					rs.getInt(10), rs.getBoolean(11), rs.getBoolean(12)))
			.optional().orElseThrow(() -> ApiProblem.notFound("problem.not-found"));
		Set<Long> keeperOf = new LinkedHashSet<>(jdbc.sql("select school_id from post where user_id = :me and school_id is not null "
				+ "and role in " + KEEPER_ROLES).param("me", me).query(Long.class).list());
		Set<Long> readsSchools = new LinkedHashSet<>(jdbc.sql("select school_id from post where user_id = :me and school_id is not null "
				+ "and role in ('SCHOOL_LEADER', 'SCHOOL_ADMIN', 'PSYCH_TEACHER', 'CRISIS_TEAM')").param("me", me)
			.query(Long.class).list());
		boolean all = h.officer() || h.city();
		Map<Long, List<Event>> events = events(id);
		List<Item> items = jdbc.sql("""
				select x.id, x.school_id, s.name, x.indicator_id, x.value, x.target, x.status, x.state, x.verdict,
				       x.finding, x.correction, x.correction_due_on, x.answer
				  from inspection_item x join school s on s.id = x.school_id
				 where x.inspection_id = :id
				 order by s.name, x.school_id, x.id""")
			.param("id", id)
			.query((rs, n) -> new Item(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
					rs.getBigDecimal(6), IndicatorStatus.valueOf(rs.getString(7)), ItemState.valueOf(rs.getString(8)),
					rs.getString(9), rs.getString(10), rs.getString(11), rs.getObject(12, LocalDate.class),
					rs.getString(13), events.getOrDefault(rs.getLong(1), List.of())))
			.list()
			.stream().filter(x -> all || readsSchools.contains(x.schoolId())).toList();
		Set<Long> answerable = new LinkedHashSet<>();
		items.stream().map(Item::schoolId).filter(keeperOf::contains).forEach(answerable::add);
		audit.record("INSPECTION_READ", "inspection/" + id, null, null);
		return new Inspection(h.id(), h.districtId(), h.district(), h.period(), h.state(), h.random(), h.created(),
				h.started(), h.published(), h.version(), h.officer(), Collections.unmodifiableSet(answerable), items);
	}

	private Map<Long, List<Event>> events(long inspectionId) {
		Map<Long, List<Event>> events = new HashMap<>();
		jdbc.sql("""
				select e.item_id, e.action, e.state_from, e.state_to, e.note, u.display_name, e.at
				  from inspection_event e join inspection_item x on x.id = e.item_id join app_user u on u.id = e.user_id
				 where x.inspection_id = :i order by e.id""")
			.param("i", inspectionId)
			.query((rs, n) -> events.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new Event(rs.getString(2), ItemState.valueOf(rs.getString(3)), ItemState.valueOf(rs.getString(4)),
						rs.getString(5), rs.getString(6), instant(rs, 7))))
			.list();
		return events;
	}

	private String check(ItemAction action, Step step) {
		String text = step.text() == null ? null : step.text().strip();
		boolean needsText = EnumSet.of(ItemAction.RECORD_FINDING, ItemAction.REQUEST_CORRECTION, ItemAction.ANSWER,
				ItemAction.REOPEN).contains(action);
		if (needsText && (text == null || text.isEmpty())) {
			throw problems.field("text", "inspection.problem.text-required");
		}
		if (text != null && text.length() > MAX_TEXT) {
			throw problems.field("text", "inspection.problem.text-length", MAX_TEXT);
		}
		if (action == ItemAction.RECORD_FINDING && !("MET".equals(step.verdict()) || "NOT_MET".equals(step.verdict()))) {
			throw problems.field("verdict", "inspection.problem.verdict");
		}
		if (action == ItemAction.REQUEST_CORRECTION || action == ItemAction.REOPEN) {
			LocalDate today = LocalDate.now(clock);
			if (step.dueOn() == null || step.dueOn().isBefore(today) || step.dueOn().isAfter(today.plusDays(MAX_CORRECTION_DAYS))) {
				throw problems.field("dueOn", "inspection.problem.due", MAX_CORRECTION_DAYS);
			}
		}
		return text == null || text.isEmpty() ? null : text;
	}

	private <T> List<T> pick(List<T> named, Integer randomCount, List<T> pool, String field, String randomField) {
		if (randomCount == null) {
			return named == null ? List.of() : List.copyOf(new LinkedHashSet<>(named));
		}
		if (named != null && !named.isEmpty()) {
			throw problems.field(randomField, "inspection.problem.named-and-random");
		}
		if (randomCount < 1 || randomCount > pool.size()) {
			throw problems.field(randomField, "inspection.problem.random-count", pool.size());
		}
		List<T> shuffled = new ArrayList<>(pool);
		Collections.shuffle(shuffled, random);
		return List.copyOf(shuffled.subList(0, randomCount));
	}

	private List<Long> keepers(List<Long> schools) {
		if (schools.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select distinct user_id from post where school_id in (:s) and role in ('SCHOOL_LEADER', 'SCHOOL_ADMIN')")
			.param("s", schools).query(Long.class).list();
	}

	private void requireOfficer(Inspection i) {
		if (!i.officer()) {
			throw ApiProblem.forbidden("inspection.problem.forbidden");
		}
	}

	private void requireOfficer(long districtId, long me) {
		boolean officer = jdbc.sql("select exists (select 1 from post where user_id = :me and role = 'DISTRICT_OFFICER' and district_id = :d)")
			.param("me", me).param("d", districtId).query(Boolean.class).single();
		if (!officer) {
			throw ApiProblem.forbidden("inspection.problem.forbidden");
		}
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
