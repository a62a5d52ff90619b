package org.mindgrid.student.roster.web;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.mindgrid.shared.web.ApiError;
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

	@Operation(summary = "Import the roster (学生名册)",
			description = "A .xlsx or .csv file in the part file, one row per student (学号, 姓名, 性别, 出生日期, 年级, 班级, 民族, "
					+ "籍贯, 家庭住址, 监护人, 监护人电话): new students are added, known ones (by 学号) updated. All or nothing: 200 "
					+ "with the counts, or 422 with every error by row and column and nothing imported. For the "
					+ "school's administrator (学校管理员) and system administrators.")
	@Parameter(name = "schoolId", in = ParameterIn.PATH, description = "School id")
	@ApiResponse(responseCode = "200", description = "Imported: counts of added, updated and unchanged students",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = RosterView.class)))
	@ApiResponse(responseCode = "422", description = "Nothing imported: every error by row and column",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = RosterView.class)))
	@ApiError(status = 400, description = "No file, an empty file, or one that is not a readable .xlsx or .csv")
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
