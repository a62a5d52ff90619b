package org.mindgrid.reporting.period;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.notification.Notice;
import org.mindgrid.notification.NoticeArg;
import org.mindgrid.notification.Notifications;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Periods of high risk (measure 17: 高危时段 warned in advance). A district officer announces one for the district
 * with a message to its schools; the district's staff and the city's officers read them; on its first day the
 * district's head teachers and mentors are reminded (more home-school contact, closer watch of the students in the
 * warning database), and the dashboards show the period while it lasts.
 */
@Service
public class HighRiskPeriods {

	public enum Kind {
		EXAM, TERM_START, BEFORE_HOLIDAY, AFTER_HOLIDAY, CUSTOM
	}

	public record Period(long id, long districtId, Kind kind, String title, LocalDate startsOn, LocalDate endsOn,
			String message, boolean current) {
	}

	public record NewPeriod(long districtId, Kind kind, String title, LocalDate startsOn, LocalDate endsOn,
			String message) {
	}

	/** The longest period a district may announce at once: a term's exam season, not a whole year. */
	public static final int MAX_DAYS = 92;

	/** Why a period's days are refused: a message key of the indicator bundle and its arguments. */
	public record DateProblem(String key, Object... args) {
	}

	private static final String COLUMNS = "id, district_id, kind, title, starts_on, ends_on, message";

	/** Whether the caller is an officer of the district (writes), or may read its periods. */
	private static final String READER = """
			exists (select 1 from post p where p.user_id = :me and (
			       (p.role = 'DISTRICT_OFFICER' and p.district_id = :d)
			    or (p.role = 'CITY_OFFICER' and p.city_id = (select city_id from district where id = :d))
			    or (p.school_id in (select id from school where district_id = :d) and p.role <> 'PSYCH_COMMITTEE')))""";

	private final JdbcClient jdbc;

	private final CurrentUsers users;

	private final AuditLog audit;

	private final Notifications notifications;

	private final Clock clock;

	HighRiskPeriods(JdbcClient jdbc, CurrentUsers users, AuditLog audit, Notifications notifications, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.audit = audit;
		this.notifications = notifications;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/** The rules of a period's days, for the API and the page alike; empty when the days are good. */
	public Optional<DateProblem> checkDays(LocalDate startsOn, LocalDate endsOn) {
		if (endsOn.isBefore(startsOn)) {
			return Optional.of(new DateProblem("period.problem.ends-before-start"));
		}
		if (ChronoUnit.DAYS.between(startsOn, endsOn) > MAX_DAYS) {
			return Optional.of(new DateProblem("period.problem.too-long", MAX_DAYS));
		}
		if (endsOn.isBefore(today())) {
			return Optional.of(new DateProblem("period.problem.past"));
		}
		return Optional.empty();
	}

	@Transactional
	public Period announce(NewPeriod p) {
		CurrentUser user = users.current();
		boolean officer = jdbc.sql("select exists (select 1 from post where user_id = :me and role = 'DISTRICT_OFFICER' and district_id = :d)")
			.param("me", user.id()).param("d", p.districtId()).query(Boolean.class).single();
		if (!officer) {
			throw ApiProblem.forbidden("period.problem.forbidden");
		}
		long id = jdbc.sql("""
				insert into high_risk_period (district_id, kind, title, starts_on, ends_on, message, created_by, created_at)
				values (:d, :kind, :title, :from, :to, :message, :me, :now) returning id""")
			.param("d", p.districtId()).param("kind", p.kind().name()).param("title", p.title())
			.param("from", p.startsOn()).param("to", p.endsOn()).param("message", p.message())
			.param("me", user.id()).param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.query(Long.class).single();
		audit.record("HIGH_RISK_PERIOD_ANNOUNCE", "district/" + p.districtId() + "/high-risk-periods/" + id, null,
				p.kind() + " " + p.startsOn() + ".." + p.endsOn());
		return get(id);
	}

	/** The district's periods, latest first; 403 for those who may not read them. */
	@Transactional(readOnly = true)
	public List<Period> ofDistrict(long districtId) {
		requireReader(districtId);
		return jdbc.sql("select " + COLUMNS + " from high_risk_period where district_id = :d order by starts_on desc, id desc limit 100")
			.param("d", districtId).query((rs, i) -> period(rs)).list();
	}

	/** The periods running today in the district (no access check: callers show them to the district's own). */
	@Transactional(readOnly = true)
	public List<Period> current(long districtId) {
		LocalDate today = LocalDate.now(clock);
		return jdbc.sql("select " + COLUMNS + " from high_risk_period where district_id = :d and starts_on <= :t and ends_on >= :t order by starts_on")
			.param("d", districtId).param("t", today).query((rs, i) -> period(rs)).list();
	}

	@Transactional(readOnly = true)
	public Long districtOfSchool(long schoolId) {
		return jdbc.sql("select district_id from school where id = :s").param("s", schoolId).query(Long.class).optional()
			.orElse(null);
	}

	@Transactional(readOnly = true)
	public Period read(long id) {
		Period p = jdbc.sql("select " + COLUMNS + " from high_risk_period where id = :id").param("id", id)
			.query((rs, i) -> period(rs)).optional().orElseThrow(() -> ApiProblem.notFound("problem.not-found"));
		requireReader(p.districtId());
		return p;
	}

	/**
	 * Reminds the head teachers and mentors of every district whose period starts today or has started and not
	 * been announced to them yet; each period once. Answers how many periods it announced.
	 */
	@Transactional
	public int remindStarted() {
		LocalDate today = LocalDate.now(clock);
		List<Period> due = jdbc.sql("select " + COLUMNS + " from high_risk_period where reminded_at is null "
				+ "and starts_on <= :t and ends_on >= :t order by id for update skip locked")
			.param("t", today).query((rs, i) -> period(rs)).list();
		for (Period p : due) {
			List<Long> staff = jdbc.sql("""
					select distinct p.user_id from post p join school s on s.id = p.school_id
					 where s.district_id = :d and p.role in ('HEAD_TEACHER', 'MENTOR')""")
				.param("d", p.districtId()).query(Long.class).list();
			notifications.notify(staff, Notice.of("HIGH_RISK_PERIOD", "period.notice", "/high-risk-periods/" + p.id(),
					NoticeArg.code("period.kind." + p.kind().name()), NoticeArg.text(p.title())));
			jdbc.sql("update high_risk_period set reminded_at = :now where id = :id")
				.param("now", clock.instant().atOffset(ZoneOffset.UTC)).param("id", p.id()).update();
		}
		return due.size();
	}

	private Period get(long id) {
		return jdbc.sql("select " + COLUMNS + " from high_risk_period where id = :id").param("id", id)
			.query((rs, i) -> period(rs)).single();
	}

	private void requireReader(long districtId) {
		boolean reader = jdbc.sql("select " + READER).param("me", users.current().id()).param("d", districtId)
			.query(Boolean.class).single();
		if (!reader) {
			throw ApiProblem.forbidden("period.problem.forbidden-read");
		}
	}

	private Period period(java.sql.ResultSet rs) throws java.sql.SQLException {
		LocalDate today = LocalDate.now(clock);
		LocalDate from = rs.getObject(5, LocalDate.class);
		LocalDate to = rs.getObject(6, LocalDate.class);
		return new Period(rs.getLong(1), rs.getLong(2), Kind.valueOf(rs.getString(3)), rs.getString(4), from, to,
				rs.getString(7), !today.isBefore(from) && !today.isAfter(to));
	}
}
