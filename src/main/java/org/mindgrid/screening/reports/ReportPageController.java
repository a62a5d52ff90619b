package org.mindgrid.screening.reports;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;

import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Role;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Report pages: the campaigns one may open, a campaign's school or class report with charts, and its xlsx export.
 */
@Controller
class ReportPageController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final CampaignReports reports;

	private final ReportViews views;

	private final ReportWorkbook workbook;

	private final CurrentUsers users;

	private final Clock clock;

	ReportPageController(CampaignReports reports, ReportViews views, ReportWorkbook workbook, CurrentUsers users,
			Clock clock) {
		this.reports = reports;
		this.views = views;
		this.workbook = workbook;
		this.users = users;
		this.clock = clock;
	}

	@GetMapping("/screening/reports")
	String index(Model model) {
		var user = users.current();
		if (user.isBureauOnly()) {
			return user.hasRole(Role.CITY_OFFICER) ? "redirect:/screening/city" : "redirect:/screening/district";
		}
		model.addAttribute("campaigns", reports.readable());
		model.addAttribute("zone", clock.getZone());
		return "screening/report/index";
	}

	@GetMapping("/screening/campaigns/{id}/report")
	String report(@PathVariable long id, @RequestParam(required = false) Long classId, Model model, Locale locale) {
		var access = reports.access(id);
		if (classId == null && !access.schoolReport()) {
			return "redirect:/screening/campaigns/" + id + "/report?classId=" + access.defaultClassId();
		}
		// individual results on a class's page; the school's page links to its classes (the xlsx has them all)
		CampaignReport report = reports.report(id, classId, classId != null, "SCREENING_REPORT_READ");
		model.addAttribute("report", report);
		model.addAttribute("view", views.page(report, locale, clock.getZone()));
		model.addAttribute("zone", clock.getZone());
		model.addAttribute("schoolReport", access.schoolReport());
		return "screening/report/report";
	}

	@GetMapping("/screening/campaigns/{id}/report.xlsx")
	ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(required = false) Long classId, Locale locale) {
		var access = reports.access(id);
		if (classId == null && !access.schoolReport()) {
			classId = access.defaultClassId();
		}
		CampaignReport report = reports.report(id, classId, true, "SCREENING_REPORT_EXPORT");
		byte[] bytes = workbook.campaign(report, locale);
		String name = "screening-report-" + id + (report.cls() == null ? "" : "-class-" + report.cls().id()) + ".xlsx";
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(bytes);
	}
}
