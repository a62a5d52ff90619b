package org.mindgrid.screening.reports;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The district officer's and the city officer's screening aggregates, as pages and xlsx. */
@Controller
class AreaPageController {

	private final AreaAggregates aggregates;

	private final ReportWorkbook workbook;

	AreaPageController(AreaAggregates aggregates, ReportWorkbook workbook) {
		this.aggregates = aggregates;
		this.workbook = workbook;
	}

	@GetMapping("/screening/district")
	String district(@RequestParam(required = false) Long districtId, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, Model model, Locale locale) {
		long id = aggregates.districtFor(districtId);
		LocalDate[] window = aggregates.window(from, to);
		return show(model, aggregates.district(id, window[0], window[1], locale), "/screening/district.xlsx",
				districtId);
	}

	@GetMapping("/screening/city")
	String city(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			Model model, Locale locale) {
		long id = aggregates.cityFor();
		LocalDate[] window = aggregates.window(from, to);
		return show(model, aggregates.city(id, window[0], window[1], locale), "/screening/city.xlsx", null);
	}

	private String show(Model model, AreaReport report, String export, Long districtId) {
		model.addAttribute("area", report);
		model.addAttribute("export", export);
		model.addAttribute("districtId", districtId);
		return "screening/report/area";
	}

	@GetMapping("/screening/district.xlsx")
	ResponseEntity<byte[]> districtXlsx(@RequestParam(required = false) Long districtId,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			Locale locale) {
		long id = aggregates.districtFor(districtId);
		LocalDate[] window = aggregates.window(from, to);
		return xlsx(workbook.area(aggregates.district(id, window[0], window[1], locale), locale),
				"screening-district-" + id + ".xlsx");
	}

	@GetMapping("/screening/city.xlsx")
	ResponseEntity<byte[]> cityXlsx(@RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, Locale locale) {
		long id = aggregates.cityFor();
		LocalDate[] window = aggregates.window(from, to);
		return xlsx(workbook.area(aggregates.city(id, window[0], window[1], locale), locale),
				"screening-city-" + id + ".xlsx");
	}

	private static ResponseEntity<byte[]> xlsx(byte[] bytes, String name) {
		return ResponseEntity.ok()
			.contentType(ReportPageController.XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(bytes);
	}
}
