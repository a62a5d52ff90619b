package org.mindgrid.counselling;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.mindgrid.identity.ActingAs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo data (ADR 0036), through the module's services: in school 1 a psychology teacher's appointment for the
 * caseload student of 七年级（1）班 tomorrow at 10:00 with one session already held, a request of the head teacher
 * of 八年级（1）班 waiting in the calendar, and an emotion-management group of four with its first session.
 */
@Component
public class CounsellingDemoData {

	private final JdbcClient jdbc;

	private final ActingAs acting;

	private final Appointments appointments;

	private final CounsellingRecords records;

	private final Clock clock;

	CounsellingDemoData(JdbcClient jdbc, ActingAs acting, Appointments appointments, CounsellingRecords records,
			Clock clock) {
		this.jdbc = jdbc;
		this.acting = acting;
		this.appointments = appointments;
		this.records = records;
		this.clock = clock;
	}

	public void load() {
		List<Long> seventh = students(7);
		List<Long> eighth = students(8);
		if (seventh.size() < 4 || eighth.isEmpty()) {
			return;
		}
		LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
		acting.run("psych1", () -> {
			appointments.request(seventh.get(0), "EMOTION", "课间或午休", null, new Appointments.StepInput(null,
					tomorrow.atTime(LocalTime.of(10, 0)).atZone(clock.getZone()).toInstant(), 40, null, null));
			records.session(new CounsellingRecords.NewSession(seventh.get(0), null,
					clock.instant().minus(Duration.ofDays(7)), 40, "建立关系，了解近期情绪低落的起因", "倾听、情绪温度计",
					"学生谈到期中考试后自我评价低，愿意每周来一次", "记录每天让自己开心的一件小事", "期中考试后情绪低落，与同学交往减少",
					"单亲家庭，与母亲、外婆同住", null, null));
			CounsellingRecords.Group g = records.newGroup("七年级情绪管理小组", "认识情绪、学习放松与求助",
					seventh.subList(0, 4));
			records.session(new CounsellingRecords.NewSession(null, g.id(), clock.instant().minus(Duration.ofDays(3)),
					45, "相互认识，约定团体规则", "暖身游戏、情绪卡片", "成员都发言了，气氛逐渐放松", null, null, null, null,
					List.of(new CounsellingRecords.AttendanceInput(seventh.get(0), true, "较安静，愿意分享一张卡片"),
							new CounsellingRecords.AttendanceInput(seventh.get(1), true, "积极"))));
			return null;
		});
		acting.run("head1", () -> appointments.request(eighth.get(0), "STUDY", "周三下午第三节课后", "最近考试焦虑，晚上睡不好",
				null));
	}

	private List<Long> students(int level) {
		return jdbc.sql("""
				select s.id from student s join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
				  join school sc on sc.id = s.school_id
				 where sc.name = '海曙区实验学校' and g.level = :level and c.name = '1班' order by s.id limit 4""")
			.param("level", level).query(Long.class).list();
	}
}
