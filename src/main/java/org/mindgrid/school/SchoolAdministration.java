package org.mindgrid.school;

import java.sql.Date;
import java.util.List;
import java.util.Optional;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.school.AdminRequests.CityName;
import org.mindgrid.school.AdminRequests.NewClass;
import org.mindgrid.school.AdminRequests.NewDistrict;
import org.mindgrid.school.AdminRequests.NewGrade;
import org.mindgrid.school.AdminRequests.NewSchool;
import org.mindgrid.school.AdminRequests.NewSemester;
import org.mindgrid.school.AdminViews.CityRow;
import org.mindgrid.school.AdminViews.ClassRow;
import org.mindgrid.school.AdminViews.DistrictRow;
import org.mindgrid.school.AdminViews.GradeRow;
import org.mindgrid.school.AdminViews.SchoolRow;
import org.mindgrid.school.AdminViews.SemesterRow;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing the structure: the city (one row), districts and schools for system administrators; grades, classes
 * and semesters for a school's administrators. Every write checks the caller and is audited in its transaction.
 */
@Service
public class SchoolAdministration {

	private final JdbcClient jdbc;

	private final SchoolAccess access;

	private final SchoolStructure structure;

	private final AuditLog audit;

	SchoolAdministration(JdbcClient jdbc, SchoolAccess access, SchoolStructure structure, AuditLog audit) {
		this.jdbc = jdbc;
		this.access = access;
		this.structure = structure;
		this.audit = audit;
	}

	public Optional<CityRow> city() {
		return jdbc.sql("select id, name from city order by id limit 1")
			.query((rs, i) -> new CityRow(rs.getLong(1), rs.getString(2)))
			.optional();
	}

	/** The deployment serves one city: the first save creates it, later saves rename it. */
	@Transactional
	public CityRow saveCity(CityName request) {
		access.requireSystemAdmin();
		String name = request.name().strip();
		var existing = city();
		try {
			long id = existing.isPresent()
					? jdbc.sql("update city set name = :name where id = :id returning id")
						.param("name", name).param("id", existing.get().id()).query(Long.class).single()
					: jdbc.sql("insert into city (name) values (:name) returning id").param("name", name).query(Long.class).single();
			audit.record("CITY_SAVE", "city/" + id, null, name);
			return new CityRow(id, name);
		}
		catch (DuplicateKeyException e) {
			throw new InvalidInput("name", "school.name.taken");
		}
	}

