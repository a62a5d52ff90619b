package org.mindgrid.student.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.mindgrid.student.archive.ArchiveView;
import org.mindgrid.student.archive.GrowthArchive;

import org.springframework.validation.Errors;

/**
 * The archive page's form: a mutable mirror of {@link GrowthArchive} with the same property paths (so Bean
 * Validation's paths name the form's fields), every value a string so that "abc" as an age becomes a field
 * message rather than a binding failure, and the version the editor started from.
 */
public class ArchiveForm {

	private int version;

	private Personal personal = new Personal();

	private Health health = new Health();

	private String study;

	private String interests;

	private String familySituation;

	private List<Member> familyMembers = new ArrayList<>();

	private String parentsRelationship;

	private String familyAtmosphere;

	private String familyAtmosphereOther;

	private List<School> schoolHistory = new ArrayList<>();

	private List<Event> lifeEvents = new ArrayList<>();

	static ArchiveForm of(ArchiveView view) {
		GrowthArchive a = view.content();
		ArchiveForm f = new ArchiveForm();
		f.version = view.version();
		f.personal.ethnicity = a.personal().ethnicity();
		f.personal.nativePlace = a.personal().nativePlace();
		f.personal.address = a.personal().address();
		f.health.level = a.health().level();
		f.health.poorDescription = a.health().poorDescription();
		f.health.pastIllnesses = new ArrayList<>(a.health().pastIllnesses());
		f.health.pastIllnessOther = a.health().pastIllnessOther();
		f.study = a.study();
		f.interests = a.interests();
		f.familySituation = a.familySituation();
		a.familyMembers().forEach(m -> f.familyMembers.add(new Member(m.relation(), m.name(),
				m.age() == null ? null : m.age().toString(), m.occupation(), m.personality(), m.liking())));
		f.parentsRelationship = a.parentsRelationship();
		f.familyAtmosphere = a.familyAtmosphere();
		f.familyAtmosphereOther = a.familyAtmosphereOther();
		a.schoolHistory().forEach(s -> f.schoolHistory.add(new School(s.period(), s.school(), s.duty(), s.liking())));
		a.lifeEvents().forEach(e -> f.lifeEvents.add(new Event(e.date() == null ? null : e.date().toString(),
				e.description(), e.impact())));
		return f;
	}

	/**
	 * Drops rows the user left empty (the blank row offered for adding, rows removed in the browser leave gaps), so
	 * that row indexes of the form and of the archive agree before validation.
	 */
	void dropBlankRows() {
		familyMembers.removeIf(m -> m == null || blank(m.relation, m.name, m.age, m.occupation, m.personality, m.liking));
		schoolHistory.removeIf(s -> s == null || blank(s.period, s.school, s.duty, s.liking));
		lifeEvents.removeIf(e -> e == null || blank(e.date, e.description, e.impact));
		health.pastIllnesses.removeIf(c -> c == null || c.isBlank());
	}

	/** The archive this form describes; ages and dates that do not parse are reported on {@code errors}. */
	GrowthArchive toArchive(Errors errors) {
		List<GrowthArchive.FamilyMember> members = new ArrayList<>();
		for (int i = 0; i < familyMembers.size(); i++) {
			Member m = familyMembers.get(i);
			Integer age = null;
			if (!blank(m.age)) {
				try {
					age = Integer.valueOf(m.age.strip());
				}
				catch (NumberFormatException e) {
					errors.rejectValue("familyMembers[" + i + "].age", "archive.age-number");
				}
			}
			members.add(new GrowthArchive.FamilyMember(trim(m.relation), trim(m.name), age, trim(m.occupation),
					trim(m.personality), trim(m.liking)));
		}
		List<GrowthArchive.LifeEvent> events = new ArrayList<>();
		for (int i = 0; i < lifeEvents.size(); i++) {
			Event e = lifeEvents.get(i);
			LocalDate date = null;
			if (!blank(e.date)) {
				try {
					date = LocalDate.parse(e.date.strip());
				}
				catch (DateTimeParseException ex) {
					errors.rejectValue("lifeEvents[" + i + "].date", "archive.date-format");
				}
			}
			events.add(new GrowthArchive.LifeEvent(date, trim(e.description), trim(e.impact)));
		}
		return new GrowthArchive(
				new GrowthArchive.Personal(trim(personal.ethnicity), trim(personal.nativePlace), trim(personal.address)),
				new GrowthArchive.Health(trim(health.level), trim(health.poorDescription), List.copyOf(health.pastIllnesses),
						trim(health.pastIllnessOther)),
				trim(study), trim(interests), trim(familySituation), members, trim(parentsRelationship),
				trim(familyAtmosphere), trim(familyAtmosphereOther),
				schoolHistory.stream()
					.map(s -> new GrowthArchive.SchoolHistory(trim(s.period), trim(s.school), trim(s.duty), trim(s.liking)))
					.toList(),
				events);
	}

	private static boolean blank(String... values) {
		for (String v : values) {
			if (v != null && !v.isBlank()) {
				return false;
			}
		}
		return true;
	}

