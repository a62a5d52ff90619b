package org.mindgrid.screening.reports;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Role;
import org.mindgrid.screening.reports.CampaignReport.Individual;
import org.mindgrid.screening.reports.CampaignReport.Reference;
import org.mindgrid.screening.reports.CampaignReport.ScaleReport;
import org.mindgrid.screening.reports.ReportData.Campaign;
import org.mindgrid.screening.reports.ReportData.ClassCompletion;
import org.mindgrid.screening.reports.ReportData.ClassRef;
import org.mindgrid.screening.reports.ReportData.Completion;
import org.mindgrid.screening.reports.ReportData.Result;
import org.mindgrid.screening.reports.ReportData.Student;
import org.mindgrid.screening.reports.ScaleCatalog.ScaleInfo;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Class and school reports of a campaign. Who reads what: psychology teachers of the school every class and the
 * school with individual results; the head teacher their own class with its individual results; school leaders
 * and the crisis team aggregates of every class and the school. Bureau officers are refused (403; they have the
 * district and city aggregates), other staff of the school too (403), anyone else does not find the campaign (404).
 * Every read is audited; a read of individual results also on each student listed.
 */
@Service
public class CampaignReports {

	/** How much of the campaign the reader may see. */
	public enum Reach {
		/** Aggregates and the named students' results. */
		INDIVIDUAL,
		/** Aggregates only. */
		AGGREGATE
	}

	/** The reader's access to one campaign: the class they may open by default and how far they see. */
	public record Access(Campaign campaign, Reach reach, Long defaultClassId, boolean schoolReport) {
	}

	private final ReportQueries queries;

	private final ScaleCatalog scales;

	private final CurrentUsers users;

	private final AuditLog audit;

	private final Clock clock;

