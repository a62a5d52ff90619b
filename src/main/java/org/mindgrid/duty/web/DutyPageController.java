package org.mindgrid.duty.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mindgrid.duty.DutyKind;

import org.mindgrid.duty.board.CoverageBoard;
import org.mindgrid.duty.board.DutyBoard;
import org.mindgrid.duty.board.DutyRow;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Role;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "My duties": the first page of mentors, head teachers and psychology teachers; and one duty's page. */
@Controller
class DutyPageController {

	/** A row with its deadline label and local times for display. */
	record View(DutyRow duty, DueLabel due, LocalDateTime dueAt, LocalDateTime doneAt) {
	}

	/**
	 * Rows of one kind in a section, in deadline order: shown as one line with a count when there are several (15
	 * 学期谈心 are one thing to do, for 15 students), expanding to the students.
	 */
	record Group(DutyKind kind, List<View> views) {

		public View first() {
			return views.get(0);
		}

		public boolean single() {
			return views.size() == 1;
		}

		public long overdueCount() {
			return views.stream().filter(v -> v.duty().open() && v.due().overdue()).count();
		}
	}

	static List<Group> group(List<View> views) {
		Map<DutyKind, List<View>> byKind = new LinkedHashMap<>();
		views.forEach(v -> byKind.computeIfAbsent(v.duty().kind(), k -> new ArrayList<>()).add(v));
		return byKind.entrySet().stream().map(e -> new Group(e.getKey(), List.copyOf(e.getValue()))).toList();
	}

	private final DutyBoard board;

	private final CoverageBoard coverage;

	private final CurrentUsers users;

	private final Clock clock;

	DutyPageController(DutyBoard board, CoverageBoard coverage, CurrentUsers users, Clock clock) {
		this.board = board;
		this.coverage = coverage;
		this.users = users;
		this.clock = clock;
	}

	@GetMapping("/duties")
	String duties(Model model) {
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, clock.getZone());
		List<View> overdue = new ArrayList<>();
		List<View> dueToday = new ArrayList<>();
		List<View> upcoming = new ArrayList<>();
		List<View> done = new ArrayList<>();
		for (DutyRow row : board.mine()) {
			View view = view(row, now);
			if (!row.open()) {
				done.add(view);
			}
			else if (row.dueAt().isBefore(now)) {
				overdue.add(view);
			}
			else if (view.dueAt().toLocalDate().equals(today)) {
				dueToday.add(view);
			}
			else {
				upcoming.add(view);
			}
		}
		done.sort((x, y) -> y.duty().doneAt().compareTo(x.duty().doneAt()));
		var user = users.current();
		boolean team = user.hasAnyRole(Role.HEAD_TEACHER, Role.PSYCH_TEACHER, Role.SCHOOL_LEADER);
		model.addAttribute("overdue", group(overdue));
		model.addAttribute("dueToday", group(dueToday));
		model.addAttribute("upcoming", group(upcoming));
		model.addAttribute("done", group(done));
		model.addAttribute("counts", Map.of("overdue", overdue.size(), "dueToday", dueToday.size(), "upcoming",
				upcoming.size(), "done", done.size()));
		model.addAttribute("team",
				group(team ? board.teamOverdue().stream().map(r -> view(r, now)).toList() : List.of()));
		model.addAttribute("showTeam", team);
		model.addAttribute("coverage", coverage.forCurrentUser());
		return "duty/duties";
	}

	@GetMapping("/duties/{id}")
	String duty(@PathVariable long id, Model model) {
		model.addAttribute("d", view(board.get(id), clock.instant()));
		return "duty/duty";
	}

	@PostMapping("/duties/{id}/done")
	String done(@PathVariable long id, @RequestParam(required = false) String note, Model model) {
		try {
			board.markDone(id, note);
			return "redirect:/duties/" + id + "?done";
		}
		catch (ApiProblem e) {
			if (e.status().value() != 400) {
				throw e;
			}
			model.addAttribute("d", view(board.get(id), clock.instant()));
			model.addAttribute("error", e.messageKey());
			model.addAttribute("errorArgs", e.args());
			model.addAttribute("note", note);
			return "duty/duty";
		}
	}

	private View view(DutyRow row, Instant now) {
		return new View(row, DueLabel.of(row.dueAt(), now), LocalDateTime.ofInstant(row.dueAt(), clock.getZone()),
				row.doneAt() == null ? null : LocalDateTime.ofInstant(row.doneAt(), clock.getZone()));
	}
}
