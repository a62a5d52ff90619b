package org.mindgrid.forms;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.mindgrid.identity.ActingAs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo data (issue 13): the workbook of the first student of school 1's 七年级（1）班 (a student of the demo's
 * caseload), filled through the module's own service as the psychology teacher: three months of emotion tracking,
 * the attention ledger, a family interview and the safety commitment.
 */
@Component
public class FormsDemoData {

	private final JdbcClient jdbc;

	private final ActingAs acting;

	private final FormRecords records;

	private final Clock clock;

	FormsDemoData(JdbcClient jdbc, ActingAs acting, FormRecords records, Clock clock) {
		this.jdbc = jdbc;
		this.acting = acting;
		this.records = records;
		this.clock = clock;
	}

	public void load() {
		Long student = jdbc.sql("""
				select s.id from student s join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
				  join school sc on sc.id = s.school_id
				 where sc.name = '海曙区实验学校' and g.level = 7 and c.name = '1班' order by s.id limit 1""")
			.query(Long.class).optional().orElse(null);
		if (student == null) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		acting.run("psych1", () -> {
			String[] moods = { "fluctuating", "low", "stable" };
			for (int i = 0; i < 3; i++) {
				LocalDate month = today.minusMonths(3 - i).withDayOfMonth(20);
				records.create(student, "emotion_monthly", Map.of("month", month.toString().substring(0, 7),
						"recorded_on", month.toString(), "mood", moods[i], "mood_rating", i == 1 ? 2 : 3,
						"signs", i == 1 ? List.of("withdrawn", "self_critical") : List.of("none"),
						"action", i == 1 ? "referred_psych" : "talked", "recorder", "林若曦",
						"events", i == 1 ? "期中考试后情绪低落，与同学交往减少" : "本月情绪总体平稳"));
			}
			records.create(student, "attention_ledger", Map.of("noted_on", today.minusMonths(2).toString(),
					"source", "observation", "level", "close", "situation", "近两周上课常趴桌，独来独往",
					"measures", "心导师每周谈心一次，班主任与家长保持联系", "next_review", today.plusDays(14).toString(),
					"recorder", "林若曦"));
			records.create(student, "family_interview", Map.of("held_on", today.minusMonths(2).plusDays(3).toString(),
					"place", "心理辅导室", "interviewees", List.of(Map.of("relation", "母亲"), Map.of("relation", "外婆")),
					"structure", "single_parent", "parents_relationship", "separated", "parenting_style", "permissive",
					"concerns", "孩子回家后很少说话，晚上玩手机到很晚", "measures", "约定晚上十点收手机；每周五与班主任电话沟通",
					"interviewer", "林若曦"));
			records.create(student, "safety_commitment", Map.of("version", "student", "signed_on",
					today.minusMonths(2).plusDays(5).toString(), "items", List.of("seek_help", "no_harm", "tell_adult"),
					"signer", "（学生签名）", "witness", "林若曦"));
			return null;
		});
	}
}
