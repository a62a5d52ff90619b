package org.mindgrid.shared.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Whether a failure means the database is too busy right now rather than that anything is wrong (issue 11 point
 * 3): no connection free in the pool within its timeout, a statement cancelled by the statement timeout, the
 * server refusing more connections, or the server unreachable for now (a connection lost, a server shutting
 * down or starting up: a primary's failover, ADR 0030). Those answer 503 with {@code Retry-After}, never a 500.
 */
public final class Overload {

	/** How long a client should wait before retrying, in seconds. */
	public static final long RETRY_AFTER_SECONDS = 5;

	private Overload() {
	}

	public static boolean is(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof CannotGetJdbcConnectionException || t instanceof SQLTransientConnectionException) {
				return true;
			}
			if (t instanceof SQLException sql && unavailable(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * 57014 query_canceled (statement_timeout), 53300 too_many_connections, class 08 connection exceptions,
	 * 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now.
	 */
	private static boolean unavailable(String state) {
		return state != null && (state.startsWith("08") || state.equals("57014") || state.equals("53300")
				|| state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
	}
}
