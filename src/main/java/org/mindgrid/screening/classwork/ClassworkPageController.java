package org.mindgrid.screening.classwork;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.mindgrid.screening.campaigns.Campaigns;
import org.mindgrid.screening.classwork.PaperImport.ImportResult;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The head teacher's class page of a campaign: consent entry for paper answers (one click per student; with htmx only
 * the student's row and the counts are swapped, so the page keeps its place; without JavaScript a redirect back to
 * the row), the observer rating grid (saved per cell by screening-classwork.js through
 * {@link ClassworkRatingsController}), the paper templates and their import.
 */
@Controller
class ClassworkPageController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final String PAGE = "screening/classwork/class";

	private final ClassScreening classes;

	private final PaperImport paper;

	private final Campaigns campaigns;

	private final MessageSource messages;

	private final org.mindgrid.audit.AuditLog audit;

	ClassworkPageController(ClassScreening classes, PaperImport paper,
			Campaigns campaigns, MessageSource messages, org.mindgrid.audit.AuditLog audit) {
		this.audit = audit;
		this.classes = classes;
		this.paper = paper;
		this.campaigns = campaigns;
		this.messages = messages;
	}

	@GetMapping("/screening/campaigns/{id}/classes/{classId}")
	String page(@PathVariable long id, @PathVariable long classId, Model model) {
		model.addAttribute("page", classes.page(id, classId));
		// the class's named students with their consent and progress: a read like any list of students
		audit.record("SCREENING_CLASS_READ", "screening-campaign/" + id + "/classes/" + classId, null,
				"class " + classId);
		return PAGE;
	}

	@PostMapping("/screening/campaigns/{id}/classes/{classId}/consents")
	String consent(@PathVariable long id, @PathVariable long classId, @RequestParam(required = false) Long studentId,
			@RequestParam(required = false) Boolean consent,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		if (studentId == null || consent == null) {
			throw ApiProblem.badRequest("classwork.consent.choose");
		}
		classes.studentOf(id, classId, studentId);
		campaigns.consent(id, studentId, consent, "PAPER");
		if (htmx == null) {
			return "redirect:/screening/campaigns/" + id + "/classes/" + classId + "#consent-" + studentId;
		}
		ClassScreening.ClassPage page = classes.page(id, classId);
		model.addAttribute("page", page);
		model.addAttribute("row", page.student(studentId).orElseThrow());
		return "screening/classwork/parts :: consent-swap";
	}

	@GetMapping("/screening/campaigns/{id}/classes/{classId}/template.xlsx")
	ResponseEntity<byte[]> template(@PathVariable long id, @PathVariable long classId,
			@RequestParam(required = false) String scale) {
		PaperImport.Template template = paper.template(id, classId, scale);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(template.filename(), StandardCharsets.UTF_8).build()
						.toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.contentType(MediaType.parseMediaType(XLSX))
			.body(template.content());
	}

	@PostMapping("/screening/campaigns/{id}/classes/{classId}/import")
	String importFile(@PathVariable long id, @PathVariable long classId, @RequestParam(required = false) String scale,
			@RequestParam(required = false) MultipartFile file,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) throws IOException {
		classes.require(id, classId);
		if (file == null || file.isEmpty()) {
			model.addAttribute("importError", message("classwork.file.empty", null));
		}
		else {
			try {
				ImportResult result = paper.importFile(id, classId, scale, file.getOriginalFilename(), file.getBytes());
				model.addAttribute("importResult", ImportView.of(result, messages, LocaleContextHolder.getLocale()));
			}
			catch (ApiProblem e) {
				if (e.status() != HttpStatus.BAD_REQUEST) {
					throw e;
				}
				model.addAttribute("importError", message(e.messageKey(), e.args()));
			}
		}
		model.addAttribute("importScale", scale);
		ClassScreening.ClassPage page = classes.page(id, classId);
		model.addAttribute("page", page);
		return htmx != null ? PAGE + " :: import-result" : PAGE;
	}

	private String message(String key, Object[] args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}
