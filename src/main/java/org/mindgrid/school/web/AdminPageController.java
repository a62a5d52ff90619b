package org.mindgrid.school.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import jakarta.validation.Valid;

import org.mindgrid.school.AdminRequests.CityName;
import org.mindgrid.school.AdminRequests.NewClass;
import org.mindgrid.school.AdminRequests.NewDistrict;
import org.mindgrid.school.AdminRequests.NewGrade;
import org.mindgrid.school.AdminRequests.NewSchool;
import org.mindgrid.school.AdminRequests.NewSemester;
import org.mindgrid.school.GradeNames;
import org.mindgrid.school.InvalidInput;
import org.mindgrid.school.SchoolAccess;
import org.mindgrid.school.SchoolAdministration;
import org.mindgrid.school.Stage;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administration pages: the city, districts and schools (system administrators), and a school's grades,
 * classes and semesters. A form with errors is shown again with the messages at its fields.
 */
@Controller
class AdminPageController {

	private final SchoolAdministration schools;

	private final SchoolAccess access;

	private final MessageSource messages;

	AdminPageController(SchoolAdministration schools, SchoolAccess access, MessageSource messages) {
		this.schools = schools;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/admin")
	String admin(Model model) {
		if (!access.isSystemAdmin()) {
			List<Long> own = access.adminSchools();
			if (own.isEmpty()) {
				// A leader who is not an administrator grants posts and reads the post events on the staff page.
				List<Long> led = access.grantSchools();
				if (led.isEmpty()) {
					throw ApiProblem.forbidden("problem.forbidden");
				}
				return "redirect:/admin/schools/" + led.get(0) + "/staff";
			}
			return "redirect:/admin/schools/" + own.get(0);
		}
		defaults(model, "cityErrors", "districtErrors", "schoolErrors");
		model.addAttribute("city", schools.city().orElse(null));
		model.addAttribute("districts", schools.districts());
		model.addAttribute("schools", schools.schools());
		model.addAttribute("stages", Stage.values());
		return "school/admin";
	}

	@PostMapping("/admin/city")
	String saveCity(@Valid @ModelAttribute("cityForm") CityName form, BindingResult result, Model model,
			RedirectAttributes flash, Locale locale) {
		return submit(result, model, flash, locale, "cityErrors", () -> schools.saveCity(form), "redirect:/admin",
				() -> admin(model));
	}

	@PostMapping("/admin/districts")
	String createDistrict(@Valid @ModelAttribute("districtForm") NewDistrict form, BindingResult result, Model model,
			RedirectAttributes flash, Locale locale) {
		return submit(result, model, flash, locale, "districtErrors", () -> schools.createDistrict(form),
				"redirect:/admin", () -> admin(model));
	}

	@PostMapping("/admin/schools")
	String createSchool(@Valid @ModelAttribute("schoolForm") NewSchool form, BindingResult result, Model model,
			RedirectAttributes flash, Locale locale) {
		return submit(result, model, flash, locale, "schoolErrors", () -> schools.createSchool(form), "redirect:/admin",
				() -> admin(model));
	}

	@GetMapping("/admin/schools/{id}")
	String school(@PathVariable long id, Model model) {
		access.requireAdmin(id);
		defaults(model, "gradeErrors", "classErrors", "semesterErrors");
		var school = schools.school(id);
		model.addAttribute("school", school);
		model.addAttribute("grades", schools.grades(id));
		model.addAttribute("classes", schools.classes(id));
		model.addAttribute("semesters", schools.semesters(id));
		Map<Integer, String> levels = new LinkedHashMap<>();
		IntStream.rangeClosed(school.stage().firstGrade(), school.stage().lastGrade())
			.forEach(l -> levels.put(l, GradeNames.nameOf(l)));
		model.addAttribute("levels", levels);
		model.addAttribute("systemAdmin", access.isSystemAdmin());
		return "school/admin-school";
	}

	@PostMapping("/admin/schools/{id}/grades")
	String addGrade(@PathVariable long id, @Valid @ModelAttribute("gradeForm") NewGrade form, BindingResult result,
			Model model, RedirectAttributes flash, Locale locale) {
		return submit(result, model, flash, locale, "gradeErrors", () -> schools.addGrade(id, form),
				"redirect:/admin/schools/" + id, () -> school(id, model));
	}

	@PostMapping("/admin/schools/{id}/classes")
	String createClass(@PathVariable long id, @Valid @ModelAttribute("classForm") NewClass form, BindingResult result,
			Model model, RedirectAttributes flash, Locale locale) {
		return submit(result, model, flash, locale, "classErrors", () -> schools.createClass(id, form),
				"redirect:/admin/schools/" + id, () -> school(id, model));
	}

	@PostMapping("/admin/schools/{id}/semesters")
	String createSemester(@PathVariable long id, @Valid @ModelAttribute("semesterForm") NewSemester form,
			BindingResult result, Model model, RedirectAttributes flash, Locale locale) {
		return submit(result, model, flash, locale, "semesterErrors", () -> schools.createSemester(id, form),
				"redirect:/admin/schools/" + id, () -> school(id, model));
	}

	@PostMapping("/admin/schools/{id}/semesters/{semesterId}/current")
	String makeCurrent(@PathVariable long id, @PathVariable long semesterId, RedirectAttributes flash) {
		schools.makeCurrent(id, semesterId);
		flash.addFlashAttribute("saved", true);
		return "redirect:/admin/schools/" + id;
	}

	/** Runs the action unless the form is invalid; on errors shows the page again with them. */
	private String submit(BindingResult result, Model model, RedirectAttributes flash, Locale locale, String errorsName,
			Supplier<?> action, String success, Supplier<String> page) {
		Map<String, String> errors;
		if (result.hasErrors()) {
			errors = FieldErrors.messages(result, messages, locale);
		}
		else {
			try {
				action.get();
				flash.addFlashAttribute("saved", true);
				return success;
			}
			catch (InvalidInput e) {
				errors = FieldErrors.messages(e, messages, locale);
			}
		}
		model.addAttribute(errorsName, errors);
		return page.get();
	}

	static void defaults(Model model, String... errorNames) {
		for (String name : errorNames) {
			if (!model.containsAttribute(name)) {
				model.addAttribute(name, Map.of());
			}
		}
	}
}