	CampaignReports(ReportQueries queries, ScaleCatalog scales, CurrentUsers users, AuditLog audit, Clock clock) {
		this.queries = queries;
		this.scales = scales;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	/** The campaigns whose reports the caller may open, newest first. */
	public List<Campaign> readable() {
		CurrentUser user = users.current();
		Set<Long> seen = new HashSet<>();
		List<Campaign> out = new ArrayList<>();
		for (var post : user.posts()) {
			if (post.schoolId() != null && (post.role() == Role.PSYCH_TEACHER || post.role() == Role.SCHOOL_LEADER
					|| post.role() == Role.CRISIS_TEAM)) {
				for (Campaign c : queries.campaignsOfSchool(post.schoolId())) {
					if (seen.add(c.id())) {
						out.add(c);
					}
				}
			}
		}
		for (Campaign c : queries.campaignsOfClasses(user.classIds(Role.HEAD_TEACHER))) {
			if (seen.add(c.id())) {
				out.add(c);
			}
		}
		out.sort((a, b) -> b.opensAt().compareTo(a.opensAt()));
		return out;
	}

	/** Decides the caller's access; refuses as the class comment says. */
	public Access access(long campaignId) {
		CurrentUser user = users.current();
		Campaign c = queries.campaign(campaignId).orElseThrow(() -> ApiProblem.notFound("problem.not-found"));
		if (user.isBureauOnly()) {
			throw ApiProblem.forbidden("screening.report.problem.bureau");
		}
		if (user.hasRoleAtSchool(c.schoolId(), Role.PSYCH_TEACHER)) {
			return new Access(c, Reach.INDIVIDUAL, null, true);
		}
		if (user.hasRoleAtSchool(c.schoolId(), Role.SCHOOL_LEADER, Role.CRISIS_TEAM)) {
			return new Access(c, Reach.AGGREGATE, null, true);
		}
		Set<Long> campaignClasses = new HashSet<>();
		queries.classes(c.id()).forEach(k -> campaignClasses.add(k.id()));
		Long own = user.classIds(Role.HEAD_TEACHER).stream().filter(campaignClasses::contains).findFirst().orElse(null);
		if (own != null) {
			return new Access(c, Reach.INDIVIDUAL, own, false);
		}
		if (user.posts().stream().anyMatch(p -> p.schoolId() != null && p.schoolId() == c.schoolId())) {
			throw ApiProblem.forbidden("screening.report.problem.role");
		}
		throw ApiProblem.notFound("problem.not-found");
	}

	/**
	 * The report of the class ({@code classId}) or the school (null). A head teacher asking for another class than
	 * their own does not find it (404); the caller opens the head teacher's class instead of the school.
	 *
	 * @param withIndividuals list the named students' results where the reader may read them
	 */
	@Transactional
	public CampaignReport report(long campaignId, Long classId, boolean withIndividuals, String action) {
		Access access = access(campaignId);
		Campaign c = access.campaign();
		List<ClassRef> classes = queries.classes(c.id());
		ClassRef cls = null;
		if (classId == null && !access.schoolReport()) {
			classId = access.defaultClassId();
		}
		if (classId != null) {
			long wanted = classId;
			cls = classes.stream().filter(k -> k.id() == wanted).findFirst()
				.orElseThrow(() -> ApiProblem.notFound("problem.not-found"));
			if (!access.schoolReport() && !users.current().hasRoleInClass(wanted, Role.HEAD_TEACHER)) {
				throw ApiProblem.notFound("problem.not-found");
			}
		}
		List<ClassCompletion> completion = queries.completion(c.id(), classes);
		List<Result> all = queries.results(c.id());
		List<Result> group;
		List<Result> reference;
		Reference referenceKind;
		List<Result> lastYearResults = List.of();
		var lastYear = queries.lastYear(c);
		Completion sum = Completion.NONE;
		if (cls != null) {
			long k = cls.id();
			group = all.stream().filter(r -> r.classId() == k).toList();
			reference = all;
			referenceKind = Reference.SCHOOL;
			for (ClassCompletion cc : completion) {
				if (cc.cls().id() == k) {
					sum = cc.completion();
				}
			}
			if (lastYear.isPresent()) {
				Set<Long> students = new HashSet<>(queries.invitedStudents(c.id(), k));
				lastYearResults = queries.results(lastYear.get().id()).stream()
					.filter(r -> students.contains(r.studentId())).toList();
			}
		}
		else {
			group = all;
			var window = queries.semesterWindow(c, clock.getZone());
			reference = queries.results(queries.districtCampaigns(c.districtId(), window[0], window[1]));
			referenceKind = Reference.DISTRICT;
			for (ClassCompletion cc : completion) {
				sum = sum.plus(cc.completion());
			}
			if (lastYear.isPresent()) {
				lastYearResults = queries.results(lastYear.get().id());
			}
		}
		List<ScaleReport> scaleReports = new ArrayList<>();
		for (String scaleId : scaleIds(queries.campaignScales(c.id()), all)) {
			ScaleInfo scale = scales.get(scaleId);
			GroupStats g = GroupStats.of(scale, group);
			GroupStats ref = GroupStats.of(scale, reference);
			GroupStats last = GroupStats.of(scale, lastYearResults);
			scaleReports.add(new ScaleReport(scale, g, ref.n() == 0 ? null : ref, last.n() == 0 ? null : last));
		}
		List<Individual> individuals = null;
		Long scopeClass = cls == null ? null : cls.id();
		String resource = "screening/campaign/" + c.id() + "/report" + (cls == null ? "" : "?classId=" + cls.id());
		audit.record(action, resource, null, cls == null ? "school " + c.schoolId() : "class " + cls.id());
		if (withIndividuals && access.reach() == Reach.INDIVIDUAL) {
			individuals = individuals(c, scopeClass, classes, group);
			for (Individual i : individuals) {
				audit.record(action.replace("REPORT", "RESULT"), resource, i.student().id(), null);
			}
		}
		return new CampaignReport(c, cls, sum, cls == null ? completion : List.of(), List.copyOf(scaleReports),
				referenceKind, lastYear.orElse(null), individuals);
	}

	private List<Individual> individuals(Campaign c, Long classId, List<ClassRef> classes, List<Result> group) {
		Map<Long, ClassRef> classById = new LinkedHashMap<>();
		classes.forEach(k -> classById.put(k.id(), k));
		Map<Long, Map<String, Result>> byStudent = new LinkedHashMap<>();
		for (Result r : group) {
			byStudent.computeIfAbsent(r.studentId(), k -> new LinkedHashMap<>()).put(r.scaleId(), r);
		}
		List<Individual> out = new ArrayList<>();
		for (Student s : queries.students(c.id(), classId, users.current().id())) {
			Map<String, Result> results = byStudent.get(s.id());
			if (results != null) {
				out.add(new Individual(s, classById.get(s.classId()), results));
			}
		}
		return out;
	}

	/** The campaign's scales in their order, then any others with results in the order of the catalog. */
	private List<String> scaleIds(List<String> campaignScales, List<Result> results) {
		Set<String> present = new LinkedHashSet<>();
		results.forEach(r -> present.add(r.scaleId()));
		List<String> out = new ArrayList<>(campaignScales);
		present.removeAll(campaignScales);
		for (ScaleInfo s : scales.all()) {
			if (present.remove(s.id())) {
				out.add(s.id());
			}
		}
		out.addAll(present);
		return out;
	}
}
