package org.mindgrid.crisis;

import java.util.HashMap;
import java.util.Map;

import org.mindgrid.crisis.events.CrisisEvents;
import org.mindgrid.crisis.events.CrisisReports;
import org.mindgrid.identity.ActingAs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo data (issue 10): two events of school 1, recorded through the module's own services as the demo's people.
 * One is handled and closed: the five first-time actions, the 1-hour report acknowledged by the district,
 * aftercare, a follow-up duty and cooperation with the health bureau, on the student referred to the green channel.
 * The district has reviewed it (复盘) and closed the review with findings and two actions. The other was just raised
 * by a subject teacher for a student not known yet, so its clock runs on first login.
 */
@Component
public class CrisisDemoData {

	private final JdbcClient jdbc;

	private final ActingAs acting;

	private final CrisisEvents events;

	private final CrisisReports reports;

	private final org.mindgrid.crisis.review.CrisisReviews reviews;

	CrisisDemoData(JdbcClient jdbc, ActingAs acting, CrisisEvents events, CrisisReports reports,
			org.mindgrid.crisis.review.CrisisReviews reviews) {
		this.reviews = reviews;
		this.jdbc = jdbc;
		this.acting = acting;
		this.events = events;
		this.reports = reports;
	}

	/** Answers the id of the closed, reviewed event. */
	public long load() {
		long student = jdbc.sql("""
				select wc.student_id from warning_case wc join school sc on sc.id = wc.school_id
				 where sc.name = '海曙区实验学校' and wc.state = 'REFERRED' order by wc.id limit 1""")
			.query(Long.class).single();
		long headTeacher = jdbc.sql("""
				select p.user_id from post p join student s on s.class_id = p.class_id
				 where s.id = :s and p.role = 'HEAD_TEACHER' order by p.user_id limit 1""")
			.param("s", student).query(Long.class).single();
		long id = acting.run("psych1", () -> events.raise(new CrisisEvents.RaiseInput(student, null, "SELF_HARM", null,
				"教学楼三楼女卫生间", "午休时同学发现其用美工刀划伤左前臂，出血不多，意识清醒，情绪激动。")).id());
		act("principal1", id, Map.of("action", "call-doctor", "note", "校医 3 分钟到场止血包扎"));
		act("principal1", id, Map.of("action", "notify-parents", "note", "电话联系母亲，15 分钟后到校"));
		act("psych1", id, Map.of("action", "send-to-hospital", "note", "校医与班主任陪同送宁波市康宁医院急诊"));
		act("psych1", id, Map.of("action", "not-applicable", "step", "inform-police", "reason", "自伤，无他人伤害及违法情形"));
		acting.run("psych1", () -> reports.submit(id, new HashMap<>(Map.of(
				"whatHappened", "午休时学生在教学楼三楼女卫生间用美工刀划伤左前臂，同学发现后报告老师，校医到场处置。",
				"currentState", "已送医处置，伤口浅表，生命体征平稳；家长陪同。", "contactPerson", "林若曦",
				"contactPhone", "0574-87000001"))));
		long reportId = jdbc.sql("select id from crisis_report where event_id = :e and kind = 'INITIAL'")
			.param("e", id).query(Long.class).single();
		acting.run("district", () -> reports.acknowledge(id, reportId));
		act("psych1", id, Map.of("action", "aftercare", "personKind", "STUDENT", "person", "发现的两名同学",
				"givenBy", "林若曦", "what", "当日下午团体心理疏导，讲解应激反应，约定次日再谈"));
		act("psych1", id, Map.of("action", "aftercare", "personKind", "FAMILY", "person", "学生母亲",
				"givenBy", "林若曦", "what", "陪同就医，说明后续就诊与在家看护要点"));
		act("psych1", id, Map.of("action", "follow-up", "relation", "CLOSE_FRIEND", "person", "同桌（好友）",
				"assigneeUserId", headTeacher, "dueOn", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
					.plusDays(7).toString(), "note", "一周内每日关注情绪，异常即报"));
		act("principal1", id, Map.of("action", "cooperation", "department", "HEALTH",
				"note", "与康宁医院绿色通道对接，安排次日门诊复诊"));
		acting.run("psych1", () -> reports.submit(id, new HashMap<>(Map.of(
				"currentState", "门诊处理后返家，次日复诊；学校已安排同伴关注与家校每日联系。"))));
		act("psych1", id, Map.of("action", "close", "note", "现场处置结束，转入个案跟踪"));

		review(id);

		acting.run("staff1", () -> events.raise(new CrisisEvents.RaiseInput(null, "七年级男生，午休后未回教室，穿校服",
				"MISSING", null, "校园内", "下午第一节课点名未到，同学说午休后去了操场方向。")));
		return id;
	}

	/** The district's review of the handled event, closed: its findings reach the school, its actions are duties. */
	private void review(long eventId) {
		long principal = jdbc.sql("select id from app_user where username = 'principal1'").query(Long.class).single();
		long psych = jdbc.sql("select id from app_user where username = 'psych1'").query(Long.class).single();
		var today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		acting.run("district", () -> reviews.save(eventId, new HashMap<>(Map.of(
				"findings", "学生此前已列入重点学生预警库（三类）并转介绿色通道；事件发生后五个第一时间均已完成，1 小时报告按时提交。"
						+ "倒查发现：本学期（2026学年第一学期）没有心导师与该生的谈心谈话记录，每学期至少一次谈心的要求未落实。"
						+ "转介后须在 14 天内跟进诊断反馈。",
				"responsibility", java.util.List.of(
						Map.of("role", "心导师", "person", "本班心导师", "finding", "本学期未开展谈心谈话"),
						Map.of("role", "心理教师", "person", "林若曦", "finding", "转介及时；须跟进诊断反馈"),
						Map.of("role", "学校领导", "person", "孙建平", "finding", "危机处置及时、报告规范")),
				"actions", java.util.List.of(
						Map.of("what", "一周内组织全体心导师完成本学期谈心谈话并补录台账", "ownerUserId", principal,
								"dueOn", today.plusDays(7).toString()),
						Map.of("what", "与家长、康宁医院核实诊断结果并录入个案", "ownerUserId", psych,
								"dueOn", today.plusDays(3).toString())),
				"close", true))));
	}

	private void act(String user, long eventId, Map<String, Object> body) {
		acting.run(user, () -> events.act(eventId, new HashMap<>(body)));
	}
}
