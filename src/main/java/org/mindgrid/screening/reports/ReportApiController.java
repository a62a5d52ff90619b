package org.mindgrid.screening.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.mindgrid.screening.reports.AreaReport.Column;
import org.mindgrid.screening.reports.AreaReport.Count;
import org.mindgrid.screening.reports.AreaReport.Kind;
import org.mindgrid.screening.reports.AreaReport.Line;
import org.mindgrid.screening.reports.CampaignReport.ScaleReport;
import org.mindgrid.screening.reports.ReportData.ClassCompletion;
import org.mindgrid.screening.reports.ReportData.Completion;
import org.mindgrid.screening.reports.ScaleCatalog.ScaleInfo;
import org.mindgrid.screening.reports.Stats.Summary;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The reports as JSON for other tools: a campaign's aggregates, and district or city aggregates suppressed under 5. */
@RestController
@RequestMapping("/api/v1/screening")
class ReportApiController {

	record CompletionJson(long invited, long consented, long refused, long completed, double percentOfConsented,
			double percentOfInvited) {

		static CompletionJson of(Completion c) {
			return new CompletionJson(c.invited(), c.consented(), c.refused(), c.completed(),
					round(c.percentOfConsented()), round(c.percentOfInvited()));
		}
	}

	record ClassJson(long classId, String className, CompletionJson completion) {
	}

	record FactorJson(String factorId, String name, int n, Double mean, Double min, Double q1, Double median,
			Double q3, Double max, Map<String, Long> bands) {
	}

	record GroupJson(int n, List<FactorJson> factors) {
	}

	record ScaleJson(String scaleId, String name, List<String> bands, GroupJson group, String referenceKind,
			GroupJson reference, GroupJson lastYear) {
	}

	record LastYearJson(long campaignId, String name, String opensAt) {
	}

	record ReportJson(long campaignId, String campaignName, long schoolId, Long classId, String className,
			CompletionJson completion, List<ClassJson> classes, List<ScaleJson> scales, LastYearJson lastYear,
			String quartileMethod, String norms) {
	}

	record CellJson(Long count, boolean suppressed) {

		static CellJson of(Count c) {
			return new CellJson(c.shown() ? c.value() : null, !c.shown());
		}
	}

	record AreaScaleJson(String scaleId, CellJson results, Map<String, CellJson> bands) {
	}

	record AreaRowJson(Long id, String name, boolean total, CellJson invited, CellJson completed, CellJson flagged,
			List<AreaScaleJson> scales) {
	}

	record AreaJson(String level, long placeId, String placeName, LocalDate from, LocalDate to, int minimumCell,
			List<AreaRowJson> rows) {
	}

	private final CampaignReports reports;

	private final AreaAggregates aggregates;

	private final ReportWords words;

	ReportApiController(CampaignReports reports, AreaAggregates aggregates, ReportWords words) {
		this.reports = reports;
		this.aggregates = aggregates;
		this.words = words;
	}

	@Operation(summary = "A campaign's class or school report (aggregates)",
			description = "Completion (invited, consented, refused, completed, percentages) and per scale and factor "
					+ "the number of results, mean, minimum, quartiles (type 7, linear interpolation), median, maximum "
					+ "and the count of students per band; the class is compared with its school, the school with its "
					+ "district (all schools' campaigns opened in the same semester), and both with the school's "
					+ "campaign of about a year earlier (for a class: the same students). No names. Psychology "
					+ "teachers, school leaders and the crisis team of the school; a head teacher for their class "
					+ "(default). Bureau officers 403 (they use /aggregates), other schools 404.")
	@GetMapping("/campaigns/{id}/report")
	ReportJson report(@Parameter(description = "Campaign id") @PathVariable long id,
			@Parameter(description = "A class of the campaign; without it the school report (a head teacher gets "
					+ "their class)") @RequestParam(required = false) Long classId,
			Locale locale) {
		CampaignReport r = reports.report(id, classId, false, "SCREENING_REPORT_READ");
		List<ScaleJson> scales = new ArrayList<>();
		for (ScaleReport s : r.scales()) {
			List<String> bands = s.scale().bands().stream().map(ScaleCatalog.BandInfo::level).toList();
			scales.add(new ScaleJson(s.scale().id(), words.scale(s.scale(), locale), bands,
					group(s.scale(), s.group(), locale), r.reference().name(), group(s.scale(), s.reference(), locale),
					group(s.scale(), s.lastYear(), locale)));
		}
		List<ClassJson> classes = new ArrayList<>();
		for (ClassCompletion cc : r.classes()) {
			classes.add(new ClassJson(cc.cls().id(), words.className(cc.cls(), locale),
					CompletionJson.of(cc.completion())));
		}
		LastYearJson last = r.lastYear() == null ? null
				: new LastYearJson(r.lastYear().id(), r.lastYear().name(), r.lastYear().opensAt().toString());
		return new ReportJson(r.campaign().id(), r.campaign().name(), r.campaign().schoolId(),
				r.cls() == null ? null : r.cls().id(), r.cls() == null ? null : words.className(r.cls(), locale),
				CompletionJson.of(r.completion()), classes, scales, last, "R-7 (linear interpolation)",
				words.msg("screening.report.no-norms", locale));
	}

