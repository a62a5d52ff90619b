package org.mindgrid.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Service;

/**
 * Checks the hash chains of {@code audit_event} (ADR 0013): recomputes each row's hash from its fields, follows
 * the links day by day and compares the last row with the chain head. Reads one consistent snapshot on its own
 * connection, so writers keep appending while it runs. Used by the leaders' page and by {@code audit-verify}.
 */
@Service
public class AuditChain {

	/** Every day the database can hold: the command line checks all chains. */
	public static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);

	public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

	private final DataSource dataSource;

	AuditChain(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** For the command line, which has a database but no application context. */
	public static AuditChain over(DataSource dataSource) {
		return new AuditChain(dataSource);
	}

	public ChainCheck verifyAll() {
		return verify(FIRST_DAY, LAST_DAY);
	}

	/** The chains of the days {@code from} to {@code to}, both included. */
	public ChainCheck verify(LocalDate from, LocalDate to) {
		try (Connection c = dataSource.getConnection()) {
			boolean autoCommit = c.getAutoCommit();
			c.setAutoCommit(false);
			try {
				// One snapshot for heads and rows; a cursor so that millions of rows never sit in memory.
				try (var s = c.createStatement()) {
					s.execute("set transaction isolation level repeatable read, read only");
					// the whole chain is read on purpose: the pool's statement timeout is for requests, not this
					s.execute("set local statement_timeout = 0");
				}
				return check(c, from, to);
			}
			finally {
				c.rollback();
				c.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException e) {
			throw new DataAccessResourceFailureException("audit chain check failed", e);
		}
	}

	private ChainCheck check(Connection c, LocalDate from, LocalDate to) throws SQLException {
		Map<LocalDate, ChainCheck.Day> heads = new TreeMap<>();
		try (PreparedStatement ps = c.prepareStatement("""
				select chain_day, last_seq, last_hash from audit_chain_head
				 where chain_day between ? and ? order by chain_day""")) {
			ps.setObject(1, from);
			ps.setObject(2, to);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					LocalDate day = rs.getObject(1, LocalDate.class);
					heads.put(day, new ChainCheck.Day(day, 0, rs.getLong(2), rs.getString(3), true));
				}
			}
		}
		List<ChainCheck.Day> days = new ArrayList<>();
		List<ChainCheck.Break> breaks = new ArrayList<>();
		long total = 0;
		try (PreparedStatement ps = c.prepareStatement("""
				select id, occurred_at, chain_day, chain_seq, user_id, username, action, resource, student_id, detail,
				       remote_addr, prev_hash, hash
				  from audit_event where chain_day between ? and ? order by chain_day, chain_seq""")) {
			ps.setFetchSize(2000);
			ps.setObject(1, from);
			ps.setObject(2, to);
			try (ResultSet rs = ps.executeQuery()) {
				DayWalk walk = null;
				while (rs.next()) {
					AuditHash.Fields row = fields(rs);
					String stored = rs.getString(13);
					if (walk == null || !walk.day.equals(row.chainDay())) {
						if (walk != null) {
							walk.finish(heads.remove(walk.day), days, breaks);
						}
						addHeadsWithoutRows(heads, row.chainDay(), days, breaks);
						walk = new DayWalk(row.chainDay());
					}
					walk.next(row, stored);
					total++;
				}
				if (walk != null) {
					walk.finish(heads.remove(walk.day), days, breaks);
				}
			}
		}
		addHeadsWithoutRows(heads, LocalDate.MAX, days, breaks);
		return new ChainCheck(from, to, total, days, breaks);
	}

	/** Heads of days before {@code before} that have no rows at all: fine only if they record none. */
	private static void addHeadsWithoutRows(Map<LocalDate, ChainCheck.Day> heads, LocalDate before,
			List<ChainCheck.Day> days, List<ChainCheck.Break> breaks) {
		var it = heads.values().iterator();
		while (it.hasNext()) {
			ChainCheck.Day head = it.next();
			if (!head.day().isBefore(before)) {
				return;
			}
			it.remove();
			boolean intact = head.lastSeq() == 0;
			days.add(new ChainCheck.Day(head.day(), 0, head.lastSeq(), head.lastHash(), intact));
			if (!intact) {
				breaks.add(new ChainCheck.Break(head.day(), null, 1, ChainCheck.Kind.ROWS_MISSING_AT_END));
			}
		}
	}

	private static AuditHash.Fields fields(ResultSet rs) throws SQLException {
		return new AuditHash.Fields(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
				rs.getObject(3, LocalDate.class), rs.getLong(4), (Long) rs.getObject(5), rs.getString(6),
				rs.getString(7), rs.getString(8), (Long) rs.getObject(9), rs.getString(10), rs.getString(11),
				rs.getString(12));
	}

	/** Follows one day's chain row by row and keeps its first break. */
	private static final class DayWalk {

		final LocalDate day;

		long rows;

		long expectedSeq = 1;

		String expectedPrev = AuditHash.GENESIS;

		Long lastId;

		ChainCheck.Break firstBreak;

		DayWalk(LocalDate day) {
			this.day = day;
		}

		void next(AuditHash.Fields row, String storedHash) {
			rows++;
			if (firstBreak == null) {
				ChainCheck.Kind kind = null;
				if (row.chainSeq() != expectedSeq) {
					kind = ChainCheck.Kind.ROWS_MISSING;
				}
				else if (!expectedPrev.equals(row.prevHash())) {
					kind = ChainCheck.Kind.LINK_BROKEN;
				}
				else if (!AuditHash.of(row).equals(storedHash)) {
					kind = ChainCheck.Kind.ALTERED;
				}
				if (kind != null) {
					firstBreak = new ChainCheck.Break(day, row.id(), expectedSeq, kind);
				}
			}
			expectedSeq = row.chainSeq() + 1;
			expectedPrev = storedHash;
			lastId = row.id();
		}

		void finish(ChainCheck.Day head, List<ChainCheck.Day> days, List<ChainCheck.Break> breaks) {
			if (firstBreak == null) {
				if (head == null) {
					firstBreak = new ChainCheck.Break(day, lastId, expectedSeq, ChainCheck.Kind.HEAD_MISSING);
				}
				else if (head.lastSeq() != expectedSeq - 1 || !head.lastHash().equals(expectedPrev)) {
					firstBreak = new ChainCheck.Break(day, lastId, expectedSeq, ChainCheck.Kind.ROWS_MISSING_AT_END);
				}
			}
			days.add(new ChainCheck.Day(day, rows, head == null ? expectedSeq - 1 : head.lastSeq(),
					head == null ? expectedPrev : head.lastHash(), firstBreak == null));
			if (firstBreak != null) {
				breaks.add(firstBreak);
			}
		}
	}
}
