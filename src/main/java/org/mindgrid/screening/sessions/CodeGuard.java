package org.mindgrid.screening.sessions;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.mindgrid.shared.web.ApiProblem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rate limit on the code endpoints (issue 9, point 7; ADR 0025). A whole computer room shares one address, so only
 * <em>misses</em> count: over {@code misses-per-window} unknown codes in ten minutes, the address is refused every
 * code it has not opened before (429), so guessing stops while the room's students go on answering.
 */
@Component
public class CodeGuard {

	static final Duration WINDOW = Duration.ofMinutes(10);

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile int maxMisses;

	CodeGuard(JdbcClient jdbc, Clock clock,
			@Value("${mindgrid.screening.code-misses-per-window:60}") int maxMisses) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxMisses = maxMisses;
	}

	/**
	 * The integration tests share one server and one loopback address: they run with a high limit (IntegrationTest)
	 * and the guard's own test sets the real one for its run.
	 */
	int maxMisses(int limit) {
		int previous = maxMisses;
		maxMisses = limit;
		return previous;
	}

	/** Seconds until the address may try unknown codes again, or 0 when it may now. */
	long lockedFor(String address) {
		Instant now = clock.instant();
		return jdbc.sql("select misses, window_start from screening_code_miss where address = :a")
			.param("a", address)
			.query((rs, i) -> {
				Instant end = rs.getTimestamp(2).toInstant().plus(WINDOW);
				return rs.getInt(1) >= maxMisses && end.isAfter(now) ? Math.max(1, Duration.between(now, end).toSeconds())
						: 0L;
			})
			.optional()
			.orElse(0L);
	}

	/** Before a lookup by a known code: refused while the address is locked, unless it opened this code before. */
	void admit(String address, String code) {
		long wait = lockedFor(address);
		if (wait > 0 && !jdbc.sql("select exists (select 1 from screening_code_open where address = :a and code = :c)")
			.param("a", address)
			.param("c", code)
			.query(Boolean.class)
			.single()) {
			throw refused(wait);
		}
	}

	int maxMisses() {
		return maxMisses;
	}

	/** A code that opened: remembered for this address; true the first time from here. */
	boolean opened(String address, String code) {
		return jdbc.sql("""
				insert into screening_code_open (address, code, opened_at) values (:a, :c, :at)
				on conflict (address, code) do update set opened_at = excluded.opened_at
				returning xmax = 0""")
			.param("a", address)
			.param("c", code)
			.param("at", Timestamp.from(clock.instant()))
			.query(Boolean.class)
			.single();
	}

	/** An unknown code: counted (in its own transaction, so a refusal's rollback keeps it), then 429 or 404. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public ApiProblem miss(String address, String notFoundKey) {
		long wait = lockedFor(address);
		if (wait > 0) {
			return refused(wait);
		}
		Instant now = clock.instant();
		jdbc.sql("""
				insert into screening_code_miss (address, misses, window_start) values (:a, 1, :now)
				on conflict (address) do update
				   set misses = case when screening_code_miss.window_start + interval '10 minutes' <= :now then 1
				                     else screening_code_miss.misses + 1 end,
				       window_start = case when screening_code_miss.window_start + interval '10 minutes' <= :now
				                           then :now else screening_code_miss.window_start end""")
			.param("a", address)
			.param("now", Timestamp.from(now))
			.update();
		return ApiProblem.notFound(notFoundKey);
	}

	private static ApiProblem refused(long wait) {
		return new ApiProblem(org.springframework.http.HttpStatus.TOO_MANY_REQUESTS, "screening.code.throttled",
				(wait + 59) / 60).withRetryAfter(wait);
	}
}
