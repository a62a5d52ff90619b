package org.mindgrid.demo;

import java.util.List;
import java.util.Map;

import org.mindgrid.identity.ActingAs;
import org.mindgrid.observation.ObservationCommand;
import org.mindgrid.observation.Observations;
import org.mindgrid.warning.CasePlan;
import org.mindgrid.warning.Cases;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo caseload of psych1 (issue 8 point 12): cases in different states and categories, each begun by an
 * observation and carried through the same module APIs a teacher uses, so that history, duties and audit are real.
 */
@Component
class DemoCases {

	private final JdbcClient jdbc;

	private final ActingAs acting;

	private final Observations observations;

	private final Cases cases;

	DemoCases(JdbcClient jdbc, ActingAs acting, Observations observations, Cases cases) {
		this.jdbc = jdbc;
		this.acting = acting;
		this.observations = observations;
		this.cases = cases;
	}

	void load() {
		List<Long> head1Class = students("""
				select s.id from student s join post p on p.class_id = s.class_id join app_user u on u.id = p.user_id
				 join mentor_assignment ma on ma.student_id = s.id join app_user m on m.id = ma.mentor_user_id
				 where u.username = 'head1' and p.role = 'HEAD_TEACHER' and m.username = 'mentor1'
				 order by s.id limit 2""");
		List<Long> others = students("""
				select s.id from student s join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
				 join school sc on sc.id = s.school_id
				 where sc.name = '海曙区实验学校' and g.level in (7, 9) and c.name = '1班' order by g.level, s.id limit 4""");
		long hospital = hospital();

		// 1. family stage, category 2 — a student of mentor1's in head1's class
		long family = open(head1Class.get(0), "head1", List.of(1, 4), "课间说“活着没意思”，最近常一个人发呆");
		assess(family, 2, "有消极念头，无具体计划；父母离异后情绪低落");
		act(family, "categorize", Map.of("category", 2, "members", "孙建平、林若曦、王建华",
				"evidence", List.of("interview", "observation")));
		plan(family, "父母离异后情绪低落，偶有消极言语", "情绪稳定，重建同伴支持");
		act(family, "record-session", Map.of("summary", "谈及与母亲的矛盾，愿意每周来心理辅导室", "riskChange", "same"));
		act(family, "notify-family", Map.of("guardianName", "学生母亲", "behaviourObserved", "多次流露消极念头，独处发呆",
				"guardianOpinion", "同意配合学校，考虑就医", "guardianSigned", true));
		act(family, "hold-meeting", Map.of("minutes", "学校、家长、班主任、心理教师会谈，家长同意先到康宁医院门诊评估",
				"members", "孙建平、林若曦、王建华、学生母亲", "parentsSigned", true));

		// 2. referred, category 3, green channel booked
		long referred = open(others.get(0), "principal1", List.of(1, 6), "日记中写有告别的话，把心爱的东西送给同学");
		assess(referred, 3, "有自杀意念和告别行为，需立即转介");
		act(referred, "categorize", Map.of("category", 3, "members", "孙建平、林若曦", "evidence", List.of("interview")));
		plan(referred, "告别行为，自杀风险高", "尽快规范就医，保证在校安全");
		act(referred, "notify-family", Map.of("behaviourObserved", "写告别的话，送出心爱物品", "guardianSigned", true));
		act(referred, "hold-meeting", Map.of("minutes", "家长同意转介，当日预约绿色通道", "parentsSigned", true));
		act(referred, "refer", Map.of("hospitalId", hospital, "department", "儿童青少年心理门诊"));
		act(referred, "book-green-channel", Map.of("service", "clinic", "status", "booked"));

		// 3. on leave after a diagnosis
		long leave = open(others.get(1), "principal1", List.of(1), "说“我想消失”，近两周失眠、拒绝进食");
		assess(leave, 3, "抑郁症状明显，有自杀意念");
		act(leave, "categorize", Map.of("category", 3, "evidence", List.of("interview", "home-contact")));
		act(leave, "notify-family", Map.of("guardianSigned", true));
		act(leave, "refer", Map.of("hospitalId", hospital));
		act(leave, "record-diagnosis", Map.of("diagnosis", "抑郁发作（中度），建议休学治疗"));
		act(leave, "start-leave", Map.of("kind", "sick-leave", "contactEveryDays", 14));
		act(leave, "record-contact", Map.of("with", "学生父亲", "summary", "按时服药，睡眠好转", "channel", "phone"));

		// 4. back from leave, the team reviews the return
		long back = open(others.get(2), "principal1", List.of(6), "家长反映孩子在家有自伤行为");
		assess(back, 3, "既往自伤，需医疗干预");
		act(back, "categorize", Map.of("category", 3));
		act(back, "notify-family", Map.of("guardianSigned", true));
		act(back, "refer", Map.of("hospitalId", hospital));
		act(back, "record-diagnosis", Map.of("diagnosis", "焦虑障碍，药物治疗中"));
		act(back, "start-leave", Map.of("kind", "suspension"));
		act(back, "apply-return", Map.of("note", "家长提交复学申请及康宁医院复学证明"));

		// 5. parents refused referral: contract and commitment, stays in watch
		long stays = open(head1Class.get(1), "head1", List.of(4, 9), "成绩骤降，和同学冲突后说不想上学了");
		assess(stays, 2, "情绪问题明显，家长不同意就医");
		act(stays, "categorize", Map.of("category", 2));
		act(stays, "notify-family", Map.of("guardianOpinion", "不同意转介，坚持在校学习"));
		act(stays, "sign-contract", Map.of("contractSigned", true, "commitmentSigned", true,
				"contacts", List.of(Map.of("name", "学生母亲", "relation", "母亲", "phone", "139****0000"),
						Map.of("name", "王建华", "relation", "班主任", "phone", "学校总机"),
						Map.of("name", "林若曦", "relation", "心理教师", "phone", "学校总机"))));
		plan(stays, "家长拒绝转介，签订契约书与承诺书", "班主任每日关注，心理教师每周约谈");

		// 6. a fresh urgent report, not yet assessed: the queue's first item
		open(others.get(3), "principal1", List.of(1), "在走廊说“不想活了”");
	}

