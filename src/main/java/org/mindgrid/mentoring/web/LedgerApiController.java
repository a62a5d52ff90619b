package org.mindgrid.mentoring.web;

import java.net.URI;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.mindgrid.mentoring.LedgerInputs.ContactInput;
import org.mindgrid.mentoring.LedgerInputs.HomeVisitInput;
import org.mindgrid.mentoring.LedgerInputs.TalkInput;
import org.mindgrid.mentoring.LedgerKind;
import org.mindgrid.mentoring.LedgerRecords.Contact;
import org.mindgrid.mentoring.LedgerRecords.HomeVisit;
import org.mindgrid.mentoring.LedgerRecords.Talk;
import org.mindgrid.mentoring.MentoringLedger;
import org.mindgrid.mentoring.Timeline;
import org.mindgrid.shared.web.Locales;
import org.mindgrid.shared.web.Page;
import org.mindgrid.warning.WarningRaised;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The mentor's ledger and the student timeline over the API (bearer token). */
@RestController
@RequestMapping("/api/v1")
class LedgerApiController {

	record EscalationRequest(Object urgency) {
	}

	record TextRequest(String text, String reason) {
	}

	private final MentoringLedger ledger;

	private final Timeline timeline;

	LedgerApiController(MentoringLedger ledger, Timeline timeline) {
		this.ledger = ledger;
		this.timeline = timeline;
	}

	@PostMapping("/talks")
	ResponseEntity<Talk> logTalk(@Valid @RequestBody TalkInput in) {
		Talk talk = ledger.logTalk(in);
		return ResponseEntity.created(URI.create("/api/v1/talks/" + talk.id())).body(talk);
	}

	@PostMapping("/home-visits")
	ResponseEntity<HomeVisit> logHomeVisit(@Valid @RequestBody HomeVisitInput in) {
		HomeVisit visit = ledger.logHomeVisit(in);
		return ResponseEntity.created(URI.create("/api/v1/home-visits/" + visit.id())).body(visit);
	}

	@PostMapping("/contacts")
	ResponseEntity<Contact> logContact(@Valid @RequestBody ContactInput in) {
		Contact contact = ledger.logContact(in);
		return ResponseEntity.created(URI.create("/api/v1/contacts/" + contact.id())).body(contact);
	}

	@GetMapping("/talks/{id}")
	Talk talk(@PathVariable long id) {
		return ledger.talk(id);
	}

	@GetMapping("/home-visits/{id}")
	HomeVisit homeVisit(@PathVariable long id) {
		return ledger.homeVisit(id);
	}

	@GetMapping("/contacts/{id}")
	Contact contact(@PathVariable long id) {
		return ledger.contact(id);
	}

	/** Escalates a record logged earlier: {@code {"urgency":"HIGH"|"URGENT"}} (HIGH when left out). */
	@PostMapping("/{kind:talks|home-visits|contacts}/{id}/escalation")
	ResponseEntity<WarningRaised> escalate(@PathVariable String kind, @PathVariable long id,
			@RequestBody(required = false) EscalationRequest body) {
		var urgency = body == null || body.urgency() == null ? null : MentoringLedger.urgency(body.urgency());
		return ResponseEntity.status(201).body(ledger.escalate(LedgerKind.ofPath(kind), id, urgency));
	}

	@PostMapping("/{kind:talks|home-visits|contacts}/{id}/addenda")
	ResponseEntity<Object> addendum(@PathVariable String kind, @PathVariable long id, @RequestBody TextRequest body) {
		LedgerKind k = LedgerKind.ofPath(kind);
		ledger.addendum(k, id, body.text());
		return ResponseEntity.status(201).body(read(k, id));
	}

	@PostMapping("/{kind:talks|home-visits|contacts}/{id}/void")
	Object voidRecord(@PathVariable String kind, @PathVariable long id, @RequestBody TextRequest body) {
		LedgerKind k = LedgerKind.ofPath(kind);
		ledger.voidRecord(k, id, body.reason());
		return read(k, id);
	}

	@GetMapping("/students/{id}/timeline")
	Page<Timeline.Item> timeline(@PathVariable long id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return timeline.page(id, new Timeline.Filter(Timeline.kinds(kind), from, to), Page.clampPage(page),
				Page.clampSize(size));
	}

	@GetMapping("/students/{id}/timeline.pdf")
	ResponseEntity<byte[]> timelinePdf(@PathVariable long id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			HttpServletRequest request) {
		var pdf = timeline.exportPdf(id, new Timeline.Filter(Timeline.kinds(kind), from, to), Locales.of(request));
		return pdfResponse(pdf);
	}

	/** RFC 6266: the UTF-8 name for browsers that read {@code filename*}, an ASCII one for those that do not. */
	static ResponseEntity<byte[]> pdfResponse(Timeline.Export export) {
		String encoded = java.net.URLEncoder.encode(export.fileName(), java.nio.charset.StandardCharsets.UTF_8)
			.replace("+", "%20");
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"" + export.asciiFileName() + "\"; filename*=UTF-8''" + encoded)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(export.pdf());
	}

	private Object read(LedgerKind kind, long id) {
		return switch (kind) {
			case TALK -> ledger.talk(id);
			case HOME_VISIT -> ledger.homeVisit(id);
			case CONTACT -> ledger.contact(id);
		};
	}
}
