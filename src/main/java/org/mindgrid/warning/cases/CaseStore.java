package org.mindgrid.warning.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Cases and their append-only history in SQL. Access is checked by the callers' queries (CaseReads, CaseWork). */
@Repository
class CaseStore {

	private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	CaseStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The student's open case, locked for this transaction. */
	Optional<WarningCase> openCaseOf(long studentId) {
		return jdbc.sql("""
				select id, student_id, school_id, state, category, in_database, stays_against_advice, version
				  from warning_case where student_id = :s and ended_at is null for update""")
			.param("s", studentId)
			.query((rs, i) -> map(rs))
			.optional();
	}

	Optional<WarningCase> lock(long caseId) {
		return jdbc.sql("""
				select id, student_id, school_id, state, category, in_database, stays_against_advice, version
				  from warning_case where id = :id for update""")
			.param("id", caseId)
			.query((rs, i) -> map(rs))
			.optional();
	}

	/** Opens a case unless a parallel transaction just did; then answers empty and the caller joins that one. */
	Optional<Long> insertOpen(long studentId, long schoolId, long by, Instant at) {
		return jdbc.sql("""
				insert into warning_case (student_id, school_id, state, opened_by, opened_at)
				values (:s, :school, 'REPORTED', :by, :at)
				on conflict (student_id) where ended_at is null do nothing
				returning id""")
			.param("s", studentId)
			.param("school", schoolId)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.optional();
	}

	/** Writes the case's fields and its new history; the version check makes a stale writer fail. */
	boolean save(WarningCase c, long by, Instant at) {
		int changed = jdbc.sql("""
				update warning_case set state = :state, category = :category, in_database = :db,
				       stays_against_advice = :stays, version = version + 1,
				       ended_at = case when :ended then coalesce(ended_at, :at) else null end
				 where id = :id and version = :version""")
			.param("state", c.state().name())
			.param("category", c.category())
			.param("db", c.inDatabase())
			.param("stays", c.staysAgainstAdvice())
			.param("ended", c.state().ended())
			.param("at", Timestamp.from(at))
			.param("id", c.id())
			.param("version", c.version())
			.update();
		if (changed == 0) {
			return false;
		}
		for (WarningCase.Change change : c.changes()) {
			append(c.id(), change, by, at);
		}
		return true;
	}

	long append(long caseId, WarningCase.Change change, long by, Instant at) {
		Object voids = change.action() == CaseAction.VOID_ENTRY ? change.details().get("eventId") : null;
		return jdbc.sql("""
				insert into warning_case_event (case_id, action, from_state, to_state, details, by_user, at, voids)
				values (:c, :action, :from, :to, cast(:details as jsonb), :by, :at, :voids)
				returning id""")
			.param("c", caseId)
			.param("action", change.action().name())
			.param("from", change.from() == null ? null : change.from().name())
			.param("to", change.to().name())
			.param("details", json.writeValueAsString(change.details()))
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("voids", voids == null ? null : ((Number) voids).longValue())
			.query(Long.class)
			.single();
	}

	Map<String, Object> details(String text) {
		return text == null ? Map.of() : json.readValue(text, MAP);
	}

	String toJson(Object value) {
		return json.writeValueAsString(value);
	}

	<T> T fromJson(String text, Class<T> type) {
		return json.readValue(text, type);
	}

	private static WarningCase map(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new WarningCase(rs.getLong("id"), rs.getLong("student_id"), rs.getLong("school_id"),
				CaseState.valueOf(rs.getString("state")), (Integer) rs.getObject("category", Integer.class),
				rs.getBoolean("in_database"), rs.getBoolean("stays_against_advice"), rs.getInt("version"));
	}
}
