package org.mindgrid.student.roster;

import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Post;
import org.mindgrid.identity.Role;
import org.mindgrid.school.ClassInfo;
import org.mindgrid.school.SchoolInfo;
import org.mindgrid.school.SchoolStructure;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a school's roster: the whole file is checked first and nothing is written while any row has an error;
 * a clean file is upserted by (school, 学号) in one transaction. Rows go into a temporary table by JDBC batch and
 * one {@code insert ... on conflict do update ... where ... is distinct from ...} writes only what changed, so
 * re-importing the same file changes nothing.
 */
@Service
public class RosterImport {

	/** Compared to decide updated vs unchanged; an empty optional cell keeps what is stored (see ADR 0005). */
	private static final String STORED = "(s.class_id, s.name, s.gender, s.birth_date, s.ethnicity, s.native_place,"
			+ " s.address, s.guardian_name, s.guardian_phone, s.status)";

	/** The incoming values of roster row {@code r} (the temp table, or {@code excluded} in the upsert). */
	private static String incoming(String r) {
		return "(" + r + ".class_id, " + r + ".name, " + r + ".gender, " + r + ".birth_date, coalesce(" + r
				+ ".ethnicity, s.ethnicity), coalesce(" + r + ".native_place, s.native_place), coalesce(" + r
				+ ".address, s.address), coalesce(" + r + ".guardian_name, s.guardian_name), coalesce(" + r
				+ ".guardian_phone, s.guardian_phone), 'ENROLLED')";
	}

	public record SchoolOption(long id, String name) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final SchoolStructure schools;

	private final CurrentUsers users;

	private final AuditLog audit;

	private final Clock clock;

	RosterImport(JdbcClient jdbc, JdbcTemplate template, SchoolStructure schools, CurrentUsers users, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.schools = schools;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public RosterResult importFile(long schoolId, String filename, byte[] content) {
		SchoolInfo school = requireImporter(schoolId);
		RosterSheet sheet = RosterFiles.read(filename, content);
		RosterValidator.Result checked = new RosterValidator(school.stage(), LocalDate.now(clock)).validate(sheet);
		if (!checked.errors().isEmpty()) {
			return RosterResult.rejected(checked.errors());
		}
		RosterResult result = write(schoolId, checked.rows());
		audit.record("ROSTER_IMPORT", "school/" + schoolId + "/roster", null, "imported=" + result.imported()
				+ ",updated=" + result.updated() + ",unchanged=" + result.unchanged());
		return result;
	}

	/**
	 * System administrators import for any school, school administrators for their own. Staff of the school and
	 * bureau officers know the school and get 403; staff of another school get 404, as for any unknown id.
	 */
	public SchoolInfo requireImporter(long schoolId) {
		CurrentUser user = users.current();
		var school = schools.school(schoolId);
		if (school.isPresent() && (user.hasRole(Role.SYSTEM_ADMIN) || user.hasRoleAtSchool(schoolId, Role.SCHOOL_ADMIN))) {
			return school.get();
		}
		boolean knowsSchool = user.isBureauOnly() || user.posts().stream().map(Post::schoolId).anyMatch(id -> id != null && id == schoolId);
		if (school.isPresent() && knowsSchool) {
			throw ApiProblem.forbidden("roster.forbidden");
		}
		throw ApiProblem.notFound("roster.school-not-found");
	}

	/** The schools the caller may import into: all for a system administrator, their own for a school admin. */
	@Transactional(readOnly = true)
	public List<SchoolOption> schoolsForCurrentUser() {
		CurrentUser user = users.current();
		if (user.hasRole(Role.SYSTEM_ADMIN)) {
			// The school module has no "all schools" query yet; this read-only list only feeds the chooser.
			return jdbc.sql("select id, name from school order by id")
				.query((rs, i) -> new SchoolOption(rs.getLong(1), rs.getString(2)))
				.list();
		}
		return user.posts()
			.stream()
			.filter(p -> p.role() == Role.SCHOOL_ADMIN && p.schoolId() != null)
			.map(Post::schoolId)
			.distinct()
			.flatMap(id -> schools.school(id).stream())
			.map(s -> new SchoolOption(s.id(), s.name()))
			.toList();
	}

	private RosterResult write(long schoolId, List<RosterRow> rows) {
		Map<String, Long> classIds = new HashMap<>();
		for (ClassInfo c : schools.classesOf(schoolId)) {
			classIds.put(c.gradeLevel() + "|" + c.name(), c.id());
		}
		List<Object[]> batch = new ArrayList<>(rows.size());
		for (RosterRow r : rows) {
			long classId = classIds.computeIfAbsent(r.gradeLevel() + "|" + r.className(),
					k -> schools.ensureClass(schoolId, r.gradeLevel(), r.className()).id());
			batch.add(new Object[] { r.studentNo(), classId, r.name(), r.gender(), Date.valueOf(r.birthDate()),
					r.ethnicity(), r.nativePlace(), r.address(), r.guardianName(), r.guardianPhone() });
		}
		template.execute("""
				create temp table roster_in (student_no text primary key, class_id bigint not null, name text not null,
				    gender text not null, birth_date date not null, ethnicity text, native_place text, address text,
				    guardian_name text, guardian_phone text) on commit drop""");
		int[] types = { Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.VARCHAR,
				Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR };
		template.batchUpdate("insert into roster_in values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch, types);
		int[] counts = jdbc.sql("select count(*) filter (where s.id is null), count(*) filter (where s.id is not null and "
				+ STORED + " is distinct from " + incoming("r") + ") from roster_in r"
				+ " left join student s on s.school_id = :school and s.student_no = r.student_no")
			.param("school", schoolId)
			.query((rs, i) -> new int[] { rs.getInt(1), rs.getInt(2) })
			.single();
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				insert into student as s (school_id, class_id, student_no, name, gender, birth_date, ethnicity,
				                          native_place, address, guardian_name, guardian_phone, status, created_at,
				                          updated_at)
				select :school, r.class_id, r.student_no, r.name, r.gender, r.birth_date, r.ethnicity, r.native_place,
				       r.address, r.guardian_name, r.guardian_phone, 'ENROLLED', :now, :now from roster_in r
				on conflict (school_id, student_no) do update set class_id = excluded.class_id, name = excluded.name,
				       gender = excluded.gender, birth_date = excluded.birth_date,
				       ethnicity = coalesce(excluded.ethnicity, s.ethnicity),
				       native_place = coalesce(excluded.native_place, s.native_place),
				       address = coalesce(excluded.address, s.address),
				       guardian_name = coalesce(excluded.guardian_name, s.guardian_name),
				       guardian_phone = coalesce(excluded.guardian_phone, s.guardian_phone),
				       status = 'ENROLLED', updated_at = excluded.updated_at
				 where """ + STORED + " is distinct from " + incoming("excluded"))
			.param("school", schoolId)
			.param("now", now)
			.update();
		template.execute("drop table roster_in");
		return new RosterResult(counts[0], counts[1], rows.size() - counts[0] - counts[1], List.of());
	}
}
