package org.mindgrid.school.web;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.mindgrid.identity.Role;
import org.mindgrid.school.AdminRequests.NewPost;
import org.mindgrid.school.AdminRequests.NewStaff;
import org.mindgrid.school.AdminViews.ClassRow;
import org.mindgrid.school.AdminViews.StaffRow;
import org.mindgrid.school.InvalidInput;
import org.mindgrid.school.SchoolAccess;
import org.mindgrid.school.SchoolAdministration;
import org.mindgrid.school.StaffAdministration;
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

/** A school's staff: accounts, posts, enable/disable, unlock and password reset. */
@Controller
class StaffPageController {

	/** Posts a school page can grant: school roles at the school, class roles at one of its classes. */
	private static final List<Role> ROLES = List.of(Role.HEAD_TEACHER, Role.MENTOR, Role.SUBJECT_TEACHER,
			Role.PSYCH_TEACHER, Role.CRISIS_TEAM, Role.SCHOOL_LEADER, Role.SCHOOL_ADMIN);

	private static final int POST_EVENTS_SHOWN = 20;

	private final StaffAdministration staff;

	private final SchoolAdministration schools;

	private final SchoolAccess access;

	private final MessageSource messages;

	private final Clock clock;

	/** A failed login as the member page lists it, in the school's time zone. */
	record FailedLoginRow(java.time.LocalDateTime at, String address, String reason) {
	}

	StaffPageController(StaffAdministration staff, SchoolAdministration schools, SchoolAccess access,
			MessageSource messages, Clock clock) {
		this.staff = staff;
		this.schools = schools;
		this.access = access;
		this.messages = messages;
		this.clock = clock;
	}

	/** The school's staff: administrators manage accounts; leaders grant posts and see the post events (ADR 0015). */
	@GetMapping("/admin/schools/{id}/staff")
	String list(@PathVariable long id, Model model) {
		access.requireStaffReader(id);
		AdminPageController.defaults(model, "staffErrors");
		var members = staff.staff(id);
		model.addAttribute("school", schools.school(id));
		model.addAttribute("staff", members);
		model.addAttribute("systemAdmin", access.isSystemAdmin());
		model.addAttribute("canAdminister", canAdminister(id));
		boolean leaderView = access.caller().hasRoleAtSchool(id, Role.SCHOOL_LEADER, Role.SCHOOL_ADMIN);
		model.addAttribute("postEvents", leaderView ? staff.postEvents(id, 0, POST_EVENTS_SHOWN) : null);
		model.addAttribute("zone", clock.getZone());
		model.addAttribute("names", members.stream().collect(Collectors.toMap(StaffRow::id, StaffRow::displayName)));
		model.addAttribute("classNames", schools.classes(id).stream()
			.collect(Collectors.toMap(ClassRow::id, ClassRow::displayName)));
		return "school/admin-staff";
	}

	@PostMapping("/admin/schools/{id}/staff")
	String create(@PathVariable long id, @Valid @ModelAttribute("staffForm") NewStaff form, BindingResult result,
			Model model, RedirectAttributes flash, Locale locale) {
		Map<String, String> errors;
		if (result.hasErrors()) {
			errors = FieldErrors.messages(result, messages, locale);
		}
		else {
			try {
				var created = staff.createStaff(id, form);
				// Shown once on the next page, then gone: the password is never stored in clear.
				flash.addFlashAttribute("created", created);
				return "redirect:/admin/schools/" + id + "/staff/" + created.id();
			}
			catch (InvalidInput e) {
				errors = FieldErrors.messages(e, messages, locale);
			}
		}
		model.addAttribute("staffErrors", errors);
		return list(id, model);
	}

