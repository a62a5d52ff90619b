package org.mindgrid.warning.hospital;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Post;
import org.mindgrid.identity.Role;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hospital directory of the medical grid (issue 8 point 6, ADR 0024): rows kept by the city, a district or a
 * school. A school sees the city's rows, its district's and its own; a district officer the city's and the
 * district's. School administrators and psychology teachers add their school's rows, district officers their
 * district's, city officers the city's. Public facts only, so reads are not audited; every addition is.
 */
@Service
public class Hospitals {

	private static final String COLUMNS = """
			select h.id, h.name, h.departments, h.address, h.phone, h.green_channel,
			       case when h.school_id is not null then 'SCHOOL' when h.district_id is not null then 'DISTRICT'
			            else 'CITY' end, h.notes
			  from hospital h
			""";

	private static final String ORDER = " order by h.green_channel desc, (h.school_id is not null), "
			+ "(h.district_id is not null), h.id";

	/** Rows a school sees: the city's, its district's and its own. */
	private static final String FOR_SCHOOL = """

			 where (h.district_id is null and h.school_id is null)
			    or h.school_id = :school
			    or h.district_id = (select s.district_id from school s where s.id = :school)""";

	private static final RowMapper<Hospital> ROW = (rs, i) -> new Hospital(rs.getLong(1), rs.getString(2),
			rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6), HospitalScope.valueOf(rs.getString(7)),
			rs.getString(8));

	private final JdbcClient jdbc;

	private final CurrentUsers users;

	private final AuditLog audit;

	private final Validator validator;

	Hospitals(JdbcClient jdbc, CurrentUsers users, AuditLog audit, Validator validator) {
		this.jdbc = jdbc;
		this.users = users;
		this.audit = audit;
		this.validator = validator;
	}

	/** The directory as the caller sees it; green channel first, then the city's, district's and school's rows. */
	@Transactional(readOnly = true)
	public List<Hospital> list() {
		CurrentUser user = users.current();
		if (user.isSchoolStaff() && user.schoolId() != null) {
			return forSchool(user.schoolId());
		}
		Long district = districtOf(user);
		if (district != null) {
			return jdbc.sql(COLUMNS + " where (h.district_id is null and h.school_id is null) or h.district_id = :d"
					+ ORDER).param("d", district).query(ROW).list();
		}
		if (user.hasRole(Role.CITY_OFFICER)) {
			return jdbc.sql(COLUMNS + " where h.school_id is null" + ORDER).query(ROW).list();
		}
		throw ApiProblem.forbidden(user.staffOnlyRefusal());
	}

	/** The rows a school may refer to, for the case pages; the caller has checked who asks. */
	@Transactional(readOnly = true)
	public List<Hospital> forSchool(long schoolId) {
		return jdbc.sql(COLUMNS + FOR_SCHOOL + ORDER).param("school", schoolId).query(ROW).list();
	}

	/** One row if the school may refer to it (a referral's {@code hospitalId}); empty for another school's row. */
	@Transactional(readOnly = true)
	public Optional<Hospital> find(long id, long schoolId) {
		return jdbc.sql(COLUMNS + " where h.id = :id and h.id in (select h.id from hospital h" + FOR_SCHOOL + ")")
			.param("id", id).param("school", schoolId).query(ROW).optional();
	}

	/** Whether the caller may add rows, and to which place; the page shows the form only then. */
	public Optional<HospitalScope> creatableScope() {
		return users.find().flatMap(Hospitals::placeOf).map(Place::scope);
	}

	/** Adds a row to the caller's place; 403 for those who may not, 409 for a name the place already lists. */
	@Transactional
	public Hospital create(HospitalInput input) {
		CurrentUser user = users.current();
		Place place = placeOf(user).orElseThrow(() -> ApiProblem.forbidden(
				user.isSchoolStaff() && !user.isStudentAccount() ? "hospital.create-forbidden"
						: user.staffOnlyRefusal()));
		Set<ConstraintViolation<HospitalInput>> invalid = validator.validate(input);
		if (!invalid.isEmpty()) {
			// The API and the page validate first; this guards other callers.
			ConstraintViolation<HospitalInput> first = invalid.iterator().next();
			throw ApiProblem.badRequest("hospital.invalid", first.getPropertyPath().toString());
		}
		String name = input.name().strip();
		boolean taken = jdbc.sql("""
				select exists (select 1 from hospital
				 where lower(name) = lower(:name) and school_id is not distinct from :school
				   and district_id is not distinct from :district)""")
			.param("name", name).param("school", place.schoolId()).param("district", place.districtId())
			.query(Boolean.class).single();
		if (taken) {
			throw ApiProblem.conflict("hospital.duplicate", name);
		}
		long id = jdbc.sql("""
				insert into hospital (district_id, school_id, name, departments, address, phone, green_channel, notes,
				                      created_by)
				values (:district, :school, :name, :departments, :address, :phone, :green, :notes, :by) returning id""")
			.param("district", place.districtId()).param("school", place.schoolId()).param("name", name)
			.param("departments", blankToNull(input.departments())).param("address", input.address().strip())
			.param("phone", input.phone().strip()).param("green", input.green())
			.param("notes", blankToNull(input.notes())).param("by", user.id())
			.query(Long.class).single();
		audit.record("HOSPITAL_CREATE", "hospital/" + id, null,
				place.scope() + (place.schoolId() != null ? " school/" + place.schoolId()
						: place.districtId() != null ? " district/" + place.districtId() : "") + ": " + name);
		return jdbc.sql(COLUMNS + " where h.id = :id").param("id", id).query(ROW).single();
	}

	private record Place(HospitalScope scope, Long districtId, Long schoolId) {
	}

	/** A school post that keeps the directory wins over a bureau post; students never keep it. */
	private static Optional<Place> placeOf(CurrentUser user) {
		if (user.isStudentAccount()) {
			return Optional.empty();
		}
		for (Post p : user.posts()) {
			if ((p.role() == Role.SCHOOL_ADMIN || p.role() == Role.PSYCH_TEACHER) && p.schoolId() != null) {
				return Optional.of(new Place(HospitalScope.SCHOOL, null, p.schoolId()));
			}
		}
		Long district = districtOf(user);
		if (district != null) {
			return Optional.of(new Place(HospitalScope.DISTRICT, district, null));
		}
		if (user.hasRole(Role.CITY_OFFICER)) {
			return Optional.of(new Place(HospitalScope.CITY, null, null));
		}
		return Optional.empty();
	}

	private static Long districtOf(CurrentUser user) {
		return user.posts().stream().filter(p -> p.role() == Role.DISTRICT_OFFICER && p.districtId() != null)
			.map(Post::districtId).findFirst().orElse(null);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
