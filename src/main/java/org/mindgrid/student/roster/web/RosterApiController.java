package org.mindgrid.student.roster.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.Locales;
import org.mindgrid.student.roster.RosterImport;
import org.mindgrid.student.roster.RosterResult;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/schools/{id}/roster}: 200 with the counts, or 422 with every error by row and column and
 * nothing imported. A file that is not a readable .xlsx/.csv is a 400 problem.
 */
@RestController
class RosterApiController {

	private final RosterImport roster;

	private final MessageSource messages;

	RosterApiController(RosterImport roster, MessageSource messages) {
		this.roster = roster;
		this.messages = messages;
	}

	@PostMapping(path = "/api/v1/schools/{schoolId}/roster", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<RosterView> upload(@PathVariable long schoolId, @RequestParam("file") MultipartFile file,
			HttpServletRequest request) throws IOException {
		roster.requireImporter(schoolId);
		if (file.isEmpty()) {
			throw ApiProblem.badRequest("roster.file.empty");
		}
		RosterResult result = roster.importFile(schoolId, file.getOriginalFilename(), file.getBytes());
		return ResponseEntity.status(result.rejected() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
			.contentType(MediaType.APPLICATION_JSON)
			.body(RosterView.of(result, messages, Locales.of(request)));
	}
}