	/** Districts (names and school counts) for system administrators and bureau officers. */
	public List<DistrictRow> districts() {
		if (!access.isSystemAdmin() && !access.caller().isBureauOnly()) {
			throw ApiProblem.forbidden("problem.forbidden");
		}
		return jdbc.sql("""
				select d.id, d.city_id, d.name, (select count(*) from school s where s.district_id = d.id)
				  from district d order by d.name""")
			.query((rs, i) -> new DistrictRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4)))
			.list();
	}

	@Transactional
	public DistrictRow createDistrict(NewDistrict request) {
		access.requireSystemAdmin();
		CityRow city = city().orElseThrow(() -> new InvalidInput("name", "school.city.missing"));
		String name = request.name().strip();
		try {
			long id = jdbc.sql("insert into district (city_id, name) values (:city, :name) returning id")
				.param("city", city.id()).param("name", name).query(Long.class).single();
			audit.record("DISTRICT_CREATE", "district/" + id, null, name);
			return new DistrictRow(id, city.id(), name, 0);
		}
		catch (DuplicateKeyException e) {
			throw new InvalidInput("name", "school.name.taken");
		}
	}

	/** Schools the caller may see: all for system admins, their district or city for officers, their own for staff. */
	public List<SchoolRow> schools() {
		return jdbc.sql("""
				select s.id, s.district_id, d.name, s.name, s.stage, s.address
				  from school s join district d on d.id = s.district_id
				 where\s""" + access.visibleSchoolsPredicate() + " order by d.name, s.name")
			.query((rs, i) -> new SchoolRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					Stage.valueOf(rs.getString(5)), rs.getString(6)))
			.list();
	}

	public SchoolRow school(long schoolId) {
		access.requireReadable(schoolId);
		return schools().stream().filter(s -> s.id() == schoolId).findFirst()
			.orElseThrow(() -> ApiProblem.notFound("school.not-found"));
	}

	@Transactional
	public SchoolRow createSchool(NewSchool request) {
		access.requireSystemAdmin();
		String district = jdbc.sql("select name from district where id = :id").param("id", request.districtId())
			.query(String.class).optional().orElseThrow(() -> new InvalidInput("districtId", "school.district.required"));
		String name = request.name().strip();
		String address = request.address() == null || request.address().isBlank() ? null : request.address().strip();
		try {
			long id = jdbc.sql("""
					insert into school (district_id, name, stage, address) values (:district, :name, :stage, :address)
					returning id""")
				.param("district", request.districtId()).param("name", name).param("stage", request.stage().name())
				.param("address", address).query(Long.class).single();
			audit.record("SCHOOL_CREATE", "school/" + id, null, name + " " + request.stage());
			return new SchoolRow(id, request.districtId(), district, name, request.stage(), address);
		}
		catch (DuplicateKeyException e) {
			throw new InvalidInput("name", "school.name.taken");
		}
	}

	public List<GradeRow> grades(long schoolId) {
		access.requireReadable(schoolId);
		return jdbc.sql("""
				select g.id, g.level, g.name, (select count(*) from school_class c where c.grade_id = g.id)
				  from grade g where g.school_id = :school order by g.level""")
			.param("school", schoolId)
			.query((rs, i) -> new GradeRow(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getInt(4)))
			.list();
	}

	@Transactional
	public GradeRow addGrade(long schoolId, NewGrade request) {
		access.requireAdmin(schoolId);
		checkStage(schoolId, request.level(), "level");
		var id = jdbc.sql("""
				insert into grade (school_id, level, name) values (:school, :level, :name)
				on conflict (school_id, level) do nothing returning id""")
			.param("school", schoolId).param("level", request.level()).param("name", GradeNames.nameOf(request.level()))
			.query(Long.class).optional()
			.orElseThrow(() -> new InvalidInput("level", "school.grade.exists"));
		audit.record("GRADE_CREATE", "school/" + schoolId + "/grade/" + id, null, GradeNames.nameOf(request.level()));
		return new GradeRow(id, request.level(), GradeNames.nameOf(request.level()), 0);
	}

	/**
	 * Classes with their enrolled student count. The count is an aggregate over the student table (no names), read
	 * here because the student module depends on this one, not the other way round.
	 */
	public List<ClassRow> classes(long schoolId) {
		access.requireReadable(schoolId);
		return jdbc.sql("""
				select c.id, c.grade_id, g.level, g.name, c.name,
				       (select count(*) from student st where st.class_id = c.id and st.status = 'ENROLLED')
				  from school_class c join grade g on g.id = c.grade_id
				 where c.school_id = :school order by g.level, length(c.name), c.name""")
			.param("school", schoolId)
			.query((rs, i) -> {
				var info = new ClassInfo(rs.getLong(1), schoolId, rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5));
				return new ClassRow(info.id(), info.gradeId(), info.gradeLevel(), info.gradeName(), info.name(),
						info.displayName(), rs.getInt(6));
			})
			.list();
	}

	/** Creates a class (and its grade if missing); the name is normalised as on roster import: "1" → "1班". */
	@Transactional
	public ClassRow createClass(long schoolId, NewClass request) {
		access.requireAdmin(schoolId);
		checkStage(schoolId, request.gradeLevel(), "gradeLevel");
		String name = GradeNames.normalizeClassName(request.name());
		if (name.isBlank()) {
			throw new InvalidInput("name", "school.class.name.required");
		}
		if (structure.findClass(schoolId, request.gradeLevel(), name).isPresent()) {
			throw new InvalidInput("name", "school.class.exists");
		}
		ClassInfo info = structure.ensureClass(schoolId, request.gradeLevel(), name);
		audit.record("CLASS_CREATE", "class/" + info.id(), null, info.displayName());
		return new ClassRow(info.id(), info.gradeId(), info.gradeLevel(), info.gradeName(), info.name(),
				info.displayName(), 0);
	}

	public List<SemesterRow> semesters(long schoolId) {
		access.requireReadable(schoolId);
		return jdbc.sql("select id, name, starts_on, ends_on, current from semester where school_id = :school order by starts_on desc")
			.param("school", schoolId)
			.query((rs, i) -> new SemesterRow(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
					rs.getDate(4).toLocalDate(), rs.getBoolean(5)))
			.list();
	}

	/** A new semester; made current, it ends the current one (one current semester per school). */
	@Transactional
	public SemesterRow createSemester(long schoolId, NewSemester request) {
		access.requireAdmin(schoolId);
		if (!request.endsOn().isAfter(request.startsOn())) {
			throw new InvalidInput("endsOn", "school.semester.ends-before-start");
		}
		if (request.isCurrent()) {
			unsetCurrent(schoolId);
		}
		String name = request.name().strip();
		var id = jdbc.sql("""
				insert into semester (school_id, name, starts_on, ends_on, current)
				values (:school, :name, :startsOn, :endsOn, :current)
				on conflict (school_id, name) do nothing returning id""")
			.param("school", schoolId).param("name", name).param("startsOn", Date.valueOf(request.startsOn()))
			.param("endsOn", Date.valueOf(request.endsOn())).param("current", request.isCurrent())
			.query(Long.class).optional()
			.orElseThrow(() -> new InvalidInput("name", "school.semester.exists"));
		audit.record("SEMESTER_CREATE", "school/" + schoolId + "/semester/" + id, null,
				name + (request.isCurrent() ? " current" : ""));
		return new SemesterRow(id, name, request.startsOn(), request.endsOn(), request.isCurrent());
	}

	@Transactional
	public void makeCurrent(long schoolId, long semesterId) {
		access.requireAdmin(schoolId);
		unsetCurrent(schoolId);
		int updated = jdbc.sql("update semester set current = true where id = :id and school_id = :school")
			.param("id", semesterId).param("school", schoolId).update();
		if (updated == 0) {
			throw ApiProblem.notFound("school.semester.not-found");
		}
		audit.record("SEMESTER_CURRENT", "school/" + schoolId + "/semester/" + semesterId, null, null);
	}

	private void unsetCurrent(long schoolId) {
		jdbc.sql("update semester set current = false where school_id = :school and current")
			.param("school", schoolId).update();
	}

	private void checkStage(long schoolId, int level, String field) {
		Stage stage = structure.school(schoolId).orElseThrow(() -> ApiProblem.notFound("school.not-found")).stage();
		if (!stage.hasGrade(level)) {
			throw new InvalidInput(field, "school.grade.outside-stage", stage.firstGrade(), stage.lastGrade());
		}
	}
}
