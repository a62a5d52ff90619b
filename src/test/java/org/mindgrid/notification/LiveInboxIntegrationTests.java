package org.mindgrid.notification;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.PageClient;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, point 4 (and point 8 for notifications): notices are stored as codes and read in the reader's language
 * with the kind, the class and the deadline but never the name; opening the item marks its notices read; mark all
 * read touches only one's own; reporters hear that their report was taken up and closed, without details; the open
 * queue's poll answers 204 until something changed.
 */
@IntegrationTest
class LiveInboxIntegrationTests {

	private static final Pattern VERSION = Pattern.compile("data-mg-live-version=\"([^\"]*)\"");

	private static final Pattern SINCE = Pattern.compile("data-mg-live-since=\"(\\d+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Notifications notifications;

	private long user(String username) {
		return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
	}

	/**
	 * A student of a class no other test reports in (the first school's last grade-7 class) who never had a report;
	 * its head teacher, who may report, is {@link #head()}.
	 */
	private long freshStudent() {
		return jdbc.sql("""
				select s.id from student s where s.class_id = :c
				   and not exists (select 1 from warning_report w where w.student_id = s.id)
				 order by s.id desc limit 1""")
			.param("c", quietClass()).query(Long.class).single();
	}

	private long quietClass() {
		return jdbc.sql("""
				select c.id from school_class c join grade g on g.id = c.grade_id join school sc on sc.id = c.school_id
				 where sc.name = '海曙区实验学校' and g.level = 7 and c.name = '2班'""")
			.query(Long.class).single();
	}

	private String head() {
		return jdbc.sql("""
				select u.username from post p join app_user u on u.id = p.user_id
				 where p.role = 'HEAD_TEACHER' and p.class_id = :c limit 1""")
			.param("c", quietClass()).query(String.class).single();
	}

	/** Leaves no open report behind for the tests that come later. */
	private void close(long reportId) {
		assertThat(new Api(port).post("psych1", "/api/v1/warning-reports/" + reportId + "/resolve",
				Map.of("reason", "测试结束")).status()).isEqualTo(200);
	}

	/** A student of mentor1's (so both staff1, the class's subject teacher, and mentor1 may report) without a report. */
	private long mentoredStudent() {
		return jdbc.sql("""
				select s.id from mentor_assignment ma join student s on s.id = ma.student_id
				 where ma.mentor_user_id = :m
				   and not exists (select 1 from warning_report w where w.student_id = s.id)
				 order by s.id limit 1""")
			.param("m", user("mentor1")).query(Long.class).single();
	}

	private long report(String by, long student, int sign) {
		Api.Response r = new Api(port).post(by, "/api/v1/observations",
				Map.of("studentId", student, "signs", List.of(sign), "crisisLevel", "HIGH", "otherClues", "作文里写到想消失"));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("warningReport").get("id").asLong();
	}

	private String name(long student) {
		return jdbc.sql("select name from student where id = :id").param("id", student).query(String.class).single();
	}

	/** The class as the bundle words it, from the school's data. */
	private String classLabel(long student) {
		return jdbc.sql("""
				select g.name || '（' || regexp_replace(c.name, '班$', '') || '）班' from student s
				  join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id where s.id = :id""")
			.param("id", student).query(String.class).single();
	}

	private static JsonNode itemLinking(JsonNode page, String link) {
		return page.get("items").valueStream().filter(i -> link.equals(i.get("link").asString(null))).findFirst()
			.orElseThrow(() -> new AssertionError("no notification linking to " + link + " in " + page));
	}

	private Boolean read(long notificationId) {
		return jdbc.sql("select read_at is not null from notification where id = :id").param("id", notificationId)
			.query(Boolean.class).single();
	}

	@Test
	void anUrgentNoticeNamesKindClassAndDeadlineInTheReadersLanguageNeverTheStudent() {
		Api api = new Api(port);
		long student = freshStudent();
		long reportId = report(head(), student, 1);
		String link = "/warnings/" + reportId;

		JsonNode zh = itemLinking(api.get("psych1", "/api/v1/notifications?size=200").json(), link);
		assertThat(zh.get("kind").asString()).isEqualTo("WARNING_REPORT");
		assertThat(zh.get("titleKey").asString()).isEqualTo("notification.warning.new.urgent");
		assertThat(zh.get("title").asString()).startsWith("【紧急】" + classLabel(student) + "有新的预警报告，请在 ")
			.doesNotContain(name(student)).doesNotContain("notification.");
		assertThat(zh.get("args").toString()).contains("\"type\":\"class\"", "\"type\":\"time\"");

		JsonNode en = itemLinking(api.get("psych1", "/api/v1/notifications?size=200&lang=en").json(), link);
		assertThat(en.get("title").asString()).startsWith("[Urgent] New warning report in grade ")
			.contains("assessment due by").doesNotContain(name(student)).doesNotContainPattern("\\p{IsHan}");

		// stored as a code and arguments, never as a sentence
		assertThat(jdbc.sql("select count(*) from information_schema.columns where table_name = 'notification' and column_name = 'title'")
			.query(Long.class).single()).isZero();

		PageClient page = PageClient.login(port, "principal1");
		String inbox = page.get("/notifications").body();
		assertThat(inbox).contains(classLabel(student) + "有新的预警报告", "预警报告").doesNotContain(name(student));
		String inboxEn = page.get("/notifications?lang=en").body();
		assertThat(inboxEn).contains("New warning report in grade").doesNotContain(classLabel(student));
		close(reportId);
	}

	@Test
	void openingTheItemMarksOnlyTheReadersNoticesRead() {
		long reportId = report(head(), freshStudent(), 1);
		String link = "/warnings/" + reportId;
		long psychNotice = jdbc.sql("select id from notification where user_id = :u and link = :l")
			.param("u", user("psych1")).param("l", link).query(Long.class).single();
		long leaderNotice = jdbc.sql("select id from notification where user_id = :u and link = :l")
			.param("u", user("principal1")).param("l", link).query(Long.class).single();

		PageClient psych = PageClient.login(port, "psych1");
		long unreadBefore = new Api(port).get("psych1", "/api/v1/notifications").json().get("unread").asLong();
		// a poll of the page is not the reader opening it
		assertThat(psych.get(link, Map.of("X-MG-Poll", "1")).status()).isEqualTo(200);
		assertThat(read(psychNotice)).isFalse();
		// straight from the queue, not through the inbox
		PageClient.Page opened = psych.get(link + "?lang=zh_CN");
		assertThat(opened.status()).isEqualTo(200);
		assertThat(read(psychNotice)).isTrue();
		assertThat(read(leaderNotice)).isFalse();
		// the badge on that very page already counts it as read
		if (unreadBefore > 1) {
			assertThat(opened.body()).contains("mg-unread\">" + (unreadBefore - 1) + "<");
		}

		// a page refused to someone marks nothing of theirs
		long mentorNotice = send("psych2", link);
		assertThat(PageClient.login(port, "psych2").get(link).status()).isIn(403, 404);
		assertThat(read(mentorNotice)).isFalse();
		close(reportId);
	}

	private long send(String username, String link) {
		String marker = "测试 " + System.nanoTime();
		notifications.notify(List.of(user(username)), Notice.of("TEST", "notification.legacy", link,
				NoticeArg.text(marker)));
		return jdbc.sql("select id from notification where args -> 0 ->> 'value' = :m").param("m", marker)
			.query(Long.class).single();
	}

	@Test
	void markAllReadAndMarkOneTouchOnlyTheCallersOwn() {
		Api api = new Api(port);
		long mine = send("mentor2", "/duties");
		long theirs = send("head1", "/duties");
		long theirsToo = send("head1", "/duties");

		assertThat(api.post("mentor2", "/api/v1/notifications/" + theirs + "/read", Map.of()).status()).isEqualTo(404);
		assertThat(PageClient.login(port, "mentor2").get("/notifications/" + theirs).status()).isEqualTo(404);
		assertThat(read(theirs)).isFalse();

		Api.Response all = api.post("mentor2", "/api/v1/notifications/read-all", Map.of());
		assertThat(all.status()).isEqualTo(200);
		assertThat(all.json().get("marked").asLong()).isPositive();
		assertThat(all.json().get("unread").asLong()).isZero();
		assertThat(read(mine)).isTrue();
		assertThat(read(theirs)).isFalse();
		assertThat(api.get("mentor2", "/api/v1/notifications").json().get("unread").asLong()).isZero();

		PageClient head = PageClient.login(port, "head1");
		String inbox = head.get("/notifications").body();
		assertThat(inbox).contains("action=\"/notifications/read-all\"", "全部标为已读");
		String token = head.csrf();
		head.useCsrf(null);
		assertThat(head.post("/notifications/read-all", Map.of()).status()).isNotEqualTo(200);
		assertThat(read(theirs)).isFalse();
		head.useCsrf(token);
		PageClient.Page done = head.post("/notifications/read-all", Map.of());
		assertThat(done.status()).isEqualTo(302);
		assertThat(read(theirs)).isTrue();
		assertThat(read(theirsToo)).isTrue();
		assertThat(head.get("/notifications/unread-count").body()).isEqualTo("{\"unread\":0}");
	}

	@Test
	void theBadgeCountIsCheapJsonAndNeedsASession() {
		send("mentor2", "/duties");
		PageClient mentor = PageClient.login(port, "mentor2");
		PageClient.Page count = mentor.get("/notifications/unread-count");
		assertThat(count.status()).isEqualTo(200);
		assertThat(count.header("Content-Type")).startsWith("application/json");
		assertThat(count.header("Cache-Control")).contains("no-store");
		long unread = new Api(port).get("mentor2", "/api/v1/notifications").json().get("unread").asLong();
		assertThat(count.body()).isEqualTo("{\"unread\":" + unread + "}");
		assertThat(mentor.get("/duties").body()).contains("data-mg-unread-url=\"/notifications/unread-count\"");

		PageClient.Page anonymous = new PageClient(port).get("/notifications/unread-count");
		assertThat(anonymous.status()).isEqualTo(302);
		assertThat(anonymous.location()).contains("/login");
	}

	@Test
	void reportersHearItWasTakenUpAndClosedWithoutAnyDetail() {
		Api api = new Api(port);
		long student = mentoredStudent();
		long reportId = report("staff1", student, 1);
		assertThat(report("mentor1", student, 1)).isEqualTo(reportId);

		assertThat(api.post("mentor1", "/api/v1/warning-reports/" + reportId + "/take-up", Map.of()).status())
			.isEqualTo(403);
		PageClient psych = PageClient.login(port, "psych1");
		assertThat(psych.get("/warnings/" + reportId).body()).contains("id=\"warning-take-up\"", "受理并开始评估");
		PageClient.Page taken = psych.post("/warnings/" + reportId + "/take-up", Map.of());
		assertThat(taken.status()).isEqualTo(302);
		assertThat(psych.get("/warnings/" + reportId).body()).contains("id=\"warning-taken-up\"", "林若曦")
			.doesNotContain("id=\"warning-take-up\"");
		assertThat(api.post("psych1", "/api/v1/warning-reports/" + reportId + "/take-up", Map.of()).status())
			.isEqualTo(409);

		JsonNode staffNotice = notice("staff1", "REPORT_TAKEN_UP", reportId);
		JsonNode mentorNotice = notice("mentor1", "REPORT_TAKEN_UP", reportId);
		assertThat(staffNotice.get("title").asString()).matches("您在 .+ 提交的报告已受理");
		// the subject teacher may not read the report: nothing to open; the mentor may
		assertThat(staffNotice.get("link").isNull()).isTrue();
		assertThat(mentorNotice.get("link").asString()).isEqualTo("/warnings/" + reportId);
		assertThat(api.get("psych1", "/api/v1/notifications?size=200").json().toString())
			.doesNotContain("REPORT_TAKEN_UP");

		assertThat(api.post("psych1", "/api/v1/warning-reports/" + reportId + "/resolve",
				Map.of("reason", "已完成一对一评估，学生情绪稳定")).status()).isEqualTo(200);
		JsonNode closed = notice("staff1", "REPORT_CLOSED", reportId);
		assertThat(closed.get("title").asString()).matches("您在 .+ 提交的报告已处理完毕");
		notice("mentor1", "REPORT_CLOSED", reportId);
		for (String who : List.of("staff1", "mentor1")) {
			String inbox = api.get(who, "/api/v1/notifications?size=200").json().toString();
			assertThat(inbox).doesNotContain(name(student), "想消失", "情绪稳定", "不想活");
		}
		assertThat(api.get("staff1", "/api/v1/notifications?size=200&lang=en").json().toString())
			.contains("has been taken up", "has been dealt with");
	}

	@Test
	void aPsychCommitteeStudentHearsTheirReportWasTakenUpWithNothingToOpen() {
		Api api = new Api(port);
		long classmate = jdbc.sql("""
				select s.id from student s
				 where s.class_id = (select class_id from post where user_id = :u and role = 'PSYCH_COMMITTEE')
				   and s.id <> (select student_id from app_user where id = :u)
				   and not exists (select 1 from warning_report w where w.student_id = s.id)
				 order by s.id desc limit 1""")
			.param("u", user("committee1")).query(Long.class).single();
		Api.Response concern = api.post("committee1", "/api/v1/concern-reports",
				Map.of("studentId", classmate, "signs", List.of(6), "description", "把自己的东西都送给了同学"));
		assertThat(concern.status()).isEqualTo(201);
		long reportId = jdbc.sql("select warning_report_id from concern_report where id = :id")
			.param("id", concern.json().get("id").asLong()).query(Long.class).single();
		assertThat(api.post("psych1", "/api/v1/warning-reports/" + reportId + "/take-up", Map.of()).status())
			.isEqualTo(200);

		JsonNode notice = notice("committee1", "REPORT_TAKEN_UP", reportId);
		assertThat(notice.get("link").isNull()).isTrue();
		assertThat(notice.get("title").asString()).matches("您在 .+ 提交的报告已受理");
		String inbox = PageClient.login(port, "committee1").get("/notifications").body();
		assertThat(inbox).contains("提交的报告已受理").doesNotContain(name(classmate), "送给了同学");
		close(reportId);
	}

	/** The reporter's newest notice of that kind, which must concern a report they made at about that time. */
	private JsonNode notice(String username, String kind, long reportId) {
		long id = jdbc.sql("select max(id) from notification where user_id = :u and kind = :k")
			.param("u", user(username)).param("k", kind).query(Long.class).single();
		JsonNode page = new Api(port).get(username, "/api/v1/notifications?size=200").json();
		return page.get("items").valueStream().filter(i -> i.get("id").asLong() == id).findFirst().orElseThrow();
	}

	@Test
	void theOpenQueuePollsCheaplyAndHighlightsANewUrgentReport() {
		PageClient psych = PageClient.login(port, "psych1");
		String page = psych.get("/warnings").body();
		Matcher v = VERSION.matcher(page);
		Matcher since = SINCE.matcher(page);
		assertThat(v.find() && since.find()).isTrue();
		String poll = "/warnings/rows?status=OPEN&page=0&since=" + since.group(1) + "&v=";
		long audited = queueReads();
		PageClient.Page unchanged = psych.get(poll + v.group(1));
		assertThat(unchanged.status()).isEqualTo(204);
		assertThat(queueReads()).isEqualTo(audited);

		long reportId = report(head(), freshStudent(), 1);
		PageClient.Page changed = psych.get(poll + v.group(1));
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.header("X-Queue-Version")).isNotBlank().isNotEqualTo(v.group(1));
		assertThat(changed.body()).contains("id=\"warning-queue-rows\"");
		assertThat(changed.body()).containsPattern("<a class=\"[^\"]*\\bmg-new\"[^>]*id=\"warning-row-" + reportId + "\"");
		// reports that were there before the page opened are not new
		assertThat(Pattern.compile("\\bmg-new\"").matcher(changed.body()).results().count()).isEqualTo(1);
		assertThat(queueReads()).isEqualTo(audited + 1);
		assertThat(psych.get(poll + changed.header("X-Queue-Version")).status()).isEqualTo(204);

		assertThat(psych.get("/warnings/rows?status=BOGUS").status()).isEqualTo(400);
		close(reportId);
	}

	private long queueReads() {
		return jdbc.sql("select count(*) from audit_event where action = 'WARNING_QUEUE_READ' and user_id = :u")
			.param("u", user("psych1")).query(Long.class).single();
	}
}
