package org.mindgrid.mentoring.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.mindgrid.mentoring.HomeVisitOutline;
import org.mindgrid.mentoring.LedgerKind;
import org.mindgrid.mentoring.MentoringLedger;
import org.mindgrid.mentoring.Timeline;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.Page;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The student timeline page with kind chips and PDF export, and one page per ledger record. */
@Controller
class TimelinePageController {

	private final Timeline timeline;

	private final MentoringLedger ledger;

	private final MessageSource messages;

	private final Clock clock;

	TimelinePageController(Timeline timeline, MentoringLedger ledger, MessageSource messages, Clock clock) {
		this.timeline = timeline;
		this.ledger = ledger;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/students/{id}/timeline")
	String timeline(@PathVariable long id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) Integer page, Model model) {
		var kinds = Timeline.kinds(kind);
		Page<Timeline.Item> items = timeline.page(id, new Timeline.Filter(kinds, null, null), Page.clampPage(page), 30);
		model.addAttribute("student", timeline.header(id));
		model.addAttribute("items", items);
		model.addAttribute("kind", kinds.isEmpty() ? null : kinds.get(0));
		model.addAttribute("kinds", Timeline.KINDS);
		model.addAttribute("zone", clock.getZone());
		return "mentoring/timeline";
	}

	@GetMapping("/students/{id}/timeline.pdf")
	ResponseEntity<byte[]> timelinePdf(@PathVariable long id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			Locale locale) {
		return LedgerApiController.pdfResponse(
				timeline.exportPdf(id, new Timeline.Filter(Timeline.kinds(kind), from, to), locale));
	}

	@GetMapping("/students/{id}/{kind:talks|home-visits|contacts}/{recordId}")
	String record(@PathVariable long id, @PathVariable String kind, @PathVariable long recordId, Model model) {
		LedgerKind k = LedgerKind.ofPath(kind);
		Object record;
		long studentId;
		switch (k) {
			case TALK -> {
				var talk = ledger.talk(recordId);
				record = talk;
				studentId = talk.studentId();
			}
			case HOME_VISIT -> {
				var visit = ledger.homeVisit(recordId);
				record = visit;
				studentId = visit.studentId();
			}
			default -> {
				var contact = ledger.contact(recordId);
				record = contact;
				studentId = contact.studentId();
			}
		}
		if (studentId != id) {
			throw ApiProblem.notFound("mentoring.not-found");
		}
		model.addAttribute("student", timeline.header(id));
		model.addAttribute("kind", k.name());
		model.addAttribute("path", k.path());
		model.addAttribute("record", record);
		model.addAttribute("questions", HomeVisitOutline.all());
		model.addAttribute("zone", clock.getZone());
		return "mentoring/record";
	}

	@PostMapping("/students/{id}/{kind:talks|home-visits|contacts}/{recordId}/addenda")
	String addendum(@PathVariable long id, @PathVariable String kind, @PathVariable long recordId,
			@RequestParam(required = false) String text, RedirectAttributes redirect, Locale locale) {
		return act(id, kind, recordId, redirect, locale, () -> ledger.addendum(LedgerKind.ofPath(kind), recordId, text));
	}

	@PostMapping("/students/{id}/{kind:talks|home-visits|contacts}/{recordId}/void")
	String voidRecord(@PathVariable long id, @PathVariable String kind, @PathVariable long recordId,
			@RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
		return act(id, kind, recordId, redirect, locale,
				() -> ledger.voidRecord(LedgerKind.ofPath(kind), recordId, reason));
	}

	@PostMapping("/students/{id}/{kind:talks|home-visits|contacts}/{recordId}/escalation")
	String escalate(@PathVariable long id, @PathVariable String kind, @PathVariable long recordId,
			@RequestParam(required = false) String urgency, RedirectAttributes redirect, Locale locale) {
		return act(id, kind, recordId, redirect, locale, () -> {
			var u = MentoringLedger.urgency(urgency == null || urgency.isBlank() ? "HIGH" : urgency);
			ledger.escalate(LedgerKind.ofPath(kind), recordId, u);
		});
	}

	/** Runs an action on a record; a refusal of the input is shown on the record page, other refusals as errors. */
	private String act(long id, String kind, long recordId, RedirectAttributes redirect, Locale locale,
			Runnable action) {
		if (!ledger.belongsTo(LedgerKind.ofPath(kind), recordId, id)) {
			throw ApiProblem.notFound("mentoring.not-found");
		}
		try {
			action.run();
		}
		catch (ApiProblem e) {
			if (e.status().value() != 400 && e.status().value() != 409) {
				throw e;
			}
			redirect.addFlashAttribute("problem", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
		}
		return "redirect:/students/" + id + "/" + kind + "/" + recordId;
	}
}
