package org.mindgrid.shared.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Whether a failure means the database is too busy right now rather than that anything is wrong (issue 11 point
 * 3): no connection free in the pool within its timeout, a statement cancelled by the statement timeout, or the
 * server refusing more connections. Those answer 503 with {@code Retry-After}, never a 500.
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
			// 57014 query_canceled (statement_timeout), 53300 too_many_connections
			if (t instanceof SQLException sql && ("57014".equals(sql.getSQLState()) || "53300".equals(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}
}
