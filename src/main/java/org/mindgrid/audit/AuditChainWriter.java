package org.mindgrid.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends audit lines to their day's chain inside the current transaction. The chain head row, locked with
 * {@code select ... for update}, serialises the writers of one day; days are locked in date order so that a
 * transaction spanning midnight cannot deadlock with another.
 */
@Component
class AuditChainWriter {

	private static final String INSERT = """
			insert into audit_event (id, occurred_at, user_id, username, action, resource, student_id, detail,
			                         remote_addr, chain_day, chain_seq, prev_hash, hash,
			                         grant_event, grant_user_id, grant_role, grant_school_id, grant_class_id)
			values (:id, :at, :userId, :username, :action, :resource, :studentId, :detail, :addr, :day, :seq, :prev,
			        :hash, :grant, :holder, :role, :school, :class)""";

	private record Head(long seq, String hash) {
	}

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	AuditChainWriter(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** Must run inside a transaction: the head lock lasts until it ends. */
	void append(List<PendingEvent> events) {
		// Ids are taken before any lock; their order need not follow the chain.
		List<Long> ids = jdbc.sql("select nextval('audit_event_id_seq') from generate_series(1, :n)")
			.param("n", events.size())
			.query(Long.class)
			.list();
		Map<LocalDate, List<Integer>> byDay = new TreeMap<>();
		for (int i = 0; i < events.size(); i++) {
			byDay.computeIfAbsent(events.get(i).chainDay(), d -> new ArrayList<>()).add(i);
		}
		for (var day : byDay.entrySet()) {
			Head head = lockHead(day.getKey());
			long seq = head.seq();
			String prev = head.hash();
			List<SqlParameterSource> rows = new ArrayList<>();
			for (int i : day.getValue()) {
				PendingEvent e = events.get(i);
				seq++;
				long id = ids.get(i);
				String hash = AuditHash.of(new AuditHash.Fields(id, e.occurredAt(), e.chainDay(), seq, e.userId(),
						e.username(), e.action(), e.resource(), e.studentId(), e.detail(), e.remoteAddr(), prev));
				rows.add(new MapSqlParameterSource().addValue("id", id)
					.addValue("at", e.occurredAt().atOffset(ZoneOffset.UTC))
					.addValue("userId", e.userId())
					.addValue("username", e.username())
					.addValue("action", e.action())
					.addValue("resource", e.resource())
					.addValue("studentId", e.studentId())
					.addValue("detail", e.detail())
					.addValue("addr", e.remoteAddr())
					.addValue("day", e.chainDay())
					.addValue("seq", seq)
					.addValue("prev", prev)
					.addValue("hash", hash)
					.addValue("grant", e.grant() != null)
					.addValue("holder", e.grant() == null ? null : e.grant().holderUserId())
					.addValue("role", e.grant() == null ? null : e.grant().role().name())
					.addValue("school", e.grant() == null ? null : e.grant().schoolId())
					.addValue("class", e.grant() == null ? null : e.grant().classId()));
				prev = hash;
			}
			batch.batchUpdate(INSERT, rows.toArray(SqlParameterSource[]::new));
			jdbc.sql("update audit_chain_head set last_seq = :seq, last_hash = :hash where chain_day = :day")
				.param("seq", seq)
				.param("hash", prev)
				.param("day", day.getKey())
				.update();
		}
	}

	private Head lockHead(LocalDate day) {
		jdbc.sql("""
				insert into audit_chain_head (chain_day, last_seq, last_hash) values (:day, 0, :genesis)
				on conflict (chain_day) do nothing""").param("day", day).param("genesis", AuditHash.GENESIS).update();
		return jdbc.sql("select last_seq, last_hash from audit_chain_head where chain_day = :day for update")
			.param("day", day)
			.query((rs, i) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
	}
}
