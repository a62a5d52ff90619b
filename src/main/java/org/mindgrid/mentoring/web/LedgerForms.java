package org.mindgrid.mentoring.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mindgrid.mentoring.HomeVisitOutline;

/**
 * Page forms hold exactly what was typed, as text, so a failed save shows it all again (UX.md: nothing typed is
 * lost). They are turned into the ledger's inputs only on save.
 */
public final class LedgerForms {

	private LedgerForms() {
	}

	public static class TalkForm {

		private String date;

		private String place;

		private String topics;

		private String state;

		private String followUp;

		private String escalate = "";

		public String getDate() {
			return date;
		}

		public void setDate(String date) {
			this.date = date;
		}

		public String getPlace() {
			return place;
		}

		public void setPlace(String place) {
			this.place = place;
		}

		public String getTopics() {
			return topics;
		}

		public void setTopics(String topics) {
			this.topics = topics;
		}

		public String getState() {
			return state;
		}

		public void setState(String state) {
			this.state = state;
		}

		public String getFollowUp() {
			return followUp;
		}

		public void setFollowUp(String followUp) {
			this.followUp = followUp;
		}

		public String getEscalate() {
			return escalate;
		}

		public void setEscalate(String escalate) {
			this.escalate = escalate;
		}
	}

	public static class AnswerForm {

		private String record;

		private List<String> judgment = new ArrayList<>();

		private String note;

		public String getRecord() {
			return record;
		}

		public void setRecord(String record) {
			this.record = record;
		}

		public List<String> getJudgment() {
			return judgment;
		}

		public void setJudgment(List<String> judgment) {
			this.judgment = judgment == null ? new ArrayList<>() : judgment;
		}

		public String getNote() {
			return note;
		}

		public void setNote(String note) {
			this.note = note;
		}

		HomeVisitOutline.Answer toAnswer() {
			List<String> j = new ArrayList<>(judgment);
			if (note != null && !note.isBlank()) {
				j.add(note);
			}
			return new HomeVisitOutline.Answer(record, j);
		}
	}

	public static class HomeVisitForm {

		private String visitedAt;

		private String interviewee;

		private String relation;

		private String durationMinutes;

		private Map<String, AnswerForm> answers = new LinkedHashMap<>();

		private List<String> categories = new ArrayList<>();

		private String escalate = "";

		/** {@link org.mindgrid.mentoring.HomeVisitKind}: the outline before term starts, or a general visit. */
		private String kind = "TERM_START";

		public HomeVisitForm() {
			HomeVisitOutline.all().forEach(q -> answers.put(q.code(), new AnswerForm()));
		}

		public String getKind() {
			return kind;
		}

		public void setKind(String kind) {
			this.kind = kind;
		}

		public String getVisitedAt() {
			return visitedAt;
		}

		public void setVisitedAt(String visitedAt) {
			this.visitedAt = visitedAt;
		}

		public String getInterviewee() {
			return interviewee;
		}

		public void setInterviewee(String interviewee) {
			this.interviewee = interviewee;
		}

		public String getRelation() {
			return relation;
		}

		public void setRelation(String relation) {
			this.relation = relation;
		}

		public String getDurationMinutes() {
			return durationMinutes;
		}

		public void setDurationMinutes(String durationMinutes) {
			this.durationMinutes = durationMinutes;
		}

		public Map<String, AnswerForm> getAnswers() {
			return answers;
		}

		public void setAnswers(Map<String, AnswerForm> answers) {
			this.answers = answers;
		}

		public List<String> getCategories() {
			return categories;
		}

		public void setCategories(List<String> categories) {
			this.categories = categories == null ? new ArrayList<>() : categories;
		}

		public String getEscalate() {
			return escalate;
		}

		public void setEscalate(String escalate) {
			this.escalate = escalate;
		}
	}

	public static class ContactForm {

		private String channel;

		private String contactedAt;

		private String content;

		private String escalate = "";

		public String getChannel() {
			return channel;
		}

		public void setChannel(String channel) {
			this.channel = channel;
		}

		public String getContactedAt() {
			return contactedAt;
		}

		public void setContactedAt(String contactedAt) {
			this.contactedAt = contactedAt;
		}

		public String getContent() {
			return content;
		}

		public void setContent(String content) {
			this.content = content;
		}

		public String getEscalate() {
			return escalate;
		}

		public void setEscalate(String escalate) {
			this.escalate = escalate;
		}
	}
}
