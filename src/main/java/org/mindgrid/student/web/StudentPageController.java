package org.mindgrid.student.web;

import jakarta.servlet.http.HttpServletRequest;

import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Role;
import org.mindgrid.shared.web.Page;
import org.mindgrid.student.StudentDetail;
import org.mindgrid.student.Students;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The student list (live search) and the student's page, the hub with its tabs. */
@Controller
class StudentPageController {

	static final int PAGE_SIZE = 20;

	private final Students students;

	private final CurrentUsers users;

	private final Times times;

	StudentPageController(Students students, CurrentUsers users, Times times) {
		this.students = students;
		this.users = users;
		this.times = times;
	}

	@GetMapping("/students")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long classId,
			@RequestParam(required = false) Integer page, HttpServletRequest request, Model model) {
		String query = q == null ? null : q.strip();
		if (query != null && query.length() > 50) {
			query = query.substring(0, 50);
		}
		Page<?> result = students.list(new Students.Filter(classId, query, Page.clampPage(page), PAGE_SIZE));
		model.addAttribute("result", result);
		model.addAttribute("q", query == null ? "" : query);
		model.addAttribute("classId", classId);
		// htmx live search swaps only the results; a history restore or a plain request gets the whole page.
		if (request.getHeader("HX-Request") != null && request.getHeader("HX-History-Restore-Request") == null) {
			return "student/list :: results";
		}
		model.addAttribute("classes", students.classesInScope());
		return "student/list";
	}

	/** The hub: header, then the archive tab (or a note that it exists and who may open it). */
	@GetMapping("/students/{id}")
	String hub(@PathVariable long id, Model model) {
		StudentDetail student = students.get(id);
		hubModel(model, student);
		return "student/hub";
	}

	/** The archive tab on its own address: 403 for those who may list the student but not read the archive. */
	@GetMapping("/students/{id}/archive")
	String archive(@PathVariable long id, Model model) {
		students.requireArchiveReader(id);
		return hub(id, model);
	}

	void hubModel(Model model, StudentDetail student) {
		model.addAttribute("student", student);
		model.addAttribute("mentors", students.mentorNames(student.id()));
		// Shows the tab only; the audit module checks again in SQL when the trail is opened.
		model.addAttribute("canReadAudit", users.current()
			.hasRoleAtSchool(student.schoolId(), Role.PSYCH_TEACHER, Role.CRISIS_TEAM, Role.SCHOOL_LEADER));
		if (student.archive() != null) {
			model.addAttribute("archive", student.archive());
			model.addAttribute("savedAt", times.format(student.archive().updatedAt()));
		}
	}
}
