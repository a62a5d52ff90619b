package org.mindgrid.screening.sessions;

import java.time.Instant;

/** A student's place in a campaign, as the code endpoints find it. */
record Invite(long campaignId, long studentId, long schoolId, long classId, int gradeLevel, String studentName,
		String className, String campaignName, Instant opensAt, Instant closesAt, Boolean consent,
		Instant consentAt) {

	static final String SELECT = """
			select i.campaign_id, i.student_id, i.school_id, i.class_id, i.grade_level, s.name,
			       g.name || '（' || replace(k.name, '班', '') || '）班', c.name, c.opens_at, c.closes_at, i.consent,
			       i.consent_at
			  from screening_invite i join screening_campaign c on c.id = i.campaign_id
			  join student s on s.id = i.student_id join school_class k on k.id = i.class_id
			  join grade g on g.id = k.grade_id""";

	static Invite map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Invite(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getInt(5), rs.getString(6),
				rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant(),
				(Boolean) rs.getObject(11), rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant());
	}

	boolean openAt(Instant now) {
		return !now.isBefore(opensAt) && now.isBefore(closesAt);
	}

	/** 张三 → 张*; 欧阳娜娜 → 欧**娜: enough for a student to know it is their slip, little for anyone else. */
	String maskedName() {
		int[] cps = studentName.codePoints().toArray();
		if (cps.length <= 1) {
			return studentName;
		}
		StringBuilder b = new StringBuilder().appendCodePoint(cps[0]);
		for (int i = 1; i < cps.length; i++) {
			b.append(i == cps.length - 1 && cps.length > 2 ? new String(cps, i, 1) : "*");
		}
		return b.toString();
	}
}
