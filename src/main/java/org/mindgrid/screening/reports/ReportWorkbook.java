package org.mindgrid.screening.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.mindgrid.screening.reports.CampaignReport.Individual;
import org.mindgrid.screening.reports.CampaignReport.ScaleReport;
import org.mindgrid.screening.reports.ReportData.ClassCompletion;
import org.mindgrid.screening.reports.ReportData.Completion;
import org.mindgrid.screening.reports.ReportData.Result;
import org.mindgrid.screening.reports.ScaleCatalog.ScaleInfo;

import org.springframework.stereotype.Component;

/**
 * The xlsx exports: a campaign's completion sheet, one aggregate sheet per scale, and for readers of individual
 * results one sheet of them per scale; the district and city tables with their suppressed cells as "<5" / "—".
 */
@Component
public class ReportWorkbook {

	private final ReportWords words;

	private final ReportViews views;

	ReportWorkbook(ReportWords words, ReportViews views) {
		this.words = words;
		this.views = views;
	}

	public byte[] campaign(CampaignReport r, Locale locale) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle bold = bold(wb);
			Sheet summary = wb.createSheet(safe(words.msg("screening.report.completion", locale), "completion"));
			int y = 0;
			String subject = r.classReport() ? words.className(r.cls(), locale) : r.campaign().schoolName();
			row(summary, y++, bold, words.msg("screening.report.title", locale, r.campaign().name(), subject));
			row(summary, y++, null, words.msg("screening.report.no-norms", locale));
			row(summary, y++, null, words.msg("screening.report.quartiles", locale));
			y++;
			row(summary, y++, bold, words.msg("screening.report.class", locale), words.msg("screening.report.invited", locale),
					words.msg("screening.report.consented", locale), words.msg("screening.report.refused", locale),
					words.msg("screening.report.completed", locale));
			for (ClassCompletion cc : r.classes()) {
				completion(summary, y++, words.className(cc.cls(), locale), cc.completion());
			}
			completion(summary, y++, words.msg("screening.report.all", locale), r.completion());
			List<String> series = views.seriesNames(r, locale);
			for (ScaleReport s : r.scales()) {
				aggregates(wb, bold, s, series, locale);
			}
			if (r.individuals() != null) {
				for (ScaleReport s : r.scales()) {
					individuals(wb, bold, s.scale(), r.individuals(), locale);
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void completion(Sheet sheet, int y, String label, Completion c) {
		Row row = sheet.createRow(y);
		row.createCell(0).setCellValue(label);
		row.createCell(1).setCellValue(c.invited());
		row.createCell(2).setCellValue(c.consented());
		row.createCell(3).setCellValue(c.refused());
		row.createCell(4).setCellValue(c.completed());
	}

	private void aggregates(XSSFWorkbook wb, CellStyle bold, ScaleReport s, List<String> series, Locale locale) {
		ScaleInfo scale = s.scale();
		Sheet sheet = wb.createSheet(safe(scale.id().toUpperCase(Locale.ROOT), "scale"));
		List<String> bands = words.bands(scale, locale);
		int y = 0;
		row(sheet, y++, bold, words.scale(scale, locale));
		List<String> head = new ArrayList<>(List.of(words.msg("screening.report.factor", locale),
				words.msg("screening.report.group", locale), words.msg("screening.report.n", locale),
				words.msg("screening.report.mean", locale), words.msg("screening.report.min", locale),
				words.msg("screening.report.q1", locale), words.msg("screening.report.median", locale),
				words.msg("screening.report.q3", locale), words.msg("screening.report.max", locale)));
		head.addAll(bands);
		row(sheet, y++, bold, head.toArray(String[]::new));
		GroupStats[] groups = { s.group(), s.reference(), s.lastYear() };
		for (GroupStats.Row factor : s.group().rows()) {
			for (int g = 0; g < groups.length; g++) {
				if (groups[g] == null) {
					continue;
				}
				GroupStats.Row row = groups[g].row(factor.factorId());
				Row x = sheet.createRow(y++);
				x.createCell(0).setCellValue(words.factor(scale, factor.factorId(), locale));
				x.createCell(1).setCellValue(series.get(g));
				x.createCell(2).setCellValue(row.summary().n());
				if (!row.summary().empty()) {
					number(x, 3, row.summary().mean());
					number(x, 4, row.summary().min());
					number(x, 5, row.summary().q1());
					number(x, 6, row.summary().median());
					number(x, 7, row.summary().q3());
					number(x, 8, row.summary().max());
				}
				if (row.bands() != null) {
					for (int i = 0; i < row.bands().length; i++) {
						x.createCell(9 + i).setCellValue(row.bands()[i]);
					}
				}
			}
		}
		sheet.setColumnWidth(0, 28 * 256);
	}

	private void individuals(XSSFWorkbook wb, CellStyle bold, ScaleInfo scale, List<Individual> people, Locale locale) {
		Sheet sheet = wb.createSheet(safe(scale.id().toUpperCase(Locale.ROOT) + " "
				+ words.msg("screening.report.sheet.individuals", locale), "individuals"));
		List<String> head = new ArrayList<>(List.of(words.msg("screening.report.student", locale),
				words.msg("screening.report.student-no", locale), words.msg("screening.report.class", locale),
				words.msg("screening.report.total", locale), words.msg("screening.report.band", locale)));
		if (!scale.singleFactor()) {
			for (var f : scale.factors()) {
				head.add(f.name(locale));
				head.add(f.name(locale) + " · " + words.msg("screening.report.band", locale));
			}
		}
		head.add(words.msg("screening.report.flags", locale));
		int y = 0;
		row(sheet, y++, bold, head.toArray(String[]::new));
		for (Individual p : people) {
			Result r = p.results().get(scale.id());
			if (r == null) {
				continue;
			}
			Row x = sheet.createRow(y++);
			int c = 0;
			x.createCell(c++).setCellValue(p.student().name());
			x.createCell(c++).setCellValue(p.student().studentNo());
			x.createCell(c++).setCellValue(words.className(p.cls(), locale));
			number(x, c++, r.total());
			String band = r.band() != null ? r.band()
					: scale.singleFactor() ? r.factorBands().values().stream().findFirst().orElse(null) : null;
			x.createCell(c++).setCellValue(words.band(scale, band, locale));
			if (!scale.singleFactor()) {
				for (var f : scale.factors()) {
					Double v = r.factors().get(f.id());
					if (v != null) {
						number(x, c, v);
					}
					c++;
					x.createCell(c++).setCellValue(words.band(scale, r.factorBands().get(f.id()), locale));
				}
			}
			x.createCell(c).setCellValue(words.flags(r.flags(), locale));
		}
		sheet.setColumnWidth(0, 14 * 256);
	}

	/** A district or city table: the suppressed cells as "<5" (under five) or "—" (hidden so as not to reveal one). */
	public byte[] area(AreaReport area, Locale locale) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle bold = bold(wb);
			Sheet sheet = wb.createSheet(safe(words.msg("screening.report.area.sheet", locale), "aggregates"));
			int y = 0;
			row(sheet, y++, bold, area.title());
			row(sheet, y++, null, words.msg("screening.report.area.suppression", locale));
			row(sheet, y++, null, words.msg("screening.report.no-norms", locale));
			y++;
			row(sheet, y++, bold, area.header().toArray(String[]::new));
			for (AreaReport.Line line : area.lines()) {
				Row x = sheet.createRow(y++);
				x.createCell(0).setCellValue(line.name());
				for (int i = 0; i < line.cells().size(); i++) {
					AreaReport.Count cell = line.cells().get(i);
					Cell target = x.createCell(i + 1);
					if (cell.shown()) {
						target.setCellValue(cell.value());
					}
					else {
						target.setCellValue(cell.text());
					}
				}
			}
			sheet.setColumnWidth(0, 24 * 256);
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void number(Row row, int col, double v) {
		row.createCell(col).setCellValue(Math.round(v * 100) / 100.0);
	}

	private static void row(Sheet sheet, int y, CellStyle style, String... values) {
		Row row = sheet.createRow(y);
		for (int i = 0; i < values.length; i++) {
			Cell cell = row.createCell(i);
			cell.setCellValue(values[i]);
			if (style != null) {
				cell.setCellStyle(style);
			}
		}
	}

	private static CellStyle bold(XSSFWorkbook wb) {
		CellStyle style = wb.createCellStyle();
		Font font = wb.createFont();
		font.setBold(true);
		style.setFont(font);
		return style;
	}

	private static String safe(String name, String fallback) {
		String s = WorkbookUtil.createSafeSheetName(name == null || name.isBlank() ? fallback : name);
		return s.length() > 31 ? s.substring(0, 31) : s;
	}
}
