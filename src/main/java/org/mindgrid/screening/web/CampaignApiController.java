package org.mindgrid.screening.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import org.mindgrid.screening.campaigns.CampaignViews.CampaignView;
import org.mindgrid.screening.campaigns.CampaignViews.Progress;
import org.mindgrid.screening.campaigns.CampaignViews.StudentCode;
import org.mindgrid.screening.campaigns.Campaigns;
import org.mindgrid.screening.campaigns.NewCampaign;
import org.mindgrid.screening.campaigns.ScreeningInput;
import org.mindgrid.shared.web.ApiError;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Screening campaigns (issue 9, points 2, 3 and 8): create, consent on paper, codes, live progress. */
@RestController
@RequestMapping("/api/v1/screening/campaigns")
class CampaignApiController {

	record CampaignBody(String name, List<String> scaleIds, List<Long> classIds, Instant opensAt, Instant closesAt,
			Map<String, List<Integer>> grades) {
	}

	record ConsentBody(Long studentId, Boolean consent) {
	}

	record Codes(List<StudentCode> items) {
	}

	record Campaigns(List<CampaignView> items) {
	}

	private final org.mindgrid.screening.campaigns.Campaigns campaigns;

	private final ScreeningInput input;

	CampaignApiController(org.mindgrid.screening.campaigns.Campaigns campaigns, ScreeningInput input) {
		this.campaigns = campaigns;
		this.input = input;
	}

	@Operation(summary = "Create a screening campaign (心理普查)",
			description = "A psychology teacher creates the semester's campaign over classes of the school and scales "
					+ "(mssmhs, mhrsp, phq9, gad7). Each scale goes to its default grades (MHRSP 4–6 rated by the head "
					+ "teacher; MSSMHS, PHQ-9, GAD-7 7 and up) unless grades gives {scaleId: [from, to]}. Every "
					+ "enrolled student of the classes whose grade gets a scale is invited with a parent code and an "
					+ "answer code. Head teachers are notified.")
	@ApiError(status = 400, description = "A field is missing or wrong; errors names it")
	@ApiError(status = 403, description = "Not a psychology teacher")
	@PostMapping
	ResponseEntity<CampaignView> create(@RequestBody CampaignBody body) {
		CampaignView view = campaigns.create(new NewCampaign(body.name(), body.scaleIds(), body.classIds(),
				body.opensAt(), body.closesAt(), body.grades()));
		return ResponseEntity.created(URI.create("/api/v1/screening/campaigns/" + view.id())).body(view);
	}

	@Operation(summary = "Campaigns of the caller's school",
			description = "Newest first; a head teacher sees the campaigns that include one of their classes.")
	@GetMapping
	Campaigns list() {
		return new Campaigns(campaigns.forCurrentSchool());
	}

	@Operation(summary = "One campaign", description = "Its scales with their grades, its classes and window.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Campaign id")
	@GetMapping("/{id}")
	CampaignView get(@PathVariable long id) {
		return campaigns.get(id);
	}

	@Operation(summary = "Record a parent's consent or refusal (paper form)",
			description = "The head teacher of the student's class or a psychology teacher records the answer of the "
					+ "paper consent form. A refusal is kept with its date; a student without consent is never given a "
					+ "questionnaire. Audited.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Campaign id")
	@ApiError(status = 400, description = "studentId or consent missing, or the student is not invited")
	@PostMapping("/{id}/consents")
	Map<String, Object> consent(@PathVariable long id, @RequestBody ConsentBody body) {
		if (body.studentId() == null) {
			throw input.field("studentId", "input.required");
		}
		if (body.consent() == null) {
			throw input.field("consent", "input.required");
		}
		campaigns.consent(id, body.studentId(), body.consent(), "API");
		return Map.of("campaignId", id, "studentId", body.studentId(), "consent", body.consent());
	}

	@Operation(summary = "Answer codes of consented students",
			description = "The per-student codes for the printed slips: consented students only. A psychology teacher "
					+ "gets every class, a head teacher their own. Audited.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Campaign id")
	@Parameter(name = "classId", in = ParameterIn.QUERY, description = "Only this class")
	@GetMapping("/{id}/codes")
	Codes codes(@PathVariable long id, @RequestParam(required = false) Long classId) {
		return new Codes(campaigns.codes(id, classId));
	}

	@Operation(summary = "Progress per class",
			description = "Per class and in total: invited, consented, refused, started (an answer saved), completed "
					+ "(every scale of the student submitted), flagged. Head teachers see their classes only.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Campaign id")
	@GetMapping("/{id}/progress")
	Progress progress(@PathVariable long id) {
		return campaigns.progress(id);
	}
}
