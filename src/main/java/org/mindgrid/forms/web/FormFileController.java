package org.mindgrid.forms.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.mindgrid.forms.FormFiles;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The files of workbook records: upload for a form and student, then refer to the id in the record's answers. */
@RestController
class FormFileController {

	private final FormFiles files;

	FormFileController(FormFiles files) {
		this.files = files;
	}

	@Operation(summary = "Upload a photo or scan for a workbook record",
			description = "Multipart part `file` (JPEG, PNG or PDF, checked by its bytes, at most 10 MB); formId a form "
					+ "with a file field the caller may fill for the student. Returns id, name, type, size, sha256: put "
					+ "the id in the record's answer.")
	@PostMapping("/api/v1/students/{id}/form-files")
	@ResponseStatus(HttpStatus.CREATED)
	FormFiles.FileRef upload(@Parameter(description = "Student id") @PathVariable long id,
			@Parameter(description = "Form id") @RequestParam(required = false) String formId,
			@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
		if (file == null) {
			throw ApiProblem.badRequest("attachment.empty");
		}
		return files.store(id, formId, file.getOriginalFilename(), file.getBytes());
	}

	@Operation(summary = "A workbook record's file", description = "To whoever may read its form for the student; 404 otherwise.")
	@GetMapping("/api/v1/form-files/{id}")
	ResponseEntity<byte[]> download(@Parameter(description = "File id") @PathVariable long id) {
		return serve(files.read(id));
	}

	/** The same file for the pages (signed in with a session: the API takes bearer tokens only). */
	@GetMapping("/form-files/{id:\\d+}")
	ResponseEntity<byte[]> page(@PathVariable long id) {
		return serve(files.read(id));
	}

	private static ResponseEntity<byte[]> serve(FormFiles.Content c) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(c.type()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(c.name(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(c.bytes());
	}
}
