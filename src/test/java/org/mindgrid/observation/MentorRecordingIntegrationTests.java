package org.mindgrid.observation;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.PageClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, point 6: the mentor records what a mentor notices (abnormal emotion, family change) for their students,
 * is never offered the head teacher's kinds, and may observe every student of a class they mentor.
 */
@IntegrationTest
class MentorRecordingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	private long studentOf(String mentor, int index) {
		return jdbc.sql("""
				select ma.student_id from mentor_assignment ma join app_user u on u.id = ma.mentor_user_id
				 where u.username = :u order by ma.student_id offset :i limit 1""")
			.param("u", mentor).param("i", index).query(Long.class).single();
	}

	@Test
	void aMentorRecordsAbnormalEmotionAndFamilyChangeButNotTheHeadTeachersKinds() {
		long student = studentOf("mentor1", 6);
		var emotion = api.post("mentor1", "/api/v1/triggers", Map.of("studentId", student, "kind", "ABNORMAL_EMOTION"));
		assertThat(emotion.status()).as(emotion.body()).isEqualTo(201);
		var family = api.post("mentor1", "/api/v1/triggers",
				Map.of("studentId", student, "kind", "FAMILY_CHANGE", "note", "父母上周分居"));
		assertThat(family.status()).as(family.body()).isEqualTo(201);
		assertThat(jdbc.sql("select count(*) from trigger_event where student_id = :s and kind in ('ABNORMAL_EMOTION', 'FAMILY_CHANGE')")
			.param("s", student).query(Long.class).single()).isGreaterThanOrEqualTo(2);

		var absence = api.post("mentor1", "/api/v1/triggers", Map.of("studentId", student, "kind", "ABSENCE"));
		assertThat(absence.status()).isEqualTo(403);
		assertThat(absence.body()).contains("班主任");
		assertThat(api.post("mentor1", "/api/v1/triggers", Map.of("studentId", student, "kind", "ACADEMIC_DROP"))
			.status()).isEqualTo(403);
		// Not the mentor of this student (another mentor's, same class): nothing to record, said so.
		long other = studentOf("mentor2", 6);
		var refused = api.post("mentor1", "/api/v1/triggers", Map.of("studentId", other, "kind", "FAMILY_CHANGE"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).contains("心导师");
	}

	@Test
	void theFormOffersEachRoleOnlyTheKindsItMayRecord() {
		long student = studentOf("mentor1", 7);
		PageClient mentor = PageClient.login(port, "mentor1");
		var mentorForm = mentor.get("/students/" + student + "/triggers/new");
		assertThat(mentorForm.status()).isEqualTo(200);
		assertThat(mentorForm.body()).contains("value=\"ABNORMAL_EMOTION\"", "value=\"FAMILY_CHANGE\"")
			.doesNotContain("value=\"ABSENCE\"", "value=\"ACADEMIC_DROP\"");
		var saved = mentor.post("/students/" + student + "/triggers",
				Map.of("kind", "FAMILY_CHANGE", "note", "爷爷去世"));
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.body()).contains("trigger-saved");

		var headForm = PageClient.login(port, "head1").get("/students/" + student + "/triggers/new");
		assertThat(headForm.body()).contains("value=\"ABSENCE\"", "value=\"ACADEMIC_DROP\"", "value=\"ABNORMAL_EMOTION\"",
				"value=\"FAMILY_CHANGE\"");
		// A subject teacher may record none: the form is not offered at all.
		assertThat(PageClient.login(port, "staff1").get("/students/" + student + "/triggers/new").status())
			.isEqualTo(403);
	}

	@Test
	void aMentorOfAClassObservesEveryStudentOfItButReadsOnlyTheirOwnStudentsArchive() {
		// Not 8: ObservationIntegrationTests checks that its student 23 (mentor2's ninth) has no observation.
		long classmate = studentOf("mentor2", 12);
		var observed = api.post("mentor1", "/api/v1/observations", Map.of("studentId", classmate, "signs", List.of(7),
				"categories", List.of(), "crisisLevel", "NONE", "notes", "午休时总是趴着"));
		assertThat(observed.status()).as(observed.body()).isEqualTo(201);
		var list = api.get("mentor1", "/api/v1/students?size=200");
		assertThat(list.json().get("total").asLong()).isEqualTo(45);
		assertThat(api.get("mentor1", "/api/v1/students/" + classmate + "/archive").status()).isEqualTo(403);
		assertThat(api.get("mentor1", "/api/v1/students/" + classmate + "/timeline").status()).isEqualTo(403);
		// A student of a class mentor1 does not mentor stays unknown to them.
		long elsewhere = jdbc.sql("""
				select s.id from student s where s.school_id = (select school_id from student where id = :c)
				   and s.class_id <> (select class_id from student where id = :c) and s.status = 'ENROLLED'
				 order by s.id limit 1""").param("c", classmate).query(Long.class).single();
		assertThat(api.post("mentor1", "/api/v1/observations", Map.of("studentId", elsewhere, "signs", List.of(7)))
			.status()).isEqualTo(404);
	}
}
