package org.mindgrid.notification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications written before ADR 0019 held Chinese sentences: the migration turns each known title into its
 * message key with the arguments recovered from what it links to, and keeps any other title as it was.
 */
class NotificationCodesMigrationIntegrationTests {

	private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-01T02:00:00Z");

	@Test
	void storedTitlesBecomeCodesThatReadInEitherLanguage() throws Exception {
		Path dir = Files.createTempDirectory("mindgrid-notification-migration");
		try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
			.setOverrideWorkingDirectory(dir.toFile())
			.setDataDirectory(dir.resolve("pg"))
			.start()) {
			DataSource ds = pg.getPostgresDatabase();
			// The schema before issue 7's notification codes.
			Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("20261201.1551").load().migrate();
			JdbcClient jdbc = JdbcClient.create(ds);
			long city = id(jdbc, "insert into city (name) values ('宁波市') returning id");
			long district = id(jdbc, "insert into district (city_id, name) values (" + city + ", '海曙区') returning id");
			long school = id(jdbc, "insert into school (district_id, name, stage) values (" + district
					+ ", '实验学校', 'JUNIOR') returning id");
			long grade = id(jdbc, "insert into grade (school_id, level, name) values (" + school + ", 8, '八年级') returning id");
			long klass = id(jdbc, "insert into school_class (school_id, grade_id, name) values (" + school + ", " + grade
					+ ", '3班') returning id");
			long student = id(jdbc, "insert into student (school_id, class_id, student_no, name, gender, birth_date) values ("
					+ school + ", " + klass + ", '2026001', '张小明', 'M', '2012-05-01') returning id");
			long user = id(jdbc, "insert into app_user (username, display_name, password_hash) values ('psych', '林老师', 'x') returning id");
			long report = id(jdbc, "insert into warning_report (student_id, school_id, source_kind, urgency, due_at, raised_by, raised_at)"
					+ " values (" + student + ", " + school + ", 'OBSERVATION', 'URGENT', '2026-12-01T04:00:00Z', " + user
					+ ", '2026-12-01T02:00:00Z') returning id");
			long duty = id(jdbc, "insert into duty (kind, school_id, student_id, class_id, assignee_user_id, due_at, created_at)"
					+ " values ('ASSESSMENT', " + school + ", " + student + ", " + klass + ", " + user
					+ ", '2026-12-01T04:00:00Z', '2026-12-01T02:00:00Z') returning id");
			long urgent = legacy(jdbc, user, "WARNING_REPORT", "【紧急】新的预警报告，需在 2 小时内完成一对一评估", "/warnings/" + report);
			long concern = legacy(jdbc, user, "CONCERN_REPORT", "心理委员提交了一份关注报告，请查看", "/students/" + student);
			long overdue = legacy(jdbc, user, "DUTY_OVERDUE", "【待办逾期】本班有一项一对一评估已逾期，请督促跟进", "/duties/" + duty);
			long refusals = legacy(jdbc, user, "ACCESS_REFUSALS",
					"安全提醒：赵老师（zhao）在 1 分钟内有 11 次访问学生信息被拒绝，请查看安全事件。", "/schools/1/security-events?user=9");
			long other = legacy(jdbc, user, "TEST", "一条旧消息", "/duties");

			Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();

			assertThat(jdbc.sql("select count(*) from notification where message_key is null").query(Long.class).single())
				.isZero();
			assertThat(key(jdbc, urgent)).isEqualTo("notification.warning.new.urgent");
			assertThat(key(jdbc, concern)).isEqualTo("notification.concern");
			assertThat(key(jdbc, overdue)).isEqualTo("duty.notify.overdue.head");
			assertThat(key(jdbc, refusals)).isEqualTo("audit.refusals.notify");
			assertThat(key(jdbc, other)).isEqualTo("notification.legacy");

			ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
			bundles.setBasenames("i18n/notification", "i18n/duty", "i18n/audit", "i18n/observation");
			bundles.setDefaultEncoding("UTF-8");
			bundles.setFallbackToSystemLocale(false);
			NoticeTexts texts = new NoticeTexts(bundles, jdbc,
					Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneId.of("Asia/Shanghai")));
			Locale zh = Locale.SIMPLIFIED_CHINESE;
			assertThat(texts.titleOf(urgent, zh)).isEqualTo("【紧急】八年级（3）班有新的预警报告，请在 12月1日 12:00 前完成一对一评估");
			assertThat(texts.titleOf(urgent, Locale.ENGLISH))
				.isEqualTo("[Urgent] New warning report in grade 8 class 3: one-to-one assessment due by 12-01 12:00");
			assertThat(texts.titleOf(concern, zh)).isEqualTo("八年级（3）班的心理委员提交了一份关注报告，请查看");
			assertThat(texts.titleOf(overdue, zh)).isEqualTo("【待办逾期】本班有一项一对一评估已逾期，请督促跟进");
			assertThat(texts.titleOf(overdue, Locale.ENGLISH)).startsWith("[Overdue] A 1-on-1 assessment").doesNotContainPattern("\\p{IsHan}");
			assertThat(texts.titleOf(refusals, zh)).isEqualTo("安全提醒：赵老师（zhao）在 1 分钟内有 11 次访问学生信息被拒绝，请查看安全事件。");
			assertThat(texts.titleOf(refusals, Locale.ENGLISH)).startsWith("Security alert: 赵老师 (zhao) was refused 11 times within 1 minute");
			assertThat(texts.titleOf(other, Locale.ENGLISH)).isEqualTo("一条旧消息");
			assertThat(jdbc.sql("select args::text from notification where id = :id").param("id", urgent)
				.query(String.class).single()).doesNotContain("张小明");
		}
		finally {
			FileSystemUtils.deleteRecursively(dir);
		}
	}

	private static long id(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static long legacy(JdbcClient jdbc, long user, String kind, String title, String link) {
		return jdbc.sql("""
				insert into notification (user_id, kind, title, link, created_at)
				values (:u, :k, :t, :l, :at) returning id""")
			.param("u", user).param("k", kind).param("t", title).param("l", link).param("at", AT)
			.query(Long.class).single();
	}

	private static String key(JdbcClient jdbc, long id) {
		return jdbc.sql("select message_key from notification where id = :id").param("id", id).query(String.class).single();
	}

}
