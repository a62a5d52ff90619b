package org.mindgrid.warning.letters;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mindgrid.document.Pdfs;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * The letters of a case as PDFs ready to print and sign (issue 8 point 8, ADR 0024): one Thymeleaf template per
 * {@link LetterKind} under {@code templates/warning/letters/}, laid out like the seed's attachment — title, body,
 * fields, signature, seal and date lines — and one page per copy where the seed says 一式三份. Every word comes
 * from the bundles in the reader's language; only the case's data is printed as it was recorded. A missing field
 * is a line to fill in by hand. The caller checks who may print the case's letters and audits it.
 */
@Service
public class CaseLetters {

	/** The contract lists three people to call first: always three lines, filled or blank. */
	static final int CONTRACT_CONTACTS = 3;

	private final Pdfs pdfs;

	private final MessageSource messages;

	private final Clock clock;

	CaseLetters(Pdfs pdfs, MessageSource messages, Clock clock) {
		this.pdfs = pdfs;
		this.messages = messages;
		this.clock = clock;
	}

	public byte[] render(LetterKind kind, LetterData data, Locale locale) {
		return pdfs.render(kind.template(), model(kind, data, locale), locale);
	}

	/** A file name a person would give the letter: student and title, e.g. 张三-心理诊疗转介信.pdf. */
	public String fileName(LetterKind kind, LetterData data, Locale locale) {
		String title = messages.getMessage(kind.titleKey(), null, kind.code(), locale);
		String name = (data.studentName() == null ? "" : data.studentName() + "-") + title + ".pdf";
		return name.replaceAll("[\\p{Cntrl}\"\\\\/:*?<>|]", "_");
	}

	/** A line to write on by hand. */
	static final String BLANK = "<span class=\"fill blank\">" + "&#160;".repeat(16) + "</span>";

	/** A filled blank, or an empty one to write in by hand. */
	static String fill(String value) {
		if (value == null || value.isBlank()) {
			return BLANK;
		}
		return "<span class=\"fill\">" + HtmlUtils.htmlEscape(value.strip(), "UTF-8") + "</span>";
	}

	Map<String, Object> model(LetterKind kind, LetterData data, Locale locale) {
		LocalDate issued = data.dates().issuedOn() != null ? data.dates().issuedOn() : LocalDate.now(clock);
		DateTimeFormatter format = DateTimeFormatter
			.ofPattern(messages.getMessage("letter.date.pattern", null, "yyyy-MM-dd", locale), locale);
		Map<String, Object> model = new HashMap<>();
		model.put("d", data);
		model.put("kind", kind);
		// one page per copy; a single letter is one page without a copy line
		List<String> copies = kind.copies().isEmpty() ? java.util.Collections.singletonList(null) : kind.copies();
		model.put("copies", copies);
		model.put("issued", issued.format(format));
		model.put("leaveFrom", data.dates().leaveFrom() == null ? null : data.dates().leaveFrom().format(format));
		model.put("returnOn", data.dates().returnOn() == null ? null : data.dates().returnOn().format(format));
		model.put("birth", data.birthDate() == null ? null : data.birthDate().format(format));
		model.put("age", data.birthDate() == null || data.birthDate().isAfter(issued) ? null
				: Period.between(data.birthDate(), issued).getYears());
		model.put("gender", data.gender() == null ? null : "letter.gender." + data.gender());
		List<LetterData.Contact> contacts = new ArrayList<>(data.contacts());
		while (contacts.size() < CONTRACT_CONTACTS) {
			contacts.add(new LetterData.Contact(null, null, null));
		}
		model.put("contacts", contacts);
		model.put("hospitalPhone", data.hospital() == null || data.hospital().phone() == null ? null
				: String.join("、", data.hospital().phone().strip().split("\\s*\\R\\s*")));
		// Values set inside a sentence of the bundles, underlined like the seed's blanks; escaped here because the
		// sentence is HTML (th:utext), so a name can never become markup.
		Map<String, String> f = new HashMap<>();
		f.put("school", fill(data.schoolName()));
		f.put("name", fill(data.studentName()));
		f.put("className", fill(data.className()));
		f.put("no", fill(data.studentNumber()));
		f.put("hospital", fill(data.hospital() == null ? null : data.hospital().name()));
		f.put("diagnosis", fill(data.diagnosis()));
		f.put("guardian", fill(data.guardianName()));
		f.put("guardianPhone", fill(data.guardianPhone()));
		f.put("psych", fill(data.psychTeacherName()));
		f.put("head", fill(data.headTeacherName()));
		f.put("leaveFrom", fill((String) model.get("leaveFrom")));
		f.put("returnOn", fill((String) model.get("returnOn")));
		model.put("f", f);
		return model;
	}
}
