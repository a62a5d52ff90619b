package org.mindgrid.identity;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Accounts linked to a student ({@code app_user.student_id}, the psych committee members of ADR 0011). Such an
 * account never holds a staff post or a mentor assignment: services ask {@link #isStudentAccount} to answer with a
 * clear message, and the database refuses what slips past them (docs/decisions/0015-post-grants.md).
 */
@Component
public class StudentAccounts {

	private final JdbcClient jdbc;

	StudentAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean isStudentAccount(long userId) {
		return jdbc.sql("select exists (select 1 from app_user where id = :id and student_id is not null)")
			.param("id", userId)
			.query(Boolean.class)
			.single();
	}

	/** Whether the database refused a write by the student-account rule (its triggers name the rule). */
	public static boolean isViolation(DataIntegrityViolationException e) {
		String message = NestedExceptionUtils.getMostSpecificCause(e).getMessage();
		return message != null
				&& (message.contains("student_account_staff_post") || message.contains("student_account_mentor"));
	}
}