	private long open(long studentId, String observer, List<Integer> signs, String notes) {
		acting.run(observer, () -> observations.record(new ObservationCommand(studentId, null, signs, List.of(), null,
				null, "HIGH", false, null, notes)));
		return cases.openCaseOf(studentId).orElseThrow();
	}

	private void assess(long caseId, int category, String summary) {
		act(caseId, "assess", Map.of("summary", summary, "proposedCategory", category, "interviewed", "学生本人",
				"suicideThoughts", category >= 2 ? "yes" : "no", "suicidePlan", "no", "pastAttempts", "no"));
	}

	private void plan(long caseId, String situation, String goals) {
		acting.run("psych1", () -> cases.savePlan(caseId, 0, new CasePlan(situation, goals, List.of(
				new CasePlan.Measure(null, "CLASS", "课间关注情绪和同伴关系", "MENTOR", "每天"),
				new CasePlan.Measure(null, "CLASS", "记录每日表现，异常即报", "HEAD_TEACHER", "每天"),
				new CasePlan.Measure(null, "SCHOOL", "每周一次定期约谈", "PSYCH_TEACHER", "每周"),
				new CasePlan.Measure(null, "FAMILY", "家长每周反馈在家情况", "PARENTS", "每周")), "每周", null)));
	}

	private void act(long caseId, String action, Map<String, Object> details) {
		acting.run("psych1", () -> cases.act(caseId, action, details));
	}

	private long hospital() {
		return jdbc.sql("select id from hospital where green_channel order by id limit 1").query(Long.class).optional()
			.orElseGet(() -> jdbc.sql("""
					insert into hospital (name, departments, address, phone, green_channel)
					values ('宁波市康宁医院', '儿童青少年心理门诊', '镇海区庄市街道庄俞南路1号', '0574-87085151', true)
					returning id""").query(Long.class).single());
	}

	private List<Long> students(String sql) {
		return jdbc.sql(sql).query(Long.class).list();
	}
}
