package org.mindgrid.counselling;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The students' own requests (ADR 0036): each class has a code, printed on a poster by its head teacher or a
 * psychology teacher; a student types it with their 学号 and birth date on {@code /c}. Wrong tries are counted per
 * address (ten an hour, then the page waits), and a student has at most two requests waiting at once.
 */
@Service
public class StudentRequests {

	static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	static final int LENGTH = 8;

	static final int MISSES_PER_HOUR = 10;

	static final int WAITING = 2;

	private static final SecureRandom RANDOM = new SecureRandom();

	/** Why a student's request was not taken: the page says it in words that fit a student. */
	public enum Refusal {
		UNKNOWN, TOO_MANY_TRIES, ALREADY_WAITING
	}

	public static final class Refused extends RuntimeException {

		private final Refusal refusal;

		Refused(Refusal refusal) {
			super(refusal.name(), null, false, false);
			this.refusal = refusal;
		}

		public Refusal refusal() {
			return refusal;
		}
	}

	private final JdbcClient jdbc;

	private final Appointments appointments;

	private final CurrentUsers users;

	private final AuditLog audit;

	private final Clock clock;

	StudentRequests(JdbcClient jdbc, Appointments appointments, CurrentUsers users, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.appointments = appointments;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	/** The class's code, made on first use; for the class's head teacher and the school's psychology teachers. */
	@Transactional
	public String code(long classId, boolean renew) {
		long me = users.current().id();
		boolean may = jdbc.sql("""
				select exists (select 1 from post p join school_class c on c.id = :c
				                where p.user_id = :me and ((p.role = 'HEAD_TEACHER' and p.class_id = c.id)
				                   or (p.role = 'PSYCH_TEACHER' and p.school_id = c.school_id)))""")
			.param("c", classId).param("me", me).query(Boolean.class).single();
		if (!may) {
			throw ApiProblem.notFound("problem.not-found");
		}
		String code = jdbc.sql("select code from counselling_class_code where class_id = :c").param("c", classId)
			.query(String.class).optional().orElse(null);
		if (code == null || renew) {
			code = next();
			jdbc.sql("""
					insert into counselling_class_code (class_id, code, created_by, created_at) values (:c, :code, :me, :now)
					on conflict (class_id) do update set code = excluded.code, created_by = excluded.created_by,
					                                     created_at = excluded.created_at""")
				.param("c", classId).param("code", code).param("me", me).param("now", Timestamp.from(clock.instant()))
				.update();
			audit.record("COUNSELLING_CLASS_CODE", "classes/" + classId + "/counselling-code", null,
					renew ? "renewed" : "made");
		}
		return code;
	}

	public record ClassCode(long classId, String className, String printed) {
	}

	/** The codes of the classes the caller is head teacher of, for the classroom's poster. */
	@Transactional
	public java.util.List<ClassCode> mine() {
		java.util.List<Long> classes = jdbc.sql("select class_id from post where user_id = :me and role = 'HEAD_TEACHER' order by class_id")
			.param("me", users.current().id()).query(Long.class).list();
		java.util.List<ClassCode> codes = new java.util.ArrayList<>();
		for (long c : classes) {
			String label = jdbc.sql("select g.name || k.name from school_class k join grade g on g.id = k.grade_id where k.id = :c")
				.param("c", c).query(String.class).single();
			codes.add(new ClassCode(c, label, printed(code(c, false))));
		}
		return codes;
	}

	/** A student's request: the class code, 学号 and birth date; the id of the new appointment. */
	@Transactional(noRollbackFor = Refused.class)
	public long request(String typedCode, String studentNo, LocalDate birthDate, String topic, String preferred,
			String address) {
		Instant now = clock.instant();
		long misses = jdbc.sql("select count(*) from counselling_code_miss where address = :a and at > :since")
			.param("a", address).param("since", Timestamp.from(now.minus(Duration.ofHours(1)))).query(Long.class)
			.single();
		if (misses >= MISSES_PER_HOUR) {
			throw new Refused(Refusal.TOO_MANY_TRIES);
		}
		String code = normalise(typedCode);
		long[] found = code == null || studentNo == null || birthDate == null ? null : jdbc.sql("""
				select s.id, s.school_id, s.class_id from counselling_class_code k join student s on s.class_id = k.class_id
				 where k.code = :code and s.student_no = :no and s.birth_date = :birth""")
			.param("code", code).param("no", studentNo.strip()).param("birth", birthDate)
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).optional().orElse(null);
		if (found == null) {
			jdbc.sql("insert into counselling_code_miss (address, at) values (:a, :now)").param("a", address)
				.param("now", Timestamp.from(now)).update();
			throw new Refused(Refusal.UNKNOWN);
		}
		long waiting = jdbc.sql("select count(*) from counselling_appointment where student_id = :st and status = 'REQUESTED'")
			.param("st", found[0]).query(Long.class).single();
		if (waiting >= WAITING) {
			throw new Refused(Refusal.ALREADY_WAITING);
		}
		return appointments.requestAsStudent(found[1], found[2], found[0], topic, preferred);
	}

	static String next() {
		char[] code = new char[LENGTH];
		for (int i = 0; i < LENGTH; i++) {
			code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
		}
		return new String(code);
	}

	/** As typed, with or without the dash and in either case; null when it cannot be a code. */
	static String normalise(String typed) {
		if (typed == null) {
			return null;
		}
		String c = typed.toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "").replace("\u3000", "");
		if (c.length() != LENGTH) {
			return null;
		}
		for (int i = 0; i < c.length(); i++) {
			if (ALPHABET.indexOf(c.charAt(i)) < 0) {
				return null;
			}
		}
		return c;
	}

	/** Printed as {@code ABCD-EFGH}. */
	public static String printed(String code) {
		return code.substring(0, 4) + "-" + code.substring(4);
	}
}
