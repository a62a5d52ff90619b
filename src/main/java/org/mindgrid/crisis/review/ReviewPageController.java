package org.mindgrid.crisis.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mindgrid.crisis.events.EventAccess;
import org.mindgrid.crisis.review.ReviewViews.Responsibility;
import org.mindgrid.crisis.review.ReviewViews.Review;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The review page ({@code /crisis/{id}/review}, the duty link of a review's actions): the timeline with the gaps in
 * red, and for the district officer while it is open the findings, responsibility chain and a new action; read-only
 * once closed. A refused save shows the page again with what was typed.
 */
@Controller
class ReviewPageController {

	/** Blank responsibility rows offered below the saved ones. */
	static final int BLANK_ROWS = 2;

	private final CrisisReviews reviews;

	private final EventAccess access;

	private final MessageSource messages;

	ReviewPageController(CrisisReviews reviews, EventAccess access, MessageSource messages) {
		this.reviews = reviews;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/crisis/{id}/review")
	String show(@PathVariable long id, @RequestParam(required = false) String done, Model model) {
		var review = reviews.readOrOffer(id);
		if (review.isEmpty()) {
			model.addAttribute("eventId", id);
			return "crisis/review";
		}
		page(model, id, review.get(), null, null, null);
		if ("saved".equals(done) || "closed".equals(done) || "opened".equals(done) || "action".equals(done)) {
			model.addAttribute("done", done);
		}
		return "crisis/review";
	}

	/** A review action's duty: the review, at the action. */
	@GetMapping("/crisis/review-actions/{id:\\d+}")
	String action(@PathVariable long id) {
		return "redirect:/crisis/" + reviews.eventOfAction(id) + "/review#action-" + id;
	}

	@PostMapping("/crisis/{id}/review")
	String save(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model) {
		String intent = first(form, "intent");
		Map<String, Object> body = new LinkedHashMap<>();
		List<Responsibility> typedChain = new ArrayList<>();
		Map<String, String> typedAction = new LinkedHashMap<>();
		if (!"open".equals(intent)) {
			String version = first(form, "version");
			if (version != null && !version.isBlank()) {
				body.put("version", version);
			}
			body.put("findings", first(form, "findings"));
			int rows = Math.min(parse(first(form, "rows")), CrisisReviews.ROWS_MAX + BLANK_ROWS);
			List<Map<String, Object>> chain = new ArrayList<>();
			for (int i = 0; i < rows; i++) {
				String role = first(form, "role." + i);
				String person = first(form, "person." + i);
				String finding = first(form, "finding." + i);
				typedChain.add(new Responsibility(role, person, finding));
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("role", role);
				row.put("person", person);
				row.put("finding", finding);
				chain.add(row);
			}
			body.put("responsibility", chain);
			for (String f : List.of("what", "ownerUserId", "dueOn")) {
				typedAction.put(f, first(form, f));
			}
			if (typedAction.values().stream().anyMatch(v -> v != null && !v.isBlank())) {
				body.put("actions", List.of(new LinkedHashMap<>(typedAction)));
			}
			body.put("close", "close".equals(intent));
		}
		try {
			var saved = reviews.save(id, body);
			String done = saved.opened() ? "opened" : "close".equals(intent) ? "closed" : "saved";
			return "redirect:/crisis/" + id + "/review?done=" + done;
		}
		catch (ApiProblem problem) {
			if (problem.isAccessRefusal()) {
				throw problem;
			}
			model.addAttribute("error", messages.getMessage(problem.messageKey(), problem.args(),
					LocaleContextHolder.getLocale()));
			model.addAttribute("errorField", problem.properties().get("field"));
			var review = reviews.readOrOffer(id);
			if (review.isEmpty()) {
				model.addAttribute("eventId", id);
				return "crisis/review";
			}
			page(model, id, review.get(), first(form, "findings"), typedChain, typedAction);
			return "crisis/review";
		}
	}

	private void page(Model model, long id, Review r, String typedFindings, List<Responsibility> typedChain,
			Map<String, String> typedAction) {
		model.addAttribute("eventId", id);
		model.addAttribute("r", r);
		// the school's readers follow the records' links; bureau officers do not open school pages
		model.addAttribute("links", access.require(id).reach() == org.mindgrid.crisis.events.Reach.TEAM);
		List<Responsibility> chain = new ArrayList<>(typedChain != null ? typedChain : r.responsibility());
		if (r.editable()) {
			for (int i = 0; i < BLANK_ROWS && chain.size() < CrisisReviews.ROWS_MAX + BLANK_ROWS; i++) {
				chain.add(new Responsibility(null, null, null));
			}
		}
		model.addAttribute("chain", chain);
		model.addAttribute("findings", typedFindings != null ? typedFindings : r.findings());
		model.addAttribute("action", typedAction != null ? typedAction : Map.of());
		model.addAttribute("owners", r.editable() ? reviews.owners(id) : List.of());
		List<Line> lines = new ArrayList<>();
		r.timeline().forEach(i -> lines.add(new Line(i.at(), i, null)));
		r.gaps().forEach(g -> lines.add(new Line(g.at(), null, g)));
		lines.sort(java.util.Comparator.comparing(Line::at).thenComparing(l -> l.gap() == null ? 0 : 1));
		model.addAttribute("lines", lines);
	}

	/** A line of the page's timeline: a record, or a gap at the time it became one (shown in red). */
	record Line(java.time.Instant at, ReviewViews.Item item, ReviewViews.GapView gap) {
	}

	private static String first(MultiValueMap<String, String> form, String name) {
		return form.getFirst(name);
	}

	private static int parse(String n) {
		try {
			return n == null ? 0 : Math.max(0, Integer.parseInt(n.strip()));
		}
		catch (NumberFormatException e) {
			return 0;
		}
	}
}
