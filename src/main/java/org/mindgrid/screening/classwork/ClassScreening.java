package org.mindgrid.screening.classwork;

import java.sql.Array;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Role;
import org.mindgrid.screening.campaigns.CampaignViews.CampaignClass;
import org.mindgrid.screening.campaigns.CampaignViews.CampaignView;
import org.mindgrid.screening.campaigns.CampaignViews.InvitedStudent;
import org.mindgrid.screening.campaigns.Campaigns;
import org.mindgrid.screening.scales.Scale;
import org.mindgrid.screening.scales.ScaleMode;
import org.mindgrid.screening.sessions.Responses;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the head teacher's class page of a campaign reads: the class's invited students with their consent, the
 * campaign's scales for the class's grade, each student's saved answers and results. Writes go through the core
 * ({@link Campaigns#consent}, {@code Ratings}); only reads are SQL here.
 *
 * <p>Who may open it: the head teacher of the class and the school's psychology teachers. Anybody else who may list
 * the class's students (a mentor, a subject teacher, a leader) is refused with 403; a stranger to the class (another
 * school, the head teacher of another class) gets 404, as if it did not exist.
 */
@Service
public class ClassScreening {

	private final JdbcClient jdbc;

	private final CurrentUsers users;

	private final Campaigns campaigns;

	private final Responses responses;

	ClassScreening(JdbcClient jdbc, CurrentUsers users, Campaigns campaigns, Responses responses) {
		this.jdbc = jdbc;
		this.users = users;
		this.campaigns = campaigns;
		this.responses = responses;
	}

	/** A student's row: consent, then per scale what was saved and, once submitted, the result. */
	public record StudentRow(InvitedStudent student, Map<String, Map<Integer, Integer>> answers,
			Map<String, Result> results) {

		public boolean consented() {
			return Boolean.TRUE.equals(student.consent());
		}

		public boolean refused() {
			return Boolean.FALSE.equals(student.consent());
		}

		public Map<Integer, Integer> answersOf(String scaleId) {
			return answers.getOrDefault(scaleId, Map.of());
		}

		public int answered(String scaleId) {
			return answersOf(scaleId).size();
		}

		public Result result(String scaleId) {
			return results.get(scaleId);
		}

		public boolean submitted(String scaleId) {
			return results.containsKey(scaleId);
		}
	}

	/** A submitted scale's score as stored. */
	public record Result(double total, String band, List<String> flags, Instant scoredAt) {
	}

	public record Counts(int invited, int consented, int refused, int pending) {
	}

	public record ClassPage(CampaignView campaign, CampaignClass schoolClass, List<Scale> scales,
			List<RatingGrid> grids, List<StudentRow> students, Counts counts) {

		public Optional<StudentRow> student(long studentId) {
			return students.stream().filter(s -> s.student().studentId() == studentId).findFirst();
		}
	}

	/** The campaign and class, after the access check; 404/403 as described on the class. */
	public CampaignClass require(long campaignId, long classId) {
		CurrentUser user = users.current();
		CampaignView campaign = campaigns.load(campaignId)
			.orElseThrow(() -> ApiProblem.notFound("screening.campaign.not-found"));
		CampaignClass schoolClass = campaign.classes()
			.stream()
			.filter(c -> c.classId() == classId)
			.findFirst()
			.orElse(null);
		boolean psych = user.hasRoleAtSchool(campaign.schoolId(), Role.PSYCH_TEACHER);
		boolean head = user.hasRoleInClass(classId, Role.HEAD_TEACHER);
		if (schoolClass != null && (psych || head)) {
			campaigns.requireClassWorker(campaignId, classId);
			return schoolClass;
		}
		if (schoolClass != null && seesClass(user, classId)) {
			throw ApiProblem.forbidden("classwork.forbidden");
		}
		throw ApiProblem.notFound("classwork.not-found");
	}

	private boolean seesClass(CurrentUser user, long classId) {
		return jdbc.sql("""
				select exists (select 1 from student s join student_access sa on sa.student_id = s.id
				                where s.class_id = :k and sa.user_id = :u)""")
			.param("k", classId)
			.param("u", user.id())
			.query(Boolean.class)
			.single();
	}

	public ClassPage page(long campaignId, long classId) {
		CampaignClass schoolClass = require(campaignId, classId);
		CampaignView campaign = campaigns.load(campaignId).orElseThrow();
		List<Scale> scales = responses.scalesFor(campaignId, schoolClass.gradeLevel());
		List<RatingGrid> grids = scales.stream()
			.filter(s -> s.mode() == ScaleMode.OBSERVER)
			.map(s -> RatingGrid.of(s, LocaleContextHolder.getLocale()))
			.toList();
		List<InvitedStudent> invited = campaigns.invited(campaignId, classId);
		Map<Long, Map<String, Map<Integer, Integer>>> answers = new HashMap<>();
		jdbc.sql("""
				select student_id, scale_id, answers::text from screening_response
				 where campaign_id = :c and class_id = :k""")
			.param("c", campaignId)
			.param("k", classId)
			.query(rs -> {
				answers.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
					.put(rs.getString(2), AnswerJson.parse(rs.getString(3)));
			});
		Map<Long, Map<String, Result>> results = new HashMap<>();
		jdbc.sql("""
				select student_id, scale_id, total, band, flags, scored_at from screening_result
				 where campaign_id = :c and class_id = :k""")
			.param("c", campaignId)
			.param("k", classId)
			.query(rs -> {
				Array flags = rs.getArray(5);
				List<String> list = new ArrayList<>();
				if (flags != null) {
					for (Object f : (Object[]) flags.getArray()) {
						list.add(String.valueOf(f));
					}
				}
				results.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
					.put(rs.getString(2), new Result(rs.getDouble(3), rs.getString(4), List.copyOf(list),
							rs.getTimestamp(6).toInstant()));
			});
		List<StudentRow> rows = invited.stream()
			.map(s -> new StudentRow(s, answers.getOrDefault(s.studentId(), Map.of()),
					results.getOrDefault(s.studentId(), Map.of())))
			.toList();
		int consented = (int) rows.stream().filter(StudentRow::consented).count();
		int refused = (int) rows.stream().filter(StudentRow::refused).count();
		return new ClassPage(campaign, schoolClass, scales, grids, rows,
				new Counts(rows.size(), consented, refused, rows.size() - consented - refused));
	}

	/** The invited student of this class, or 404 (a student of another class through this class's address). */
	public InvitedStudent studentOf(long campaignId, long classId, long studentId) {
		require(campaignId, classId);
		return campaigns.invited(campaignId, classId)
			.stream()
			.filter(s -> s.studentId() == studentId)
			.findFirst()
			.orElseThrow(() -> ApiProblem.notFound("classwork.student.not-in-class"));
	}
}
