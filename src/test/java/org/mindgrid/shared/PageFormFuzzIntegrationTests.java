package org.mindgrid.shared;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.mindgrid.support.PageClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The POST page forms (session + CSRF) swept like the API: NUL and bytes that are not UTF-8 in every field, absurd
 * dates in date fields, list indexes far beyond the binding limit, a NUL in a field name. No answer may be a 5xx.
 * <p>
 * Each form's baseline is refused late by a guard field (a date tomorrow, an end before the start, a blank name,
 * a stale version, a wrong current password, an id that does not exist) that is only ever mutated with NUL, so a
 * variant that slipped through would still save nothing into the shared demo data.
 */
@org.mindgrid.support.IntegrationTest
class PageFormFuzzIntegrationTests {

	record Form(String role, String page, String action, Map<String, String> fields, Set<String> guards,
			Set<String> dates, Set<String> dateTimes) {
	}

	private static final List<String> TEXT = List.of("a%00b", "%00", "%ED%A0%80", "%C0%80", "%25_%5C",
			"%E9%95%BF".repeat(5000));

	private static final List<String> DATES = List.of("-999999999-01-01", "%2B5881580-01-01", "0001-01-01",
			"1899-12-31", "2026-02-30", "9999-99-99");

	private static final List<String> DATE_TIMES = List.of("%2B999999999-01-01T10:00", "-999999999-01-01T00:00",
			"0001-01-01T00:00", "2026-13-01T00:00");

	private static final List<String> EXTRAS = List.of("familyMembers%5B9999%5D.name=x", "signs%5B100000%5D=1",
			"studentIds%5B99999%5D=1", "x%5B2147483648%5D=1", "no%00tes=1", "answers%5Ba1%5D.judgment%5B999%5D=x");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void noMalformedPageFormAnswers5xx() {
		long student = ApiFuzzIntegrationTests.fuzzStudent(jdbc);
		int requests = 0;
		List<String> errors = new ArrayList<>();
		Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
		List<String> forbidden = new ArrayList<>();
		List<String> saved = new ArrayList<>();
		for (Form form : forms(student)) {
			PageClient page = form.role() == null ? new PageClient(port) : PageClient.login(port, form.role());
			assertThat(page.get(form.page()).status()).as(form.page()).isLessThan(400);
			for (String body : variants(form)) {
				var r = page.postEncoded(form.action(), body);
				requests++;
				byStatus.merge(r.status(), 1, Integer::sum);
				if (r.status() == 403) {
					forbidden.add(form.action() + " as " + form.role());
				}
				// a refused login redirects to ?error, or to ?throttled when the same name is tried again at once
				if (r.status() == 302 && !r.location().contains("/login?error") && !r.location().contains("/login?throttled")) {
					saved.add(form.action() + " -> " + r.location() + " [" + ApiFuzzCases.abbreviate(body) + "]");
				}
				if (r.status() >= 500) {
					errors.add(r.status() + " POST " + form.action() + " as " + form.role() + " ["
							+ ApiFuzzCases.abbreviate(body) + "]");
				}
			}
		}
		System.out.printf("Page form fuzz (deterministic): %d requests, %d answered 5xx; by status %s%n", requests,
				errors.size(), byStatus);
		errors.stream().limit(25).forEach(e -> System.out.println("  5xx: " + e));
		assertThat(errors).isEmpty();
		// The session and CSRF token were accepted: variants reached the forms, none was refused as forbidden.
		assertThat(forbidden).as("variants refused with 403").isEmpty();
		// A save answers with a redirect: no malformed variant was saved (only the login form redirects, to ?error).
		assertThat(saved).as("variants saved").isEmpty();
	}

	/** Each variant changes one field (or adds one) of the baseline; guards only ever get NUL. */
	private List<String> variants(Form form) {
		List<String> bodies = new ArrayList<>();
		for (String field : form.fields().keySet()) {
			List<String> values = new ArrayList<>(form.guards().contains(field) ? List.of("a%00b") : TEXT);
			if (form.dates().contains(field)) {
				values.addAll(DATES);
			}
			if (form.dateTimes().contains(field)) {
				values.addAll(DATE_TIMES);
			}
			for (String value : values) {
				bodies.add(encode(form.fields(), field, value));
			}
		}
		for (String extra : EXTRAS) {
			bodies.add(encode(form.fields(), null, null) + "&" + extra);
		}
		return bodies;
	}

