package org.mindgrid.student.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

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

	/** {@code PUT /archive} body: the version the editor started from and the whole archive. */
	record ArchiveUpdate(@NotNull @PositiveOrZero Integer version, @NotNull @Valid GrowthArchive archive) {
	}

	/** A line of the revision list: who saved which version when (the content is fetched per version). */
	record RevisionLine(int version, String changedBy, java.time.Instant changedAt) {
	}

	private final Students students;

	StudentApiController(Students students) {
		this.students = students;
	}

	@GetMapping
	Page<StudentSummary> list(@RequestParam(required = false) Long classId, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return students.list(new Students.Filter(classId, q, Page.clampPage(page), Page.clampSize(size)));
	}

	@GetMapping("/{id}")
	StudentDetail get(@PathVariable long id) {
		return students.get(id);
	}

	@GetMapping("/{id}/archive")
	ArchiveView archive(@PathVariable long id) {
		return students.archive(id);
	}

	@PutMapping("/{id}/archive")
	ArchiveView saveArchive(@PathVariable long id, @Valid @RequestBody ArchiveUpdate update) {
		return students.saveArchive(id, update.version(), update.archive());
	}

	@GetMapping("/{id}/archive/revisions")
	java.util.List<RevisionLine> revisions(@PathVariable long id) {
		return students.archiveRevisions(id)
			.stream()
			.map(r -> new RevisionLine(r.version(), r.changedBy(), r.changedAt()))
			.toList();
	}

	@GetMapping("/{id}/archive/revisions/{version}")
	ArchiveStore.Revision revision(@PathVariable long id, @PathVariable int version) {
		return students.archiveRevision(id, version);
	}
}
