package org.mindgrid.student.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.mindgrid.student.StudentDetail;
import org.mindgrid.student.Students;
import org.mindgrid.student.archive.ArchiveSection;
import org.mindgrid.student.archive.ArchiveStore;
import org.mindgrid.student.archive.ArchiveView;
import org.mindgrid.student.archive.GrowthArchive;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.DateLimits;
import org.mindgrid.shared.web.DateOutOfRange;
import org.mindgrid.shared.web.InputErrors;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Editing the growth archive on a phone, section by section, and its revisions. A save that lost the race keeps what the user typed,
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

	/**
	 * The archive page, section by section (issue 7, point 9): each section is its own form with its own save;
	 * {@code ?saved=health} after a save without htmx opens that section with its confirmation.
	 */
	@GetMapping("/students/{id}/archive/edit")
	String edit(@PathVariable long id, @RequestParam(required = false) String saved, Model model) {
		students.requireArchiveReader(id);
		StudentDetail student = students.get(id);
		ArchiveForm form = ArchiveForm.of(student.archive());
		ArchiveSection.of(saved)
			.ifPresent(s -> model.addAttribute("active", new Active(s.code(), form.getVersion(), true, null, null)));
		return form(model, student, form, Map.of());
	}

	/**
	 * Saves one section. With htmx the answer is that section alone (saved, or with its errors or the conflict), so
	 * what was typed in the other sections stays on the page; without it, the page again.
	 */
	@PostMapping("/students/{id}/archive/sections/{code}")
	String saveSection(@PathVariable long id, @PathVariable String code, @ModelAttribute("form") ArchiveForm form,
			BindingResult binding, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		ArchiveSection section = ArchiveSection.of(code).orElseThrow(() -> ApiProblem.notFound("problem.not-found"));
		students.requireArchiveReader(id);
		form.dropBlankRows();
		GrowthArchive edited = form.toArchive(binding);
		Map<String, String> errors = new LinkedHashMap<>();
		binding.getFieldErrors()
			.stream()
			.filter(fe -> section.holds(fe.getField()))
			.forEach(fe -> errors.putIfAbsent(fe.getField(),
					InputErrors.message(messages, fe, LocaleContextHolder.getLocale())));
		for (ConstraintViolation<GrowthArchive> v : validator.validate(edited)) {
			if (section.holds(fieldOf(v))) {
				errors.putIfAbsent(fieldOf(v),
						InputErrors.named(messages, fieldOf(v), v.getMessage(), LocaleContextHolder.getLocale()));
			}
		}
		boolean fragment = "true".equals(htmx);
		if (!errors.isEmpty()) {
			StudentDetail student = students.get(id);
			model.addAttribute("active", new Active(code, form.getVersion(), false, null, null));
			return sectionPage(model, student, withSection(student, section, form), errors, fragment);
		}
		try {
			ArchiveView saved = students.saveArchiveSection(id, form.getVersion(), section, edited);
			if (!fragment) {
				return "redirect:/students/" + id + "/archive/edit?saved=" + code + "#section-" + code;
			}
			model.addAttribute("active", new Active(code, saved.version(), true, null, null));
			return sectionPage(model, students.get(id), ArchiveForm.of(saved), Map.of(), true);
		}
		catch (ApiProblem e) {
			if (e.status() != HttpStatus.CONFLICT) {
				throw e;
			}
			// Someone changed this section first: keep what was typed, show theirs, and let the next save of this
			// section go over it deliberately (it starts from their version).
			StudentDetail student = students.get(id);
			ArchiveView latest = student.archive();
			model.addAttribute("active",
					new Active(code, latest.version(), false, latest, times.format(latest.updatedAt())));
			return sectionPage(model, student, withSection(student, section, form), Map.of(), fragment);
		}
	}

	/** The section being saved: its version for the next save, saved just now, or the newer version it lost to. */
	record Active(String code, int version, boolean saved, ArchiveView conflict, String conflictSavedAt) {
	}

	/** The stored archive with the section as typed, so the other sections show what is stored. */
	private static ArchiveForm withSection(StudentDetail student, ArchiveSection section, ArchiveForm typed) {
		ArchiveForm shown = ArchiveForm.of(student.archive());
		BeanWrapper from = new BeanWrapperImpl(typed);
		BeanWrapper to = new BeanWrapperImpl(shown);
		section.properties().forEach(p -> to.setPropertyValue(p, from.getPropertyValue(p)));
		return shown;
	}

	private String sectionPage(Model model, StudentDetail student, ArchiveForm form, Map<String, String> errors,
			boolean fragment) {
		String page = form(model, student, form, errors);
		return fragment ? page + " :: activeSection" : page;
	}

	@PostMapping("/students/{id}/archive")
	String save(@PathVariable long id, @ModelAttribute("form") ArchiveForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		students.requireArchiveReader(id);
		form.dropBlankRows();
		GrowthArchive archive = form.toArchive(binding);
		Map<String, String> errors = new LinkedHashMap<>();
		binding.getFieldErrors()
			.forEach(fe -> errors.putIfAbsent(fe.getField(),
					InputErrors.message(messages, fe, LocaleContextHolder.getLocale())));
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
			errors.putIfAbsent(fieldOf(v),
						InputErrors.named(messages, fieldOf(v), v.getMessage(), LocaleContextHolder.getLocale()));
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
		model.addAttribute("sections", java.util.Arrays.stream(ArchiveSection.values()).map(ArchiveSection::code).toList());
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
