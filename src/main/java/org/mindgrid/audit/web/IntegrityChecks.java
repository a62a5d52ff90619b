package org.mindgrid.audit.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;

import org.mindgrid.audit.AuditChain;
import org.mindgrid.audit.AuditLog;
import org.mindgrid.audit.ChainCheck;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Role;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.stereotype.Component;

/**
 * The integrity check as school leaders and the system administrator run it: a range of days (the last 31 by
 * default, at most 367), checked over all rows of those days whichever school they concern. The result names
 * rows by id and position only, so no other school's contents are shown. The check itself is an audit line.
 */
@Component
class IntegrityChecks {

	static final int DEFAULT_DAYS = 31;

	static final int MAX_DAYS = 367;

	private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	private static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private final AuditChain chain;

	private final AuditLog audit;

	private final CurrentUsers users;

	private final Clock clock;

	IntegrityChecks(AuditChain chain, AuditLog audit, CurrentUsers users, Clock clock) {
		this.chain = chain;
		this.audit = audit;
		this.users = users;
		this.clock = clock;
	}

	/** Not transactional: the check reads its own snapshot and the audit line commits on its own. */
	ChainCheck check(String fromParam, String toParam) {
		CurrentUser user = users.current();
		if (!user.hasAnyRole(Role.SCHOOL_LEADER, Role.SYSTEM_ADMIN)) {
			throw ApiProblem.forbidden("audit.integrity.forbidden");
		}
		LocalDate to = toParam == null || toParam.isBlank() ? LocalDate.now(clock) : parse("to", toParam);
		LocalDate from = fromParam == null || fromParam.isBlank() ? to.minusDays(DEFAULT_DAYS - 1)
				: parse("from", fromParam);
		if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
			throw ApiProblem.badRequest("audit.integrity.bad-range", MAX_DAYS);
		}
		ChainCheck result = chain.verify(from, to);
		ChainCheck.Break first = result.firstBreak();
		audit.record("AUDIT_VERIFY", "audit/integrity", null, from + ".." + to + " rows " + result.rows()
				+ (first == null ? " intact" : " broken " + first.kind() + " at " + first.eventId()));
		return result;
	}

	private static LocalDate parse(String field, String value) {
		try {
			LocalDate day = value.length() == 10 ? LocalDate.parse(value, ISO) : null;
			if (day != null && !day.isBefore(EARLIEST) && !day.isAfter(LATEST)) {
				return day;
			}
		}
		catch (DateTimeParseException e) {
			// answered below, naming the field
		}
		throw ApiProblem.badRequest("audit.integrity.bad-date", field);
	}
}
