package org.mindgrid.student.roster.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.student.roster.RosterImport;
import org.mindgrid.student.roster.RosterImport.SchoolOption;
import org.mindgrid.student.roster.RosterResult;
import org.mindgrid.student.roster.RosterTemplate;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The roster page: choose the school (system administrators), upload, see counts and errors. With htmx only the
 * result is swapped in; without JavaScript the whole page comes back with it.
 */
@Controller
@PreAuthorize("hasAnyRole('SCHOOL_ADMIN','SYSTEM_ADMIN')")
class RosterPageController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final RosterImport roster;

	private final MessageSource messages;

	RosterPageController(RosterImport roster, MessageSource messages) {
		this.roster = roster;
		this.messages = messages;
	}

	@GetMapping("/roster")
	String page(@RequestParam(required = false) Long schoolId, Model model) {
		addSchools(model, schoolId);
		return "student/roster";
	}

	@PostMapping("/roster")
	String upload(@RequestParam long schoolId, @RequestParam(required = false) MultipartFile file,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) throws IOException {
		var school = roster.requireImporter(schoolId);
		model.addAttribute("schoolName", school.name());
		if (file == null || file.isEmpty()) {
			model.addAttribute("fileError", message("roster.file.empty"));
		}
		else {
			try {
				RosterResult result = roster.importFile(schoolId, file.getOriginalFilename(), file.getBytes());
				model.addAttribute("result", RosterView.of(result, messages, LocaleContextHolder.getLocale()));
			}
			catch (ApiProblem e) {
				if (e.status() != HttpStatus.BAD_REQUEST) {
					throw e;
				}
				model.addAttribute("fileError", messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
						LocaleContextHolder.getLocale()));
			}
		}
		if (htmx != null) {
			return "student/roster-result :: result";
		}
		addSchools(model, schoolId);
		return "student/roster";
	}

	@GetMapping("/roster/template.xlsx")
	ResponseEntity<byte[]> template() {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(RosterTemplate.FILENAME, StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType(XLSX))
			.body(RosterTemplate.xlsx());
	}

	private void addSchools(Model model, Long schoolId) {
		List<SchoolOption> schools = roster.schoolsForCurrentUser();
		model.addAttribute("schools", schools);
		long selected = schoolId != null && schools.stream().anyMatch(s -> s.id() == schoolId) ? schoolId
				: schools.isEmpty() ? 0 : schools.get(0).id();
		model.addAttribute("selectedSchoolId", selected);
	}

	private String message(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}
}
