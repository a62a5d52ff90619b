package org.mindgrid.crisis.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.mindgrid.crisis.review.ReviewViews.Responsibility;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The review's rows: {@code crisis_review} and {@code crisis_review_action}. */
@Component
class ReviewStore {

	record Row(long id, long eventId, String state, String findings, List<Responsibility> responsibility,
			long openedBy, Instant openedAt, Long updatedBy, Instant updatedAt, Long closedBy, Instant closedAt,
			int version) {

		boolean closed() {
			return "CLOSED".equals(state);
		}
	}

	record NewAction(String what, long ownerUserId, LocalDate dueOn) {
	}

	record ActionRow(long id, String what, long ownerUserId, String ownerName, LocalDate dueOn, Long dutyId,
			String dutyStatus, String createdBy, Instant createdAt) {
	}

	private static final TypeReference<List<Responsibility>> CHAIN = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ReviewStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Inserts the review unless the event has one; true when this call opened it. */
	boolean openIfNone(long eventId, long by, Instant now) {
		return jdbc.sql("""
				insert into crisis_review (event_id, opened_by, opened_at) values (:e, :by, :now)
				on conflict (event_id) do nothing""")
			.param("e", eventId).param("by", by).param("now", Timestamp.from(now))
			.update() == 1;
	}

	Row lock(long eventId) {
		return jdbc.sql(SELECT + " where event_id = :e for update").param("e", eventId).query((rs, i) -> row(rs))
			.single();
	}

	Optional<Row> find(long eventId) {
		return jdbc.sql(SELECT + " where event_id = :e").param("e", eventId).query((rs, i) -> row(rs)).optional();
	}

	void update(long id, String findings, List<Responsibility> chain, long by, Instant now) {
		jdbc.sql("""
				update crisis_review set findings = :f,
				       responsibility = coalesce(cast(:chain as jsonb), responsibility),
				       updated_by = :by, updated_at = :now, version = version + 1 where id = :id""")
			.param("f", findings)
			.param("chain", chain == null ? null : json.writeValueAsString(chain))
			.param("by", by).param("now", Timestamp.from(now)).param("id", id)
			.update();
	}

	void touch(long id, long by, Instant now) {
		jdbc.sql("update crisis_review set updated_by = :by, updated_at = :now, version = version + 1 where id = :id")
			.param("by", by).param("now", Timestamp.from(now)).param("id", id).update();
	}

	void close(long id, long by, Instant now) {
		jdbc.sql("""
				update crisis_review set state = 'CLOSED', closed_by = :by, closed_at = :now, version = version + 1
				 where id = :id""")
			.param("by", by).param("now", Timestamp.from(now)).param("id", id).update();
	}

	long addAction(long reviewId, NewAction a, long by, Instant now) {
		return jdbc.sql("""
				insert into crisis_review_action (review_id, what, owner_user_id, due_on, created_by, created_at)
				values (:r, :what, :owner, :due, :by, :now) returning id""")
			.param("r", reviewId).param("what", a.what()).param("owner", a.ownerUserId())
			.param("due", java.sql.Date.valueOf(a.dueOn())).param("by", by)
			.param("now", Timestamp.from(now))
			.query(Long.class).single();
	}

	void setDuty(long actionId, long dutyId) {
		jdbc.sql("update crisis_review_action set duty_id = :d where id = :a and duty_id is null")
			.param("d", dutyId).param("a", actionId).update();
	}

	/** The event an action belongs to, for its duty's link. */
	Optional<Long> eventOfAction(long actionId) {
		return jdbc.sql("""
				select r.event_id from crisis_review_action a join crisis_review r on r.id = a.review_id where a.id = :a""")
			.param("a", actionId).query(Long.class).optional();
	}

	List<ActionRow> actions(long reviewId) {
		return jdbc.sql("""
				select a.id, a.what, a.owner_user_id, o.display_name, a.due_on, a.duty_id, d.status, c.display_name,
				       a.created_at
				  from crisis_review_action a join app_user o on o.id = a.owner_user_id
				  join app_user c on c.id = a.created_by left join duty d on d.id = a.duty_id
				 where a.review_id = :r order by a.id""")
			.param("r", reviewId)
			.query((rs, i) -> new ActionRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getDate(5).toLocalDate(), (Long) rs.getObject(6), rs.getString(7), rs.getString(8),
					rs.getTimestamp(9).toInstant()))
			.list();
	}

	/** Whether the user is of the school's team (leaders, psychology teachers, crisis team), enabled. */
	boolean teamOf(long userId, long schoolId) {
		return jdbc.sql("select exists (select 1 from app_user u join post p on p.user_id = u.id where u.id = :u and "
				+ TEAM + ")")
			.param("u", userId).param("s", schoolId).query(Boolean.class).single();
	}

	List<ReviewViews.Owner> team(long schoolId) {
		return jdbc.sql("select distinct u.id, u.display_name from app_user u join post p on p.user_id = u.id where "
				+ TEAM + " order by u.display_name, u.id")
			.param("s", schoolId)
			.query((rs, i) -> new ReviewViews.Owner(rs.getLong(1), rs.getString(2)))
			.list();
	}

	String displayName(Long userId) {
		return userId == null ? null
				: jdbc.sql("select display_name from app_user where id = :u").param("u", userId).query(String.class)
					.single();
	}

	String studentName(Long studentId) {
		return studentId == null ? null
				: jdbc.sql("select name from student where id = :s").param("s", studentId).query(String.class).single();
	}

	/** The school's team: who reads a closed review (Reach.TEAM), so an action's owner can open its duty's link. */
	private static final String TEAM = """
			u.enabled and p.school_id = :s and p.role in ('SCHOOL_LEADER', 'PSYCH_TEACHER', 'CRISIS_TEAM')""";

	private static final String SELECT = """
			select id, event_id, state, findings, responsibility::text, opened_by, opened_at, updated_by, updated_at,
			       closed_by, closed_at, version from crisis_review""";

	private Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				json.readValue(rs.getString(5), CHAIN), rs.getLong(6), rs.getTimestamp(7).toInstant(),
				(Long) rs.getObject(8), instant(rs.getTimestamp(9)), (Long) rs.getObject(10),
				instant(rs.getTimestamp(11)), rs.getInt(12));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