	private GroupJson group(ScaleInfo scale, GroupStats g, Locale locale) {
		if (g == null) {
			return null;
		}
		List<FactorJson> factors = new ArrayList<>();
		for (GroupStats.Row row : g.rows()) {
			Summary m = row.summary();
			Map<String, Long> bands = null;
			if (row.bands() != null) {
				bands = new LinkedHashMap<>();
				for (int i = 0; i < row.bands().length; i++) {
					bands.put(scale.bands().get(i).level(), row.bands()[i]);
				}
			}
			factors.add(new FactorJson(row.factorId(), words.factor(scale, row.factorId(), locale), m.n(),
					val(m.mean()), val(m.min()), val(m.q1()), val(m.median()), val(m.q3()), val(m.max()), bands));
		}
		return new GroupJson(g.n(), factors);
	}

	@Operation(summary = "District or city screening aggregates, small cells suppressed",
			description = "For campaigns opened between from and to (default: the 365 days up to today): per school "
					+ "of a district (districtId; a district officer's own by default) or, for a city officer without "
					+ "districtId, per district of the city, the invited, completed and flagged counts and per scale "
					+ "the results and their band counts (the total's band, or the highest subscale band where the "
					+ "total has none). A count under 5 students is suppressed (count null, suppressed true), and "
					+ "a second cell where a row's or column's sum would reveal it. Never a name. District and city "
					+ "officers only (403 otherwise; another district 404).")
	@GetMapping("/aggregates")
	AreaJson aggregates(
			@Parameter(description = "District id; optional for a district officer (their own), without it a city "
					+ "officer gets the city's districts") @RequestParam(required = false) Long districtId,
			@Parameter(description = "First day of the window (ISO date) on the campaigns' opening") @RequestParam(
					required = false) LocalDate from,
			@Parameter(description = "Last day of the window (ISO date)") @RequestParam(required = false) LocalDate to,
			Locale locale) {
		AreaReport area;
		LocalDate[] window;
		if (districtId == null && aggregatesForCity()) {
			long city = aggregates.cityFor();
			window = aggregates.window(from, to);
			area = aggregates.city(city, window[0], window[1], locale);
		}
		else {
			long district = aggregates.districtFor(districtId);
			window = aggregates.window(from, to);
			area = aggregates.district(district, window[0], window[1], locale);
		}
		List<AreaRowJson> rows = new ArrayList<>();
		for (Line line : area.lines()) {
			CellJson invited = null;
			CellJson completed = null;
			CellJson flagged = null;
			Map<String, AreaScaleJson> scales = new LinkedHashMap<>();
			for (int c = 0; c < area.columns().size(); c++) {
				Column col = area.columns().get(c);
				CellJson cell = CellJson.of(line.cells().get(c));
				if (col.kind() == Kind.INVITED) {
					invited = cell;
				}
				else if (col.kind() == Kind.COMPLETED) {
					completed = cell;
				}
				else if (col.kind() == Kind.FLAGGED) {
					flagged = cell;
				}
				else if (col.kind() == Kind.SCALE_RESULTS) {
					scales.put(col.scaleId(), new AreaScaleJson(col.scaleId(), cell, new LinkedHashMap<>()));
				}
				else {
					scales.get(col.scaleId()).bands().put(col.level(), cell);
				}
			}
			rows.add(new AreaRowJson(line.id(), line.name(), line.total(), invited, completed, flagged,
					List.copyOf(scales.values())));
		}
		return new AreaJson(area.level().name(), area.placeId(), area.placeName(), area.from(), area.to(),
				Suppression.MIN, rows);
	}

	/** A city officer without a district post: the city's table. */
	private boolean aggregatesForCity() {
		try {
			aggregates.cityFor();
		}
		catch (org.mindgrid.shared.web.ApiProblem e) {
			return false;
		}
		try {
			aggregates.districtFor(null);
			return false;
		}
		catch (org.mindgrid.shared.web.ApiProblem e) {
			return true;
		}
	}

	private static Double val(double v) {
		return Double.isNaN(v) ? null : Math.round(v * 10000) / 10000.0;
	}

	private static double round(double v) {
		return Math.round(v * 10) / 10.0;
	}
}
