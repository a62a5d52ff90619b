package org.mindgrid.student.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.mindgrid.student.StudentDetail;
import org.mindgrid.student.Students;
import org.mindgrid.student.archive.ArchiveStore;
import org.mindgrid.student.archive.ArchiveView;
import org.mindgrid.student.archive.GrowthArchive;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.DateLimits;
import org.mindgrid.shared.web.DateOutOfRange;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Editing the growth archive on a phone, and its revisions. A save that lost the race keeps what the user typed,
 * shows the newer version and lets them save over it on purpose.
 */
@Controller
class ArchivePageController {

	private final Students students;

	private final Validator validator;

	private final MessageSource messages;

	private final Times times;

	private final DateLimits dates;

	ArchivePageController(Students students, Validator validator, MessageSource messages, Times times,
			DateLimits dates) {
		this.students = students;
		this.validator = validator;
		this.messages = messages;
		this.times = times;
		this.dates = dates;
	}

	@InitBinder("form")
	void limitRows(WebDataBinder binder) {
		// Row indexes come from the browser; a tampered huge index must not grow a huge list.
		binder.setAutoGrowCollectionLimit(64);
	}

	@GetMapping("/students/{id}/archive/edit")
	String edit(@PathVariable long id, Model model) {
		students.requireArchiveReader(id);
		StudentDetail student = students.get(id);
		return form(model, student, ArchiveForm.of(student.archive()), Map.of());
	}

	@PostMapping("/students/{id}/archive")
	String save(@PathVariable long id, @ModelAttribute("form") ArchiveForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		students.requireArchiveReader(id);
		form.dropBlankRows();
		GrowthArchive archive = form.toArchive(binding);
		Map<String, String> errors = new LinkedHashMap<>();
		binding.getFieldErrors()
			.forEach(fe -> errors.putIfAbsent(fe.getField(), messages.getMessage(fe, LocaleContextHolder.getLocale())));
		for (int i = 0; i < archive.lifeEvents().size(); i++) {
			try {
				dates.check(archive.lifeEvents().get(i).date());
			}
			catch (DateOutOfRange e) {
				errors.putIfAbsent("lifeEvents[" + i + "].date",
						messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
			}
		}
		for (ConstraintViolation<GrowthArchive> v : validator.validate(archive)) {
			errors.putIfAbsent(fieldOf(v), v.getMessage());
		}
		if (!errors.isEmpty()) {
			return form(model, students.get(id), form, errors);
		}
		try {
			ArchiveView saved = students.saveArchive(id, form.getVersion(), archive);
			redirect.addFlashAttribute("savedVersion", saved.version());
			return "redirect:/students/" + id + "/archive";
		}
		catch (ApiProblem e) {
			if (e.status() != HttpStatus.CONFLICT) {
				throw e;
			}
			// Someone saved first: keep every typed value, point at the newer version, and let the next save
			// go over it deliberately.
			StudentDetail student = students.get(id);
			ArchiveView latest = student.archive();
			form.setVersion(latest.version());
			model.addAttribute("conflict", latest);
			model.addAttribute("conflictSavedAt", times.format(latest.updatedAt()));
			return form(model, student, form, Map.of());
		}
	}

	@GetMapping("/students/{id}/archive/revisions")
	String revisions(@PathVariable long id, Model model) {
		var revisions = students.archiveRevisions(id);
		model.addAttribute("student", students.get(id));
		model.addAttribute("revisions", revisions.stream()
			.map(r -> new RevisionRow(r.version(), r.changedBy(), times.format(r.changedAt())))
			.toList());
		return "student/revisions";
	}

	@GetMapping("/students/{id}/archive/revisions/{version}")
	String revision(@PathVariable long id, @PathVariable int version, Model model) {
		ArchiveStore.Revision revision = students.archiveRevision(id, version);
		model.addAttribute("student", students.get(id));
		model.addAttribute("revision", revision);
		model.addAttribute("changedAt", times.format(revision.changedAt()));
		return "student/revision";
	}

	record RevisionRow(int version, String changedBy, String changedAt) {
	}

	private String form(Model model, StudentDetail student, ArchiveForm form, Map<String, String> errors) {
		model.addAttribute("student", student);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("options", Options.INSTANCE);
		return "student/archive-edit";
	}

	/** {@code health.pastIllnesses[1].<list element>} names the checklist as a whole on the form. */
	static String fieldOf(ConstraintViolation<?> v) {
		String path = v.getPropertyPath().toString();
		if (path.endsWith(">")) {
			path = path.substring(0, path.lastIndexOf('.')).replaceAll("\\[\\d+]$", "");
		}
		return path;
	}

	/** The option lists of tool 1, for the form's radios, checkboxes and selects. */
	record Options(java.util.List<String> health, java.util.List<String> illnesses, java.util.List<String> liking,
			java.util.List<String> groupLiking, java.util.List<String> parents, java.util.List<String> atmospheres) {

		static final Options INSTANCE = new Options(GrowthArchive.HEALTH_LEVELS, GrowthArchive.ILLNESSES,
				GrowthArchive.LIKING, GrowthArchive.GROUP_LIKING, GrowthArchive.PARENTS_RELATIONSHIPS,
				GrowthArchive.ATMOSPHERES);
	}
}
