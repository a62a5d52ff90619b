package org.mindgrid.screening.results;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.student.Students;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;


/** The growth archive's screening history: whoever may read the student's archive reads it; audited. */
@Service
public class Results {

	private final JdbcClient jdbc;

	private final Students students;

	private final AuditLog audit;

	Results(JdbcClient jdbc, Students students, AuditLog audit) {
		this.jdbc = jdbc;
		this.students = students;
		this.audit = audit;
	}

	public record StudentScreening(long campaignId, String campaignName, String scaleId, double total, String band,
			Map<String, Double> factors, Map<String, String> factorBands, List<String> flags, Instant scoredAt) {
	}

	public List<StudentScreening> forStudent(long studentId) {
		students.requireArchiveReader(studentId);
		List<StudentScreening> list = jdbc.sql("""
				select r.campaign_id, c.name, r.scale_id, r.total, r.band, r.factors::text, r.factor_bands::text, r.flags,
				       r.scored_at
				  from screening_result r join screening_campaign c on c.id = r.campaign_id
				 where r.student_id = :s order by r.scored_at desc, r.id desc""")
			.param("s", studentId)
			.query((rs, i) -> new StudentScreening(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
					rs.getString(5), ScoreJson.scores(rs.getString(6)), ScoreJson.bands(rs.getString(7)), List.of((String[]) rs.getArray(8).getArray()), rs.getTimestamp(9).toInstant()))
			.list();
		audit.record("SCREENINGS_READ", "student/" + studentId + "/screenings", studentId, list.size() + " results");
		return list;
	}
}
