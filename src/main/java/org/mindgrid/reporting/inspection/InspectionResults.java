package org.mindgrid.reporting.inspection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.document.Pdfs;
import org.mindgrid.reporting.inspection.InspectionTransitions.State;
import org.mindgrid.reporting.inspection.Inspections.Inspection;
import org.mindgrid.reporting.inspection.Inspections.Item;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.stereotype.Component;

/**
 * The month's published results as a printable PDF (issue 12 point 7): by school, each sampled indicator with its
 * value and target when sampled, the finding, and where the correction stands. The reader sees what they may read
 * of the inspection (a school its own items); the export is audited.
 */
@Component
public class InspectionResults {

	public record Pdf(String filename, byte[] bytes) {
	}

	private final Inspections inspections;

	private final Pdfs pdfs;

	private final AuditLog audit;

	InspectionResults(Inspections inspections, Pdfs pdfs, AuditLog audit) {
		this.inspections = inspections;
		this.pdfs = pdfs;
		this.audit = audit;
	}

	public Pdf pdf(long id, Locale locale) {
		Inspection i = inspections.read(id);
		if (i.state() != State.PUBLISHED) {
			throw ApiProblem.conflict("inspection.problem.not-published");
		}
		Map<String, List<Item>> bySchool = new LinkedHashMap<>();
		for (Item item : i.items()) {
			bySchool.computeIfAbsent(item.school(), k -> new java.util.ArrayList<>()).add(item);
		}
		byte[] bytes = pdfs.render("reporting/inspection-pdf", Map.of("inspection", i, "bySchool", bySchool), locale);
		audit.record("INSPECTION_PDF", "inspection/" + id + "/results.pdf", null, null);
		return new Pdf("inspection-" + i.period() + "-" + i.id() + ".pdf", bytes);
	}
}