	@GetMapping("/admin/schools/{id}/staff/{userId}")
	String member(@PathVariable long id, @PathVariable long userId, Model model) {
		access.requireStaffReader(id);
		AdminPageController.defaults(model, "postErrors");
		boolean self = access.caller().id() == userId;
		boolean grantor = access.grantSchools().contains(id);
		// Offer only what the caller may grant: never to themselves; the system admin sets up the school's admin.
		List<Role> roles = self ? List.of() : grantor ? ROLES : access.isSystemAdmin() ? List.of(Role.SCHOOL_ADMIN) : List.of();
		model.addAttribute("school", schools.school(id));
		model.addAttribute("member", staff.member(id, userId));
		model.addAttribute("classes", schools.classes(id));
		model.addAttribute("roles", roles);
		model.addAttribute("self", self);
		model.addAttribute("canAdminister", canAdminister(id));
		model.addAttribute("canRemove", grantor || access.isSystemAdmin());
		model.addAttribute("loginFailures", !canAdminister(id) ? java.util.List.of()
				: staff.loginFailures(id, userId).stream()
					.map(f -> new FailedLoginRow(java.time.LocalDateTime.ofInstant(f.at(), clock.getZone()), f.address(),
							f.reason()))
					.toList());
		return "school/admin-staff-member";
	}

	@PostMapping("/admin/schools/{id}/staff/{userId}/posts")
	String addPost(@PathVariable long id, @PathVariable long userId, @Valid @ModelAttribute("postForm") NewPost form,
			BindingResult result, Model model, RedirectAttributes flash, Locale locale) {
		access.requireStaffReader(id);
		Map<String, String> errors;
		if (result.hasErrors()) {
			errors = FieldErrors.messages(result, messages, locale);
		}
		else {
			try {
				Long classId = form.role() != null && form.role().isClassLevel() ? form.classId() : null;
				staff.addPost(userId, new NewPost(form.role(), classId, form.partTime(), id, null, null));
				flash.addFlashAttribute("saved", true);
				return "redirect:/admin/schools/" + id + "/staff/" + userId;
			}
			catch (InvalidInput e) {
				errors = FieldErrors.messages(e, messages, locale);
			}
			catch (ApiProblem e) {
				// A refused grant (403/404) is the error page; a conflict (a student account, a post held) is a message.
				if (e.isAccessRefusal()) {
					throw e;
				}
				errors = Map.of("role", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
			}
		}
		model.addAttribute("postErrors", errors);
		return member(id, userId, model);
	}

	@PostMapping("/admin/schools/{id}/staff/{userId}/posts/{postId}/delete")
	String removePost(@PathVariable long id, @PathVariable long userId, @PathVariable long postId,
			RedirectAttributes flash) {
		access.requireStaffReader(id);
		staff.removePost(postId);
		flash.addFlashAttribute("saved", true);
		return "redirect:/admin/schools/" + id + "/staff/" + userId;
	}

	private boolean canAdminister(long schoolId) {
		return access.isSystemAdmin() || access.caller().hasRoleAtSchool(schoolId, Role.SCHOOL_ADMIN);
	}

	@PostMapping("/admin/schools/{id}/staff/{userId}/enable")
	String enable(@PathVariable long id, @PathVariable long userId, RedirectAttributes flash) {
		staff.setEnabled(id, userId, true);
		flash.addFlashAttribute("saved", true);
		return "redirect:/admin/schools/" + id + "/staff/" + userId;
	}

	@PostMapping("/admin/schools/{id}/staff/{userId}/disable")
	String disable(@PathVariable long id, @PathVariable long userId, RedirectAttributes flash) {
		staff.setEnabled(id, userId, false);
		flash.addFlashAttribute("saved", true);
		return "redirect:/admin/schools/" + id + "/staff/" + userId;
	}

	@PostMapping("/admin/schools/{id}/staff/{userId}/unlock")
	String unlock(@PathVariable long id, @PathVariable long userId, RedirectAttributes flash) {
		staff.unlock(id, userId);
		flash.addFlashAttribute("saved", true);
		return "redirect:/admin/schools/" + id + "/staff/" + userId;
	}

	@PostMapping("/admin/schools/{id}/staff/{userId}/reset-password")
	String resetPassword(@PathVariable long id, @PathVariable long userId, RedirectAttributes flash) {
		flash.addFlashAttribute("newPassword", staff.resetPassword(id, userId));
		return "redirect:/admin/schools/" + id + "/staff/" + userId;
	}
}