	private static String trim(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

	public Personal getPersonal() {
		return personal;
	}

	public void setPersonal(Personal personal) {
		this.personal = personal;
	}

	public Health getHealth() {
		return health;
	}

	public void setHealth(Health health) {
		this.health = health;
	}

	public String getStudy() {
		return study;
	}

	public void setStudy(String study) {
		this.study = study;
	}

	public String getInterests() {
		return interests;
	}

	public void setInterests(String interests) {
		this.interests = interests;
	}

	public String getFamilySituation() {
		return familySituation;
	}

	public void setFamilySituation(String familySituation) {
		this.familySituation = familySituation;
	}

	public List<Member> getFamilyMembers() {
		return familyMembers;
	}

	public void setFamilyMembers(List<Member> familyMembers) {
		this.familyMembers = familyMembers;
	}

	public String getParentsRelationship() {
		return parentsRelationship;
	}

	public void setParentsRelationship(String parentsRelationship) {
		this.parentsRelationship = parentsRelationship;
	}

	public String getFamilyAtmosphere() {
		return familyAtmosphere;
	}

	public void setFamilyAtmosphere(String familyAtmosphere) {
		this.familyAtmosphere = familyAtmosphere;
	}

	public String getFamilyAtmosphereOther() {
		return familyAtmosphereOther;
	}

	public void setFamilyAtmosphereOther(String familyAtmosphereOther) {
		this.familyAtmosphereOther = familyAtmosphereOther;
	}

	public List<School> getSchoolHistory() {
		return schoolHistory;
	}

	public void setSchoolHistory(List<School> schoolHistory) {
		this.schoolHistory = schoolHistory;
	}

	public List<Event> getLifeEvents() {
		return lifeEvents;
	}

	public void setLifeEvents(List<Event> lifeEvents) {
		this.lifeEvents = lifeEvents;
	}

	/** 民族, 籍贯, 家庭住址 (the roster's own fields are shown read-only, not bound). */
	public static class Personal {

		private String ethnicity;

		private String nativePlace;

		private String address;

		public String getEthnicity() {
			return ethnicity;
		}

		public void setEthnicity(String ethnicity) {
			this.ethnicity = ethnicity;
		}

		public String getNativePlace() {
			return nativePlace;
		}

		public void setNativePlace(String nativePlace) {
			this.nativePlace = nativePlace;
		}

		public String getAddress() {
			return address;
		}

		public void setAddress(String address) {
			this.address = address;
		}
	}

	public static class Health {

		private String level;

		private String poorDescription;

		private List<String> pastIllnesses = new ArrayList<>();

		private String pastIllnessOther;

		public String getLevel() {
			return level;
		}

		public void setLevel(String level) {
			this.level = level;
		}

		public String getPoorDescription() {
			return poorDescription;
		}

		public void setPoorDescription(String poorDescription) {
			this.poorDescription = poorDescription;
		}

		public List<String> getPastIllnesses() {
			return pastIllnesses;
		}

		public void setPastIllnesses(List<String> pastIllnesses) {
			this.pastIllnesses = pastIllnesses == null ? new ArrayList<>() : new ArrayList<>(pastIllnesses);
		}

		public String getPastIllnessOther() {
			return pastIllnessOther;
		}

		public void setPastIllnessOther(String pastIllnessOther) {
			this.pastIllnessOther = pastIllnessOther;
		}
	}

	public static class Member {

		private String relation;

		private String name;

		private String age;

		private String occupation;

		private String personality;

		private String liking;

		public Member() {
		}

		Member(String relation, String name, String age, String occupation, String personality, String liking) {
			this.relation = relation;
			this.name = name;
			this.age = age;
			this.occupation = occupation;
			this.personality = personality;
			this.liking = liking;
		}

		public String getRelation() {
			return relation;
		}

		public void setRelation(String relation) {
			this.relation = relation;
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getAge() {
			return age;
		}

		public void setAge(String age) {
			this.age = age;
		}

		public String getOccupation() {
			return occupation;
		}

		public void setOccupation(String occupation) {
			this.occupation = occupation;
		}

		public String getPersonality() {
			return personality;
		}

		public void setPersonality(String personality) {
			this.personality = personality;
		}

		public String getLiking() {
			return liking;
		}

		public void setLiking(String liking) {
			this.liking = liking;
		}
	}

	public static class School {

		private String period;

		private String school;

		private String duty;

		private String liking;

		public School() {
		}

		School(String period, String school, String duty, String liking) {
			this.period = period;
			this.school = school;
			this.duty = duty;
			this.liking = liking;
		}

		public String getPeriod() {
			return period;
		}

		public void setPeriod(String period) {
			this.period = period;
		}

		public String getSchool() {
			return school;
		}

		public void setSchool(String school) {
			this.school = school;
		}

		public String getDuty() {
			return duty;
		}

		public void setDuty(String duty) {
			this.duty = duty;
		}

		public String getLiking() {
			return liking;
		}

		public void setLiking(String liking) {
			this.liking = liking;
		}
	}

	public static class Event {

		private String date;

		private String description;

		private String impact;

		public Event() {
		}

		Event(String date, String description, String impact) {
			this.date = date;
			this.description = description;
			this.impact = impact;
		}

		public String getDate() {
			return date;
		}

		public void setDate(String date) {
			this.date = date;
		}

		public String getDescription() {
			return description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public String getImpact() {
			return impact;
		}

		public void setImpact(String impact) {
			this.impact = impact;
		}
	}
}
