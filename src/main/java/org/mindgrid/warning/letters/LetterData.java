package org.mindgrid.warning.letters;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a letter prints about a case: the school, the student, the guardian, what was found and decided, the
 * hospital, the teachers and the dates. Any field may be null: the letter then leaves a line to fill in by hand.
 * {@code gender} is the roster's code (M, F); {@code category} the crisis category 1–3.
 */
public record LetterData(String schoolName, String studentName, String gender, String className,
		String studentNumber, LocalDate birthDate, String address, String guardianName, String guardianPhone,
		String behaviourObserved, String assessmentSummary, Integer category, String diagnosis,
		LetterHospital hospital, String psychTeacherName, String headTeacherName, Dates dates,
		List<Contact> contacts) {

	public LetterData {
		dates = dates == null ? new Dates(null, null, null) : dates;
		contacts = contacts == null ? List.of() : List.copyOf(contacts);
	}

	/** The hospital of the referral as the directory lists it (public facts only). */
	public record LetterHospital(String name, String departments, String address, String phone) {
	}

	/** {@code issuedOn}: the letter's date (today when null); leave and return as the case recorded them. */
	public record Dates(LocalDate issuedOn, LocalDate leaveFrom, LocalDate returnOn) {
	}

	/** One of the people the student will call first (契约书): name, relation, phone. */
	public record Contact(String name, String relation, String phone) {
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Builds a letter's data field by field; unset fields stay null (a blank line on the letter). */
	public static final class Builder {

		private String schoolName;

		private String studentName;

		private String gender;

		private String className;

		private String studentNumber;

		private LocalDate birthDate;

		private String address;

		private String guardianName;

		private String guardianPhone;

		private String behaviourObserved;

		private String assessmentSummary;

		private Integer category;

		private String diagnosis;

		private LetterHospital hospital;

		private String psychTeacherName;

		private String headTeacherName;

		private LocalDate issuedOn;

		private LocalDate leaveFrom;

		private LocalDate returnOn;

		private final List<Contact> contacts = new ArrayList<>();

		private Builder() {
		}

		public Builder school(String name) {
			this.schoolName = name;
			return this;
		}

		public Builder student(String name, String gender, String className, String studentNumber,
				LocalDate birthDate) {
			this.studentName = name;
			this.gender = gender;
			this.className = className;
			this.studentNumber = studentNumber;
			this.birthDate = birthDate;
			return this;
		}

		public Builder address(String address) {
			this.address = address;
			return this;
		}

		public Builder guardian(String name, String phone) {
			this.guardianName = name;
			this.guardianPhone = phone;
			return this;
		}

		public Builder behaviourObserved(String text) {
			this.behaviourObserved = text;
			return this;
		}

		public Builder assessment(String summary, Integer category) {
			this.assessmentSummary = summary;
			this.category = category;
			return this;
		}

		public Builder diagnosis(String diagnosis) {
			this.diagnosis = diagnosis;
			return this;
		}

		public Builder hospital(LetterHospital hospital) {
			this.hospital = hospital;
			return this;
		}

		public Builder teachers(String psychTeacherName, String headTeacherName) {
			this.psychTeacherName = psychTeacherName;
			this.headTeacherName = headTeacherName;
			return this;
		}

		public Builder dates(LocalDate issuedOn, LocalDate leaveFrom, LocalDate returnOn) {
			this.issuedOn = issuedOn;
			this.leaveFrom = leaveFrom;
			this.returnOn = returnOn;
			return this;
		}

		public Builder contact(String name, String relation, String phone) {
			this.contacts.add(new Contact(name, relation, phone));
			return this;
		}

		public LetterData build() {
			return new LetterData(schoolName, studentName, gender, className, studentNumber, birthDate, address,
					guardianName, guardianPhone, behaviourObserved, assessmentSummary, category, diagnosis, hospital,
					psychTeacherName, headTeacherName, new Dates(issuedOn, leaveFrom, returnOn), contacts);
		}
	}
}
