package org.mindgrid.screening.reports;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mindgrid.screening.reports.CampaignReport.Individual;
import org.mindgrid.screening.reports.CampaignReport.ScaleReport;
import org.mindgrid.screening.reports.Charts.Series;
import org.mindgrid.screening.reports.GroupStats.Row;
import org.mindgrid.screening.reports.ReportData.Result;
import org.mindgrid.screening.reports.ScaleCatalog.ScaleInfo;
import org.mindgrid.screening.reports.Stats.Summary;

import org.springframework.stereotype.Component;

/** A campaign report in the reader's words, ready for the page: charts drawn, numbers formatted. */
@Component
public class ReportViews {

	public record Page(String title, String subject, List<String> seriesNames, List<ScaleView> scales,
			List<IndividualScale> individuals, String lastYearName, String lastYearOpened) {
	}

	public record ScaleView(String id, String name, int n, String bars, String boxes, List<String> bandLabels,
			List<String> bandColours, List<FactorView> factors) {
	}

	public record FactorView(String name, List<Cell> cells) {
	}

	/** One series' numbers of one factor. */
	public record Cell(String series, int n, String mean, String min, String q1, String median, String q3, String max,
			List<String> bands) {
	}

	/** The individual results of one scale: a row per student. */
	public record IndividualScale(String name, List<String> factorNames, List<IndividualRow> rows) {
	}

	public record IndividualRow(long studentId, String name, String studentNo, String className, String total,
			String band, List<String> factors, String flags, boolean flagged) {
	}

	private final ReportWords words;

	ReportViews(ReportWords words) {
		this.words = words;
	}

	public Page page(CampaignReport r, Locale locale, ZoneId zone) {
		String subject = r.classReport() ? words.className(r.cls(), locale) : r.campaign().schoolName();
		List<String> seriesNames = seriesNames(r, locale);
		List<ScaleView> scales = new ArrayList<>();
		for (ScaleReport s : r.scales()) {
			scales.add(scale(s, seriesNames, locale));
		}
		List<IndividualScale> individuals = null;
		if (r.individuals() != null) {
			individuals = new ArrayList<>();
			for (ScaleReport s : r.scales()) {
				IndividualScale one = individuals(s.scale(), r.individuals(), locale);
				if (!one.rows().isEmpty()) {
					individuals.add(one);
				}
			}
		}
		String lastName = r.lastYear() == null ? null : r.lastYear().name();
		String lastOpened = r.lastYear() == null ? null
				: DateTimeFormatter.ISO_LOCAL_DATE.format(r.lastYear().opensAt().atZone(zone));
		return new Page(r.campaign().name(), subject, seriesNames, scales, individuals, lastName, lastOpened);
	}

	List<String> seriesNames(CampaignReport r, Locale locale) {
		List<String> out = new ArrayList<>();
		out.add(words.msg(r.classReport() ? "screening.report.series.class" : "screening.report.series.school", locale));
		out.add(words.msg(r.classReport() ? "screening.report.series.school" : "screening.report.series.district",
				locale));
		out.add(words.msg(r.classReport() ? "screening.report.series.last-year-students"
				: "screening.report.series.last-year", locale));
		return out;
	}

	private ScaleView scale(ScaleReport s, List<String> seriesNames, Locale locale) {
		ScaleInfo scale = s.scale();
		List<GroupStats> groups = new ArrayList<>();
		List<Series> series = new ArrayList<>();
		groups.add(s.group());
		series.add(new Series(seriesNames.get(0), s.group()));
		if (s.reference() != null) {
			groups.add(s.reference());
			series.add(new Series(seriesNames.get(1), s.reference()));
		}
		if (s.lastYear() != null) {
			groups.add(s.lastYear());
			series.add(new Series(seriesNames.get(2), s.lastYear()));
		}
		List<String> factorIds = s.group().rows().stream().map(Row::factorId).toList();
		List<String> bandedIds = s.group().rows().stream().filter(row -> row.bands() != null).map(Row::factorId).toList();
		List<String> bandLabels = words.bands(scale, locale);
		String name = words.scale(scale, locale);
		String bars = bandedIds.isEmpty() ? null
				: Charts.stackedBars(words.msg("screening.report.chart.bands", locale, name), bandedIds,
						f -> words.factor(scale, f, locale), bandLabels.size(), i -> bandLabels.get(i), series);
		String boxes = Charts.boxPlots(words.msg("screening.report.chart.boxes", locale, name), factorIds,
				f -> words.factor(scale, f, locale), series, words.msg("screening.report.mean", locale));
		List<String> colours = new ArrayList<>();
		for (int i = 0; i < bandLabels.size(); i++) {
			colours.add(Charts.bandColour(i, bandLabels.size()));
		}
		List<FactorView> factors = new ArrayList<>();
		for (String f : factorIds) {
			List<Cell> cells = new ArrayList<>();
			for (int g = 0; g < groups.size(); g++) {
				Row row = groups.get(g).row(f);
				Summary m = row.summary();
				List<String> bands = new ArrayList<>();
				if (row.bands() != null) {
					for (int i = 0; i < row.bands().length; i++) {
						bands.add(row.bands()[i] + " (" + Charts.pct(row.percent(i)) + ")");
					}
				}
				cells.add(new Cell(series.get(g).label(), m.n(), Charts.fmt(m.mean()), Charts.fmt(m.min()),
						Charts.fmt(m.q1()), Charts.fmt(m.median()), Charts.fmt(m.q3()), Charts.fmt(m.max()), bands));
			}
			factors.add(new FactorView(words.factor(scale, f, locale), cells));
		}
		return new ScaleView(scale.id(), name, s.group().n(), bars, boxes, bandLabels, colours, factors);
	}

	private IndividualScale individuals(ScaleInfo scale, List<Individual> people, Locale locale) {
		List<String> factorNames = scale.singleFactor() ? List.of()
				: scale.factors().stream().map(f -> f.name(locale)).toList();
		List<IndividualRow> rows = new ArrayList<>();
		for (Individual p : people) {
			Result r = p.results().get(scale.id());
			if (r == null) {
				continue;
			}
			List<String> factors = new ArrayList<>();
			if (!scale.singleFactor()) {
				for (var f : scale.factors()) {
					Double v = r.factors().get(f.id());
					String band = r.factorBands().get(f.id());
					factors.add(v == null ? "—" : Charts.fmt(v) + (band == null ? "" : " · " + words.band(scale, band, locale)));
				}
			}
			String band = r.band() != null ? r.band()
					: scale.singleFactor() ? r.factorBands().values().stream().findFirst().orElse(null) : null;
			rows.add(new IndividualRow(p.student().id(), p.student().name(), p.student().studentNo(),
					words.className(p.cls(), locale), Charts.fmt(r.total()), words.band(scale, band, locale), factors,
					words.flags(r.flags(), locale), r.flagged()));
		}
		return new IndividualScale(words.scale(scale, locale), factorNames, rows);
	}
}
