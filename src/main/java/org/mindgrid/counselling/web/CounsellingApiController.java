package org.mindgrid.counselling.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.mindgrid.counselling.AppointmentTransitions.Step;
import org.mindgrid.counselling.Appointments;
import org.mindgrid.counselling.Appointments.Appointment;
import org.mindgrid.counselling.CounsellingRecords;
import org.mindgrid.counselling.StudentRequests;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Counselling (issue 13 point 3, ADR 0036): appointments, sessions, individual records and groups. */
@RestController
@RequestMapping("/api/v1")
class CounsellingApiController {

	record NewAppointment(@NotNull Long studentId, String topic, @Size(max = 200) String preferred,
			@Size(max = 500) String note, Instant startsAt, Integer duration, @Size(max = 60) String room) {
	}

	record Closing(@Size(max = 2000) String assessment, @Size(max = 4000) String summary) {
	}

	record NewGroup(@Size(max = 100) String name, @Size(max = 2000) String aims, List<Long> studentIds) {
	}

	private final Appointments appointments;

	private final CounsellingRecords records;

	private final StudentRequests codes;

	private final ZoneId zone;

	CounsellingApiController(Appointments appointments, CounsellingRecords records, StudentRequests codes,
			@Value("${mindgrid.zone}") ZoneId zone) {
		this.appointments = appointments;
		this.records = records;
		this.codes = codes;
		this.zone = zone;
	}

	@Operation(summary = "Request a counselling appointment for a student",
			description = "The school's psychology teachers, the class's head teacher, the student's mentor (404 out of "
					+ "reach). topic: EMOTION, STUDY, RELATIONSHIPS, FAMILY, ADAPTATION or OTHER. A psychology teacher may "
					+ "give startsAt (and duration in minutes, room) to schedule it at once.")
	@PostMapping("/counselling/appointments")
	@ResponseStatus(HttpStatus.CREATED)
	Appointment request(@Valid @RequestBody NewAppointment a) {
		return appointments.request(a.studentId(), a.topic(), a.preferred(), a.note(),
				a.startsAt() == null ? null : new Appointments.StepInput(null, a.startsAt(), a.duration(), a.room(), null));
	}

	@Operation(summary = "The counselling room's calendar",
			description = "items: appointments placed from `from` to `to` (dates, at most 62 days); pending: requests "
					+ "still waiting, whatever their date. Each caller sees the students they reach; the request's note "
					+ "only for psychology teachers.")
	@GetMapping("/counselling/appointments")
	Appointments.Calendar calendar(
			@Parameter(description = "First day, yyyy-MM-dd") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "Last day, yyyy-MM-dd") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return appointments.between(from, to, zone);
	}

	@Operation(summary = "One appointment", description = "404 when the caller may not see its student.")
	@GetMapping("/counselling/appointments/{id}")
	Appointment appointment(@Parameter(description = "Appointment id") @PathVariable long id) {
		return appointments.get(id);
	}

	@Operation(summary = "A step of an appointment",
			description = "schedule, reschedule (startsAt, duration in minutes, room), decline (reason), complete, no-show: the "
					+ "psychology teachers; cancel (reason): they or whoever asked. version as read (stale 409); a step "
					+ "its state does not allow or a room already taken: 409.")
	@PostMapping("/counselling/appointments/{id}/{step}")
	Appointment step(@Parameter(description = "Appointment id") @PathVariable long id,
			@Parameter(description = "schedule, reschedule, decline, complete, no-show or cancel") @PathVariable String step,
			@RequestBody Appointments.StepInput input) {
		Step s = Step.named(step).orElseThrow(() -> ApiProblem.notFound("problem.not-found"));
		return appointments.step(id, s, input);
	}

	@Operation(summary = "Record a counselling session",
			description = "studentId: a session of the student's individual record (opened with presentingProblem when "
					+ "none is open); groupId: a group session with attendance. Psychology teachers only (403 for others "
					+ "who see the student, 404 out of reach). Returns id and recordId or groupId.")
	@PostMapping("/counselling/sessions")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Long> session(@RequestBody CounsellingRecords.NewSession session) {
		return records.session(session);
	}

	@Operation(summary = "Close an individual counselling record",
			description = "The counsellor's assessment and the closing summary (required). Psychology teachers only.")
	@PostMapping("/counselling/records/{id}/close")
	CounsellingRecords.IndividualRecord close(@Parameter(description = "Record id") @PathVariable long id,
			@Valid @RequestBody Closing c) {
		return records.close(id, c.assessment(), c.summary());
	}

	@Operation(summary = "A student's counselling",
			description = "Appointments and that counselling exists (records with dates and session counts) for whoever "
					+ "sees the student; notes (records with sessions) only for the school's psychology teachers.")
	@GetMapping("/students/{id}/counselling")
	CounsellingRecords.Overview ofStudent(@Parameter(description = "Student id") @PathVariable long id) {
		return records.overview(id);
	}

	@Operation(summary = "The school's counselling groups", description = "Psychology teachers.")
	@GetMapping("/counselling/groups")
	Map<String, List<CounsellingRecords.GroupSummary>> groups() {
		return Map.of("items", records.groups());
	}

	@Operation(summary = "Start a counselling group",
			description = "name, aims, studentIds (1–40 students of the caller's school). Psychology teachers only.")
	@PostMapping("/counselling/groups")
	@ResponseStatus(HttpStatus.CREATED)
	CounsellingRecords.Group newGroup(@Valid @RequestBody NewGroup g) {
		return records.newGroup(g.name(), g.aims(), g.studentIds());
	}

	@Operation(summary = "A counselling group with members and sessions", description = "Its school's psychology teachers; 404 for others.")
	@GetMapping("/counselling/groups/{id}")
	CounsellingRecords.Group group(@Parameter(description = "Group id") @PathVariable long id) {
		return records.group(id);
	}

	@Operation(summary = "The class's code for students' own requests",
			description = "The class's head teacher and the school's psychology teachers; made on first use.")
	@GetMapping("/classes/{id}/counselling-code")
	Map<String, String> code(@Parameter(description = "Class id") @PathVariable long id) {
		String code = codes.code(id, false);
		return Map.of("code", code, "printed", StudentRequests.printed(code));
	}

	@Operation(summary = "A new code for the class", description = "The old code stops working at once.")
	@PostMapping("/classes/{id}/counselling-code")
	Map<String, String> renew(@Parameter(description = "Class id") @PathVariable long id) {
		String code = codes.code(id, true);
		return Map.of("code", code, "printed", StudentRequests.printed(code));
	}
}
