package org.mindgrid.mentoring.web;

import java.net.URI;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
import org.mindgrid.shared.web.ApiError;
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

	@Operation(summary = "Log a talk (谈心谈话)",
			description = "The mentor's or head teacher's talk with a student: when, topics, the student's state, "
					+ "follow-up, and whether to escalate (a warning report for the psychology teacher). Fulfils the "
					+ "semester talk duty. 201 with the talk and its Location.")
	@ApiResponse(responseCode = "201", description = "Logged")
	@PostMapping("/talks")
	ResponseEntity<Talk> logTalk(@Valid @RequestBody TalkInput in) {
		Talk talk = ledger.logTalk(in);
		return ResponseEntity.created(URI.create("/api/v1/talks/" + talk.id())).body(talk);
	}

	@Operation(summary = "Log a home visit (家访)",
			description = "A term-start visit with the outline's answers (tool 3) or a general visit record; answers "
					+ "that call for it escalate on their own. Fulfils home-visit duties (semester and 四必访). 201 with "
					+ "the visit and its Location.")
	@ApiResponse(responseCode = "201", description = "Logged")
	@PostMapping("/home-visits")
	ResponseEntity<HomeVisit> logHomeVisit(@Valid @RequestBody HomeVisitInput in) {
		HomeVisit visit = ledger.logHomeVisit(in);
		return ResponseEntity.created(URI.create("/api/v1/home-visits/" + visit.id())).body(visit);
	}

	@Operation(summary = "Log a home-school contact (家校联系)",
			description = "A phone call, message or meeting with the family: when, channel and content. 201 with the "
					+ "contact and its Location.")
	@ApiResponse(responseCode = "201", description = "Logged")
	@PostMapping("/contacts")
	ResponseEntity<Contact> logContact(@Valid @RequestBody ContactInput in) {
		Contact contact = ledger.logContact(in);
		return ResponseEntity.created(URI.create("/api/v1/contacts/" + contact.id())).body(contact);
	}

	@Operation(summary = "One talk in full",
			description = "Every field as logged, with addenda and voiding, for those who may read the student's "
					+ "archive. Audited.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Talk id")
	@GetMapping("/talks/{id}")
	Talk talk(@PathVariable long id) {
		return ledger.talk(id);
	}

	@Operation(summary = "One home visit in full",
			description = "Every answer as logged, with addenda and voiding, for those who may read the student's "
					+ "archive. Audited.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Home visit id")
	@GetMapping("/home-visits/{id}")
	HomeVisit homeVisit(@PathVariable long id) {
		return ledger.homeVisit(id);
	}

	@Operation(summary = "One home-school contact in full",
			description = "As logged, with addenda and voiding, for those who may read the student's archive. "
					+ "Audited.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Contact id")
	@GetMapping("/contacts/{id}")
	Contact contact(@PathVariable long id) {
		return ledger.contact(id);
	}

	/** Escalates a record logged earlier: {@code {"urgency":"HIGH"|"URGENT"}} (HIGH when left out). */
	@Operation(summary = "Escalate a logged record",
			description = "Raises (or joins) the student's warning report from a talk, visit or contact logged "
					+ "earlier without escalation: {\"urgency\": \"HIGH\" | \"URGENT\"}, HIGH when left out. 201 with "
					+ "the warning report.")
	@Parameter(name = "kind", in = ParameterIn.PATH,
			description = "Which ledger: talks (谈心谈话), home-visits (家访) or contacts (家校联系)",
			schema = @Schema(allowableValues = { "talks", "home-visits", "contacts" }))
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Id of the talk, visit or contact")
	@ApiResponse(responseCode = "201", description = "Escalated")
	@ApiError(status = 409, description = "The record is voided or was escalated already")
	@PostMapping("/{kind:talks|home-visits|contacts}/{id}/escalation")
	ResponseEntity<WarningRaised> escalate(@PathVariable String kind, @PathVariable long id,
			@RequestBody(required = false) EscalationRequest body) {
		var urgency = body == null || body.urgency() == null ? null : MentoringLedger.urgency(body.urgency());
		return ResponseEntity.status(201).body(ledger.escalate(LedgerKind.ofPath(kind), id, urgency));
	}

	@Operation(summary = "Add an addendum (补记) to a record",
			description = "Records are never edited: a correction or later fact is an addendum with who and when. 201 "
					+ "with the record.")
	@Parameter(name = "kind", in = ParameterIn.PATH,
			description = "Which ledger: talks (谈心谈话), home-visits (家访) or contacts (家校联系)",
			schema = @Schema(allowableValues = { "talks", "home-visits", "contacts" }))
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Id of the talk, visit or contact")
	@ApiResponse(responseCode = "201", description = "Added")
	@PostMapping("/{kind:talks|home-visits|contacts}/{id}/addenda")
	ResponseEntity<Object> addendum(@PathVariable String kind, @PathVariable long id, @RequestBody TextRequest body) {
		LedgerKind k = LedgerKind.ofPath(kind);
		ledger.addendum(k, id, body.text());
		return ResponseEntity.status(201).body(read(k, id));
	}

	@Operation(summary = "Void a record (作废) with a reason",
			description = "Records are never deleted: a voided one stays readable with the reason, who and when. Only "
					+ "its author voids it, once. Answers the record.")
	@Parameter(name = "kind", in = ParameterIn.PATH,
			description = "Which ledger: talks (谈心谈话), home-visits (家访) or contacts (家校联系)",
			schema = @Schema(allowableValues = { "talks", "home-visits", "contacts" }))
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Id of the talk, visit or contact")
	@ApiError(status = 409,
			description = "Voided already, or the caller is not its author (code mentoring.void.not-allowed)")
	@PostMapping("/{kind:talks|home-visits|contacts}/{id}/void")
	Object voidRecord(@PathVariable String kind, @PathVariable long id, @RequestBody TextRequest body) {
		LedgerKind k = LedgerKind.ofPath(kind);
		ledger.voidRecord(k, id, body.reason());
		return read(k, id);
	}

	@Operation(summary = "A student's timeline (成长时间线)",
			description = "Every record on the student, newest first: observations, concern reports, warning reports, "
					+ "talks, home visits, contacts and archive changes, each with its substance. For archive "
					+ "readers; audited.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Student id")
	@Parameter(name = "kind", in = ParameterIn.QUERY,
			description = "Only these kinds, comma-separated: OBSERVATION, CONCERN_REPORT, WARNING_REPORT, TALK, "
					+ "HOME_VISIT, CONTACT, ARCHIVE_CHANGE")
	@Parameter(name = "from", in = ParameterIn.QUERY, description = "From this day on, yyyy-MM-dd")
	@Parameter(name = "to", in = ParameterIn.QUERY, description = "Up to this day, yyyy-MM-dd")
	@GetMapping("/students/{id}/timeline")
	Page<Timeline.Item> timeline(@PathVariable long id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return timeline.page(id, new Timeline.Filter(Timeline.kinds(kind), from, to), Page.clampPage(page),
				Page.clampSize(size));
	}

	@Operation(summary = "A student's timeline as PDF",
			description = "The same records as the timeline, filtered alike, as a PDF named after the student and the "
					+ "date range, in the caller's language. Audited.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Student id")
	@Parameter(name = "kind", in = ParameterIn.QUERY,
			description = "Only these kinds, comma-separated (as for the timeline)")
	@Parameter(name = "from", in = ParameterIn.QUERY, description = "From this day on, yyyy-MM-dd")
	@Parameter(name = "to", in = ParameterIn.QUERY, description = "Up to this day, yyyy-MM-dd")
	@ApiResponse(responseCode = "200", description = "The PDF",
			content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
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
