package org.mindgrid.screening.answer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.mindgrid.audit.AuditLog;
import org.mindgrid.document.Pdfs;
import org.mindgrid.school.ClassInfo;
import org.mindgrid.school.SchoolInfo;
import org.mindgrid.school.SchoolStructure;
import org.mindgrid.screening.campaigns.CampaignViews.CampaignView;
import org.mindgrid.screening.campaigns.CampaignViews.InvitedStudent;
import org.mindgrid.screening.campaigns.Campaigns;
import org.mindgrid.screening.campaigns.Codes;
import org.mindgrid.screening.scales.Scales;
import org.mindgrid.shared.web.Locales;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The papers of a class (issue 9, point 3 and 4): the parental consent form, one page per invited student with the
 * parent code, its QR code to {@code /p/{code}} and a tear-off slip for a paper answer; and the answer code slips of
 * the consented students, eight to an A4 page with cut lines. For the head teacher of the class and the school's
 * psychology teachers ({@link Campaigns#invited} checks: another school 404, other staff 403); every print audited.
 */
@Controller
class Prints {

	static final int SLIPS_PER_PAGE = 8;

	private final Campaigns campaigns;

	private final SchoolStructure schools;

	private final Scales scales;

	private final Pdfs pdfs;

	private final AuditLog audit;

	private final MessageSource messages;

	private final Clock clock;

	private final String baseUrl;

	Prints(Campaigns campaigns, SchoolStructure schools, Scales scales, Pdfs pdfs, AuditLog audit,
			MessageSource messages, Clock clock, @Value("${mindgrid.base-url:}") String baseUrl) {
		this.campaigns = campaigns;
		this.schools = schools;
		this.scales = scales;
		this.pdfs = pdfs;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	record Sheet(InvitedStudent student, String printedCode, String url, String qr) {
	}

	@GetMapping("/screening/campaigns/{id}/classes/{classId}/consent-forms.pdf")
	ResponseEntity<byte[]> consentForms(@PathVariable long id, @PathVariable long classId,
			HttpServletRequest request) {
		List<InvitedStudent> students = campaigns.invited(id, classId);
		CampaignView campaign = campaigns.load(id).orElseThrow();
		Locale locale = Locales.of(request);
		String base = base();
		List<Sheet> sheets = students.stream()
			.map(s -> sheet(s, s.parentCode(), base + "/p/" + s.parentCode()))
			.toList();
		Map<String, Object> model = model(campaign, classId, locale);
		model.put("sheets", sheets);
		model.put("scaleNames", campaign.scales().stream()
			.map(cs -> scales.find(cs.scaleId()).map(s -> s.name(locale)).orElse(cs.scaleId()))
			.toList());
		model.put("pageUrl", base + "/p/");
		byte[] pdf = pdfs.render("screening/answer/consent-forms-pdf", model, locale);
		audit.record("SCREENING_CONSENT_FORMS_PRINTED", "screening-campaign/" + id + "/classes/" + classId
				+ "/consent-forms", null, sheets.size() + " forms");
		return pdf(pdf, name("screening.answer.pdf.consent.file", model, locale));
	}

	@GetMapping("/screening/campaigns/{id}/classes/{classId}/slips.pdf")
	ResponseEntity<byte[]> slips(@PathVariable long id, @PathVariable long classId, HttpServletRequest request) {
		List<InvitedStudent> students = campaigns.invited(id, classId);
		CampaignView campaign = campaigns.load(id).orElseThrow();
		Locale locale = Locales.of(request);
		String base = base();
		List<Sheet> slips = students.stream()
			.filter(s -> Boolean.TRUE.equals(s.consent()))
			.map(s -> sheet(s, s.answerCode(), base + "/s/" + s.answerCode()))
			.toList();
		Map<String, Object> model = model(campaign, classId, locale);
		List<List<Sheet>> pages = new java.util.ArrayList<>();
		for (int i = 0; i < slips.size(); i += SLIPS_PER_PAGE) {
			pages.add(slips.subList(i, Math.min(slips.size(), i + SLIPS_PER_PAGE)));
		}
		model.put("pages", pages);
		model.put("count", slips.size());
		model.put("startUrl", base + "/s");
		byte[] pdf = pdfs.render("screening/answer/slips-pdf", model, locale);
		audit.record("SCREENING_SLIPS_PRINTED", "screening-campaign/" + id + "/classes/" + classId + "/slips", null,
				slips.size() + " slips");
		return pdf(pdf, name("screening.answer.pdf.slips.file", model, locale));
	}

	private Sheet sheet(InvitedStudent s, String code, String url) {
		return new Sheet(s, Codes.printed(code), url, QrPng.dataUri(url));
	}

	private Map<String, Object> model(CampaignView campaign, long classId, Locale locale) {
		Map<String, Object> model = new HashMap<>();
		ZoneId zone = clock.getZone();
		DateTimeFormatter date = DateTimeFormatter.ofPattern(
				"en".equals(locale.getLanguage()) ? "d MMM yyyy" : "yyyy年M月d日", locale);
		model.put("campaign", campaign);
		model.put("opens", campaign.opensAt().atZone(zone).format(date));
		model.put("closes", campaign.closesAt().atZone(zone).format(date));
		model.put("school", schools.school(campaign.schoolId()).map(SchoolInfo::name).orElse(""));
		model.put("className", schools.findClass(classId).map(ClassInfo::displayName).orElse(""));
		return model;
	}

	private String name(String key, Map<String, Object> model, Locale locale) {
		String name = messages.getMessage(key, new Object[] { model.get("className") }, key, locale) + ".pdf";
		return name.replaceAll("[\\p{Cntrl}\"\\\\/:*?<>|]", "_");
	}

	private static ResponseEntity<byte[]> pdf(byte[] pdf, String fileName) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(pdf);
	}

	/** The address parents and students type: {@code mindgrid.base-url}, else the one this request came to. */
	private String base() {
		return baseUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
				: baseUrl;
	}

}
