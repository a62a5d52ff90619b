package org.mindgrid.grid.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.mindgrid.grid.Grids;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Post;
import org.mindgrid.identity.Role;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The grid pages. Changes are plain form posts (they work without JavaScript, answered by a redirect) that htmx
 * sends instead, answered by the refreshed grid fragment; a refused change shows its message above the grid.
 */
@Controller
class GridPageController {

	private static final String CLASS_PAGE = "grid/class";

	private final Grids grids;

	private final CurrentUsers users;

	private final MessageSource messages;

	GridPageController(Grids grids, CurrentUsers users, MessageSource messages) {
		this.grids = grids;
		this.users = users;
		this.messages = messages;
	}

	/** School staff with a school post see their school; head teachers their class; mentors their students. */
	@GetMapping("/grid")
	String landing(Model model) {
		CurrentUser user = users.current();
		Long schoolId = user.posts().stream()
			.filter(p -> p.role() == Role.PSYCH_TEACHER || p.role() == Role.SCHOOL_LEADER
					|| p.role() == Role.SCHOOL_ADMIN || p.role() == Role.CRISIS_TEAM)
			.map(Post::schoolId)
			.findFirst()
			.orElse(null);
		if (schoolId != null) {
			return school(schoolId, model);
		}
		List<Long> headOf = user.classIds(Role.HEAD_TEACHER);
		if (!headOf.isEmpty()) {
			return "redirect:/grid/classes/" + headOf.get(0);
		}
		model.addAttribute("groups", grids.myStudents());
		return "grid/mine";
	}

	@GetMapping("/grid/schools/{id}")
	String school(@PathVariable long id, Model model) {
		model.addAttribute("school", grids.schoolGrid(id));
		return "grid/school";
	}

	@GetMapping("/grid/classes/{id}")
	String classPage(@PathVariable long id, Model model) {
		return render(id, model, false, null, null, false);
	}

	@PostMapping("/grid/classes/{id}/mentors")
	String addMentor(@PathVariable long id, @RequestParam(required = false) Long userId, Model model,
			HttpServletRequest request) {
		return change(id, null, false, model, request, () -> {
			if (userId == null) {
				throw ApiProblem.badRequest("grid.choose-staff");
			}
			grids.addMentor(id, userId);
		});
	}

	@PostMapping("/grid/classes/{id}/mentors/{userId}/remove")
	String removeMentor(@PathVariable long id, @PathVariable long userId, Model model, HttpServletRequest request) {
		return change(id, null, false, model, request, () -> grids.removeMentor(id, userId));
	}

	@PostMapping("/grid/classes/{id}/assign")
	String assign(@PathVariable long id, @RequestParam(required = false) Long mentorUserId,
			@RequestParam(required = false) List<Long> studentIds, Model model, HttpServletRequest request) {
		return change(id, mentorUserId, true, model, request, () -> {
			if (mentorUserId == null) {
				throw ApiProblem.badRequest("grid.choose-mentor");
			}
			grids.assignStudents(id, mentorUserId, studentIds == null ? List.of() : studentIds);
		});
	}

	@PostMapping("/grid/classes/{id}/mentors/{userId}/students/{studentId}/remove")
	String unassign(@PathVariable long id, @PathVariable long userId, @PathVariable long studentId, Model model,
			HttpServletRequest request) {
		return change(id, userId, false, model, request, () -> grids.unassignStudent(id, userId, studentId));
	}

	/** Runs a change; refusals other than 403 become a message on the page, 403 goes to the error page. */
	private String change(long classId, Long focus, boolean assigning, Model model, HttpServletRequest request,
			Runnable action) {
		boolean htmx = request.getHeader("HX-Request") != null;
		try {
			action.run();
		}
		catch (ApiProblem e) {
			if (e.status() == HttpStatus.FORBIDDEN) {
				throw e;
			}
			String error = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
			return render(classId, model, htmx, error, focus, assigning);
		}
		return htmx ? render(classId, model, true, null, focus, false) : "redirect:/grid/classes/" + classId;
	}

	/**
	 * {@code focus}: the mentor whose card stays open after a change; {@code assignOpen}: keep the assignment form
	 * open (a refused assignment, so the ticks can be corrected).
	 */
	private String render(long classId, Model model, boolean fragment, String error, Long focus, boolean assignOpen) {
		Grids.ClassView view = grids.classView(classId);
		model.addAttribute("view", view);
		model.addAttribute("grid", view.grid());
		model.addAttribute("me", users.current().id());
		model.addAttribute("error", error);
		model.addAttribute("focus", focus == null ? 0L : focus);
		model.addAttribute("assignOpen", assignOpen);
		return fragment ? CLASS_PAGE + " :: grid-body" : CLASS_PAGE;
	}
}