	private static String encode(Map<String, String> fields, String mutated, String rawValue) {
		return fields.entrySet()
			.stream()
			.map(e -> enc(e.getKey()) + "=" + (e.getKey().equals(mutated) ? rawValue : enc(e.getValue())))
			.collect(Collectors.joining("&"));
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	private List<Form> forms(long student) {
		long school = jdbc.sql("select id from school where name = '海曙区实验学校'").query(Long.class).single();
		long classId = jdbc.sql("select class_id from student where id = :s").param("s", student).query(Long.class)
			.single();
		long none = ApiFuzzCases.NO_SUCH_ID;
		String s = "/students/" + student;
		String yesterday = LocalDate.now(clock).minusDays(1).toString();
		String tomorrow = LocalDate.now(clock).plusDays(1).toString();
		String later = LocalDateTime.now(clock).plusDays(2).truncatedTo(ChronoUnit.MINUTES).toString();
		return List.of(
				form("psych1", "/observations/new", "/observations", Set.of("notes"), Set.of("observedOn"), Set.of(),
						"studentId", student, "observedOn", yesterday, "notes", "", "signs", "", "crisisLevel", "NONE",
						"categoryOther", "其他"),
				form("psych1", s + "/talks/new", s + "/talks", Set.of("date"), Set.of("date"), Set.of(), "date",
						tomorrow, "place", "操场", "topics", "运动会", "state", "平稳", "followUp", "", "escalate", ""),
				form("psych1", s + "/home-visits/new", s + "/home-visits", Set.of("visitedAt"), Set.of(),
						Set.of("visitedAt"), "visitedAt", later, "interviewee", "李女士", "relation", "母亲",
						"durationMinutes", "30", "answers[a1].record", "记录", "escalate", ""),
				form("psych1", s + "/contacts/new", s + "/contacts", Set.of("contactedAt"), Set.of(),
						Set.of("contactedAt"), "channel", "PHONE", "content", "电话沟通", "contactedAt", later,
						"escalate", ""),
				form("psych1", s + "/archive/edit", s + "/archive", Set.of("version"), Set.of("lifeEvents[0].date"),
						Set.of(), "version", "999999", "study", "认真", "familyMembers[0].name", "王丽",
						"familyMembers[0].age", "40", "lifeEvents[0].date", yesterday, "lifeEvents[0].description", "转学",
						"health.level", "GOOD"),
				form("psych1", "/warnings", "/warnings/" + none + "/resolve", Set.of(), Set.of(), Set.of(), "reason",
						"已处理"),
				form("psych1", "/cases", "/cases/" + none + "/actions/assess", Set.of(), Set.of("assessedOn"), Set.of(),
						"summary", "摘要", "proposedCategory", "2", "suicideThoughts", "yes", "assessedOn", yesterday,
						"contacts.0.name", "x", "version", "1"),
				form("psych1", "/cases", "/cases/" + none + "/plan", Set.of(), Set.of("reviewDate"), Set.of(),
						"version", "0", "rows", "1", "situation", "情况", "measures.0.grid", "CLASS",
						"measures.0.responsible", "MENTOR", "measures.0.text", "措施", "reviewDate", tomorrow),
				form("psych1", "/duties", "/duties/" + none + "/done", Set.of(), Set.of(), Set.of(), "note", "已完成"),
				form("psych1", s + "/timeline", s + "/talks/" + none + "/addenda", Set.of(), Set.of(), Set.of(), "text",
						"补充"),
				form("psych1", "/account/password", "/account/password", Set.of("current"), Set.of(), Set.of(),
						"current", "Wrong#2026x", "password", "Fuzz#2026-new", "confirm", "Fuzz#2026-new"),
				form("head1", s + "/triggers/new", s + "/triggers", Set.of("occurredOn"), Set.of("occurredOn"), Set.of(),
						"kind", "ABSENCE", "occurredOn", tomorrow, "note", "缺勤"),
				form("head1", "/grid/classes/" + classId, "/grid/classes/" + classId + "/assign",
						Set.of("mentorUserId"), Set.of(), Set.of(), "mentorUserId", String.valueOf(none), "studentIds",
						String.valueOf(student)),
				form("committee1", "/concerns/new", "/concerns", Set.of("description"), Set.of(), Set.of(), "studentId",
						student, "signs", "", "description", " "),
				form("principal1", "/admin/schools/" + school, "/admin/schools/" + school + "/semesters",
						Set.of("startsOn", "endsOn"), Set.of("startsOn", "endsOn"), Set.of(), "name", "模糊学期",
						"startsOn", "2027-09-01", "endsOn", "2027-01-01"),
				form("principal1", "/admin/schools/" + school, "/admin/schools/" + school + "/classes",
						Set.of("gradeLevel"), Set.of(), Set.of(), "gradeLevel", "99", "name", "模糊班"),
				form("principal1", "/admin/schools/" + school + "/staff", "/admin/schools/" + school + "/staff",
						Set.of("displayName"), Set.of(), Set.of(), "username", "fuzz_user", "displayName", "",
						"password", "Fuzz#2026-x"),
				form("admin", "/admin", "/admin/districts", Set.of("name"), Set.of(), Set.of(), "name", "区".repeat(51)),
				form("admin", "/admin", "/admin/schools", Set.of("districtId"), Set.of(), Set.of(), "districtId",
						String.valueOf(none), "name", "模糊学校", "stage", "JUNIOR", "address", "地址"),
				form(null, "/login", "/login", Set.of("username"), Set.of(), Set.of(), "username", "fuzz-nobody",
						"password", "x"));
	}

	private static Form form(String role, String page, String action, Set<String> guards, Set<String> dates,
			Set<String> dateTimes, Object... fields) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < fields.length; i += 2) {
			values.put((String) fields[i], String.valueOf(fields[i + 1]));
		}
		return new Form(role, page, action, values, guards, dates, dateTimes);
	}
}
