package org.mindgrid.mentoring;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mindgrid.identity.StudentScope;
import org.mindgrid.mentoring.LedgerRecords.Addendum;
import org.mindgrid.mentoring.LedgerRecords.Contact;
import org.mindgrid.mentoring.LedgerRecords.HomeVisit;
import org.mindgrid.mentoring.LedgerRecords.Meta;
import org.mindgrid.mentoring.LedgerRecords.Talk;
import org.mindgrid.mentoring.LedgerRecords.Voiding;
import org.mindgrid.warning.Urgency;
import org.mindgrid.warning.WarningRaised;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads ledger records back, always limited by the caller's scope at archive level. */
@Component
class LedgerReads {

	private static final TypeReference<LinkedHashMap<String, HomeVisitOutline.Answer>> ANSWERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	LedgerReads(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	private String select(LedgerKind kind, String columns) {
		return "select r.id, r.student_id, s.name, r.created_by, cu.display_name, r.created_at, w.id, w.urgency, "
				+ "w.due_at, vu.display_name, r.voided_at, r.void_reason, " + columns + " from " + kind.table()
				+ " r join student s on s.id = r.student_id join app_user cu on cu.id = r.created_by"
				+ " left join warning_report w on w.id = r.warning_report_id"
				+ " left join app_user vu on vu.id = r.voided_by where r.id = :id and " + StudentScope.predicate("s");
	}

	Optional<Talk> talk(long id, long userId) {
		return jdbc.sql(select(LedgerKind.TALK, "r.talk_date, r.place, r.topics, r.student_state, r.follow_up"))
			.param("id", id)
			.param("scopeUserId", userId)
			.param("scopeLevel", StudentScope.ARCHIVE)
			.query((rs, i) -> new Talk(meta(LedgerKind.TALK, rs), rs.getDate(13).toLocalDate(), rs.getString(14),
					rs.getString(15), rs.getString(16), rs.getString(17)))
			.optional();
	}

	Optional<HomeVisit> homeVisit(long id, long userId) {
		return jdbc
			.sql(select(LedgerKind.HOME_VISIT,
					"r.visited_at, r.interviewee, r.relation, r.duration_minutes, r.answers::text, r.categories, r.kind"))
			.param("id", id)
			.param("scopeUserId", userId)
			.param("scopeLevel", StudentScope.ARCHIVE)
			.query((rs, i) -> new HomeVisit(meta(LedgerKind.HOME_VISIT, rs), rs.getTimestamp(13).toInstant(),
					rs.getString(14), rs.getString(15), (Integer) rs.getObject(16), answers(rs.getString(17)),
					strings(rs.getArray(18)), HomeVisitKind.valueOf(rs.getString(19))))
			.optional();
	}

	Optional<Contact> contact(long id, long userId) {
		return jdbc.sql(select(LedgerKind.CONTACT, "r.channel, r.content, r.contacted_at"))
			.param("id", id)
			.param("scopeUserId", userId)
			.param("scopeLevel", StudentScope.ARCHIVE)
			.query((rs, i) -> new Contact(meta(LedgerKind.CONTACT, rs), ContactChannel.valueOf(rs.getString(13)),
					rs.getString(14), rs.getTimestamp(15).toInstant()))
			.optional();
	}

	/** The student of a record, whatever the caller's scope (to tell 404 from 403). */
	Optional<Long> studentOf(LedgerKind kind, long id) {
		return jdbc.sql("select student_id from " + kind.table() + " where id = :id")
			.param("id", id)
			.query(Long.class)
			.optional();
	}

	String answersJson(Map<String, HomeVisitOutline.Answer> answers) {
		return json.writeValueAsString(answers);
	}

	private Map<String, HomeVisitOutline.Answer> answers(String text) {
		return text == null ? Map.of() : json.readValue(text, ANSWERS);
	}

	private Meta meta(LedgerKind kind, ResultSet rs) throws SQLException {
		long id = rs.getLong(1);
		WarningRaised report = rs.getObject(7) == null ? null
				: new WarningRaised(rs.getLong(7), rs.getLong(2), Urgency.valueOf(rs.getString(8)),
						rs.getTimestamp(9).toInstant());
		Voiding voided = rs.getTimestamp(11) == null ? null
				: new Voiding(rs.getString(10), rs.getTimestamp(11).toInstant(), rs.getString(12));
		return new Meta(id, rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
				rs.getTimestamp(6).toInstant(), report, voided, addenda(kind, id));
	}

	private List<Addendum> addenda(LedgerKind kind, long id) {
		return jdbc.sql("""
				select a.id, a.text, u.display_name, a.created_at from ledger_addendum a
				  join app_user u on u.id = a.created_by
				 where a.record_kind = :kind and a.record_id = :id order by a.created_at, a.id""")
			.param("kind", kind.name())
			.param("id", id)
			.query((rs, i) -> new Addendum(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}
}
