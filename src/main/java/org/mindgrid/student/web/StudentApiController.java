package org.mindgrid.student.web;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.mindgrid.shared.web.ApiError;
import org.mindgrid.shared.web.Page;
import org.mindgrid.student.StudentDetail;
import org.mindgrid.student.StudentSummary;
import org.mindgrid.student.Students;
import org.mindgrid.student.archive.ArchiveStore;
import org.mindgrid.student.archive.ArchiveView;
import org.mindgrid.student.archive.GrowthArchive;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/students")
class StudentApiController {

	/**
	 * {@code PUT /archive} body: what {@code GET /archive} answered, edited — the version the editor started from
	 * and the whole archive as {@code content} (issue 7, point 13). {@code archive}, its former name, is still taken;
	 * who saved last and when are the server's to say and are ignored.
	 */
	@Schema(description = "The archive as GET answered it, edited: version and content; updatedBy and updatedAt are "
			+ "ignored")
	record ArchiveUpdate(
			@Schema(description = "The version the edit started from (0: never saved); another save since is a 409")
			@NotNull @PositiveOrZero Integer version,
			@Schema(description = "The whole growth archive (一生一档)") @JsonAlias("archive") @NotNull @Valid
			GrowthArchive content,
			@Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "Who saved last (ignored)")
			String updatedBy,
			@Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "When it was saved last (ignored)")
			Instant updatedAt) {
	}

	/** A line of the revision list: who saved which version when (the content is fetched per version). */
	record RevisionLine(int version, String changedBy, java.time.Instant changedAt) {
	}

	private final Students students;

	StudentApiController(Students students) {
		this.students = students;
	}

	@Operation(summary = "List students (学生) in the caller's scope",
			description = "Enrolled students the caller may know (their classes, school, district or city), in grade, "
					+ "class and student-number order; filtered by class and by name or 学号. Only school staff may "
					+ "(bureau officers and student accounts: 403).")
	@Parameter(name = "classId", in = ParameterIn.QUERY,
			description = "Only this class (a class id from GET /api/v1/schools/{id}/classes)")
	@Parameter(name = "q", in = ParameterIn.QUERY,
			description = "Part of the name, or the start of the student number (学号)")
	@GetMapping
	Page<StudentSummary> list(@RequestParam(required = false) Long classId, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return students.list(new Students.Filter(classId, q, Page.clampPage(page), Page.clampSize(size)));
	}

	@Operation(summary = "One student, with the growth archive (一生一档) where the caller may read it",
			description = "The roster fields for everyone who may know the student; personal fields and the archive "
					+ "(with its version) only for archive readers (mentor, head teacher, psychology teacher, "
					+ "leaders), otherwise null. Audited.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Student id")
	@GetMapping("/{id}")
	StudentDetail get(@PathVariable long id) {
		return students.get(id);
	}

	@Operation(summary = "The student's growth archive (一生一档)",
			description = "The archive as {version, content, updatedBy, updatedAt}; version 0 when it was never "
					+ "saved. Send the same object back, edited, with PUT. Audited; 403 for callers who may list the "
					+ "student but not read the archive.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Student id")
	@GetMapping("/{id}/archive")
	ArchiveView archive(@PathVariable long id) {
		return students.archive(id);
	}

	@Operation(summary = "Save the growth archive (一生一档)",
			description = "Takes what GET answered, edited: version (the one the edit started from) and the whole "
					+ "content; updatedBy and updatedAt are ignored. Answers the saved archive in the same shape, "
					+ "with the next version. A save by someone else since that version is a 409 and changes nothing.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Student id")
	@ApiError(status = 409,
			description = "Someone saved the archive since this version: GET it again and redo the edit (code "
					+ "archive.conflict)")
	@PutMapping("/{id}/archive")
	ArchiveView saveArchive(@PathVariable long id, @Valid @RequestBody ArchiveUpdate update) {
		return students.saveArchive(id, update.version(), update.content());
	}

	@Operation(summary = "Saved versions of the growth archive",
			description = "Who saved which version when, newest first; the content of one version is GET "
					+ ".../revisions/{version}.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Student id")
	@GetMapping("/{id}/archive/revisions")
	java.util.List<RevisionLine> revisions(@PathVariable long id) {
		return students.archiveRevisions(id)
			.stream()
			.map(r -> new RevisionLine(r.version(), r.changedBy(), r.changedAt()))
			.toList();
	}

	@Operation(summary = "One saved version of the growth archive",
			description = "The archive as it was saved in that version, with who saved it and when. Audited.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Student id")
	@Parameter(name = "version", in = ParameterIn.PATH,
			description = "Version number from the revision list (1 is the first save)")
	@GetMapping("/{id}/archive/revisions/{version}")
	ArchiveStore.Revision revision(@PathVariable long id, @PathVariable int version) {
		return students.archiveRevision(id, version);
	}
}
