package org.mindgrid.screening.campaigns;

import java.time.Instant;
import java.util.List;

/** What the campaign API and pages answer. */
public final class CampaignViews {

	private CampaignViews() {
	}

	/** A scale of the campaign and the grades (1–12) that get it. */
	public record CampaignScale(String scaleId, int gradeFrom, int gradeTo) {
	}

	public record CampaignClass(long classId, String className, int gradeLevel, String sessionCode) {
	}

	public record CampaignView(long id, long schoolId, String name, Instant opensAt, Instant closesAt,
			String status, List<CampaignScale> scales, List<CampaignClass> classes, String createdBy,
			Instant createdAt) {
	}

	/** The counts of a class (or of the whole campaign): each student once. */
	public record Counts(long invited, long consented, long refused, long started, long completed, long flagged) {

		public Counts plus(Counts o) {
			return new Counts(invited + o.invited, consented + o.consented, refused + o.refused, started + o.started,
					completed + o.completed, flagged + o.flagged);
		}

		/** Completed of consented, 0–100. */
		public int completedPercent() {
			return consented == 0 ? 0 : (int) Math.round(100.0 * completed / consented);
		}
	}

	public record ClassProgress(long classId, String className, long invited, long consented, long refused,
			long started, long completed, long flagged) {

		public Counts counts() {
			return new Counts(invited, consented, refused, started, completed, flagged);
		}

		public boolean behind() {
			return consented > 0 && completed * 10 < consented * 8;
		}
	}

	public record Progress(long campaignId, List<ClassProgress> classes, Counts totals) {
	}

	public record StudentCode(long studentId, String code) {
	}

	/** A student of a class in the campaign, as the head teacher's and psychology teacher's pages list them. */
	public record InvitedStudent(long studentId, String name, String studentNo, long classId, int gradeLevel,
			String parentCode, String answerCode, Boolean consent, Instant consentAt, String consentVia) {
	}
}
