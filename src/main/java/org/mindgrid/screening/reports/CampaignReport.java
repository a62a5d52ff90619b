package org.mindgrid.screening.reports;

import java.util.List;
import java.util.Map;

import org.mindgrid.screening.reports.ReportData.Campaign;
import org.mindgrid.screening.reports.ReportData.ClassCompletion;
import org.mindgrid.screening.reports.ReportData.ClassRef;
import org.mindgrid.screening.reports.ReportData.Completion;
import org.mindgrid.screening.reports.ReportData.Result;
import org.mindgrid.screening.reports.ReportData.Student;
import org.mindgrid.screening.reports.ScaleCatalog.ScaleInfo;

/**
 * A campaign's report for one class or the whole school, with what it is compared to: the class against its
 * school, the school against its district (every school's results of campaigns opened in the same semester), and
 * last year's campaign of the school (for a class: the same students a year earlier).
 *
 * @param cls the class, or null for the school report
 * @param individuals the named students with their results, or null when the reader sees aggregates only
 */
public record CampaignReport(Campaign campaign, ClassRef cls, Completion completion, List<ClassCompletion> classes,
		List<ScaleReport> scales, Reference reference, Campaign lastYear, List<Individual> individuals) {

	/** What the group is compared with. */
	public enum Reference {
		SCHOOL, DISTRICT
	}

	/** One scale: the group, the reference group and last year (each null when it has no results). */
	public record ScaleReport(ScaleInfo scale, GroupStats group, GroupStats reference, GroupStats lastYear) {
	}

	/** A named student and their scores per scale id. */
	public record Individual(Student student, ClassRef cls, Map<String, Result> results) {
	}

	public boolean classReport() {
		return cls != null;
	}
}
