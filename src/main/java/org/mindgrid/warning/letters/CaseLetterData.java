package org.mindgrid.warning.letters;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.mindgrid.shared.web.ApiProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's letter data from the database (ADR 0024): the student, class and school as the other pages show them,
 * the guardian (the roster's, else the first named family member of the growth archive), and from the case's
 * history the latest event of each action that no later event voided — 'assess' (summary, by the psychology
 * teacher), 'notify-family' (behaviourObserved), 'refer' (hospitalId → the directory row), 'record-diagnosis'
 * (diagnosis), 'start-leave' (from), 'decide-return' (returnOn), 'sign-contract' (contacts[] of name, relation,
 * phone). It checks no access: the case API that calls it has.
 */
@Service
public class CaseLetterData {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	CaseLetterData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record Event(String action, JsonNode details, String by) {
	}

	@Transactional(readOnly = true)
	public LetterData load(long caseId) {
		LetterData.Builder b = LetterData.builder();
		record Head(long studentId, long classId, Integer category) {
		}
		Head head = jdbc.sql("""
				select wc.student_id, s.class_id, wc.category from warning_case wc join student s on s.id = wc.student_id
				 where wc.id = :case""")
			.param("case", caseId)
			.query((rs, i) -> new Head(rs.getLong(1), rs.getLong(2), (Integer) rs.getObject(3)))
			.optional()
			.orElseThrow(() -> ApiProblem.notFound("letter.case-not-found"));
		String[] headTeacher = new String[1];
		jdbc.sql("""
				select s.name, s.gender, g.name || '（' || replace(c.name, '班', '') || '）班', s.student_no, s.birth_date,
				       s.address, sc.name,
				       coalesce(nullif(btrim(s.guardian_name), ''),
				                (select m->>'name' from growth_archive a,
				                        jsonb_array_elements(case when jsonb_typeof(a.content->'familyMembers') = 'array'
				                                                  then a.content->'familyMembers' else '[]' end)
				                        with ordinality as x(m, n)
				                  where a.student_id = s.id and nullif(btrim(m->>'name'), '') is not null
				                  order by x.n limit 1)),
				       s.guardian_phone,
				       (select u.display_name from post p join app_user u on u.id = p.user_id and u.enabled
				         where p.role = 'HEAD_TEACHER' and p.class_id = s.class_id order by p.id limit 1)
				  from student s join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
				  join school sc on sc.id = s.school_id
				 where s.id = :student""")
			.param("student", head.studentId())
			.query(rs -> {
				LocalDate birth = rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate();
				b.school(rs.getString(7))
					.student(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), birth)
					.address(rs.getString(6))
					.guardian(rs.getString(8), rs.getString(9));
				headTeacher[0] = rs.getString(10);
			});
		Map<String, Event> latest = new HashMap<>();
		jdbc.sql("""
				select distinct on (e.action) e.action, e.details::text, u.display_name
				  from warning_case_event e left join app_user u on u.id = e.by_user
				 where e.case_id = :case and e.voids is null
				   and not exists (select 1 from warning_case_event v where v.voids = e.id)
				 order by e.action, e.id desc""")
			.param("case", caseId)
			.query(rs -> {
				latest.put(rs.getString(1), new Event(rs.getString(1), JSON.readTree(rs.getString(2)), rs.getString(3)));
			});
		Event assess = latest.get("assess");
		b.assessment(assess == null ? null : text(assess.details(), "summary"), head.category());
		b.teachers(assess == null ? null : assess.by(), headTeacher[0]);
		Event notify = latest.get("notify-family");
		b.behaviourObserved(notify == null ? null : text(notify.details(), "behaviourObserved"));
		Event diagnosis = latest.get("record-diagnosis");
		b.diagnosis(diagnosis == null ? null : text(diagnosis.details(), "diagnosis"));
		Event refer = latest.get("refer");
		Long hospitalId = refer == null ? null : number(refer.details(), "hospitalId");
		if (hospitalId != null) {
			jdbc.sql("select name, departments, address, phone from hospital where id = :id")
				.param("id", hospitalId)
				.query((rs, i) -> new LetterData.LetterHospital(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getString(4)))
				.optional()
				.ifPresent(b::hospital);
		}
		Event leave = latest.get("start-leave");
		Event decision = latest.get("decide-return");
		b.dates(null, leave == null ? null : date(leave.details(), "from"),
				decision == null ? null : date(decision.details(), "returnOn"));
		Event contract = latest.get("sign-contract");
		if (contract != null && contract.details().get("contacts") != null && contract.details().get("contacts").isArray()) {
			for (JsonNode c : contract.details().get("contacts")) {
				if (c.isObject()) {
					b.contact(text(c, "name"), text(c, "relation"), text(c, "phone"));
				}
			}
		}
		return b.build();
	}

	private static String text(JsonNode node, String field) {
		JsonNode v = node == null ? null : node.get(field);
		if (v == null || v.isNull() || v.isContainer()) {
			return null;
		}
		String s = v.asString();
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static Long number(JsonNode node, String field) {
		String s = text(node, field);
		if (s == null || !s.matches("\\d{1,18}")) {
			return null;
		}
		return Long.parseLong(s);
	}

	/** An ISO date as the case recorded it (a date or the date part of a date-time); null if it is none. */
	private static LocalDate date(JsonNode node, String field) {
		String s = text(node, field);
		if (s == null) {
			return null;
		}
		try {
			return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
