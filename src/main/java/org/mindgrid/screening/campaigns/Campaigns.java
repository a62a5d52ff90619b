package org.mindgrid.screening.campaigns;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Role;
import org.mindgrid.notification.Notice;
import org.mindgrid.notification.NoticeArg;
import org.mindgrid.notification.Notifications;
import org.mindgrid.screening.campaigns.CampaignViews.CampaignClass;
import org.mindgrid.screening.campaigns.CampaignViews.CampaignScale;
import org.mindgrid.screening.campaigns.CampaignViews.CampaignView;
import org.mindgrid.screening.campaigns.CampaignViews.ClassProgress;
import org.mindgrid.screening.campaigns.CampaignViews.Counts;
import org.mindgrid.screening.campaigns.CampaignViews.InvitedStudent;
import org.mindgrid.screening.campaigns.CampaignViews.Progress;
import org.mindgrid.screening.campaigns.CampaignViews.StudentCode;
import org.mindgrid.screening.scales.Scale;
import org.mindgrid.screening.scales.Scales;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screening campaigns (issue 9, point 2): a psychology teacher creates one for the semester over classes and scales;
 * every enrolled student of those classes whose grade gets a scale is invited with a parent code and an answer code;
 * consent comes from the parent (code) or the head teacher (paper); progress per class, live.
 */
@Service
public class Campaigns {

	static final int NAME_MAX = 100;

	static final Duration LONGEST_WINDOW = Duration.ofDays(200);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CurrentUsers users;

	private final Scales scales;

	private final AuditLog audit;

	private final Notifications notifications;

	private final ScreeningInput input;

	Campaigns(JdbcClient jdbc, Clock clock, CurrentUsers users, Scales scales, AuditLog audit,
			Notifications notifications, ScreeningInput input) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.users = users;
		this.scales = scales;
		this.audit = audit;
		this.notifications = notifications;
		this.input = input;
	}

	@Transactional
	public CampaignView create(NewCampaign command) {
		CurrentUser user = users.current();
		Long schoolId = user.posts().stream()
			.filter(p -> p.role() == Role.PSYCH_TEACHER && p.schoolId() != null)
			.map(p -> p.schoolId())
			.findFirst()
			.orElseThrow(() -> ApiProblem.forbidden("screening.campaign.psych-only"));
		Map<String, Object[]> problems = new LinkedHashMap<>();
		String name = command.name() == null ? "" : command.name().strip();
		if (name.isEmpty()) {
			problems.put("name", new Object[] { "input.required", null });
		}
		else if (name.length() > NAME_MAX) {
			problems.put("name", new Object[] { "screening.input.too-long", new Object[] { NAME_MAX } });
		}
		List<String> scaleIds = command.scaleIds() == null ? List.of()
				: new ArrayList<>(new LinkedHashSet<>(command.scaleIds()));
		if (scaleIds.isEmpty()) {
			problems.put("scaleIds", new Object[] { "input.required", null });
		}
		for (String id : scaleIds) {
			if (id == null || scales.find(id).isEmpty()) {
				problems.put("scaleIds", new Object[] { "screening.scale.unknown", new Object[] { String.valueOf(id) } });
			}
		}
		List<Long> classIds = command.classIds() == null ? List.of()
				: new ArrayList<>(new LinkedHashSet<>(command.classIds()));
		if (classIds.isEmpty()) {
			problems.put("classIds", new Object[] { "input.required", null });
		}
		if (command.opensAt() == null) {
			problems.put("opensAt", new Object[] { "input.required", null });
		}
		if (command.closesAt() == null) {
			problems.put("closesAt", new Object[] { "input.required", null });
		}
		if (command.opensAt() != null && command.closesAt() != null) {
			if (!command.closesAt().isAfter(command.opensAt())) {
				problems.put("closesAt", new Object[] { "screening.campaign.closes-before-opens", null });
			}
			else if (Duration.between(command.opensAt(), command.closesAt()).compareTo(LONGEST_WINDOW) > 0) {
				problems.put("closesAt", new Object[] { "screening.campaign.window-too-long",
						new Object[] { LONGEST_WINDOW.toDays() } });
			}
		}
		Map<String, int[]> grades = new LinkedHashMap<>();
		for (String id : scaleIds) {
			Scale scale = id == null ? null : scales.find(id).orElse(null);
			if (scale == null) {
				continue;
			}
			List<Integer> given = command.grades() == null ? null : command.grades().get(id);
			if (given == null) {
				grades.put(id, new int[] { scale.gradeFrom(), scale.gradeTo() });
			}
			else if (given.size() != 2 || given.get(0) == null || given.get(1) == null || given.get(0) < 1
					|| given.get(1) > 12 || given.get(0) > given.get(1)) {
				problems.put("grades." + id, new Object[] { "screening.campaign.grades", null });
			}
			else {
				grades.put(id, new int[] { given.get(0), given.get(1) });
			}
		}
		List<Long> foreign = classIds.isEmpty() ? List.of() : jdbc.sql("""
				select x from unnest(cast(:ids as bigint[])) x
				 where not exists (select 1 from school_class c where c.id = x and c.school_id = :school)""")
			.param("ids", classIds.stream().map(c -> c == null ? -1L : c).toArray(Long[]::new))
			.param("school", schoolId)
			.query(Long.class)
			.list();
		if (!foreign.isEmpty() || classIds.contains(null)) {
			problems.put("classIds", new Object[] { "screening.campaign.class-unknown",
					new Object[] { foreign.isEmpty() ? "null" : String.valueOf(foreign.get(0)) } });
		}
		if (!problems.isEmpty()) {
			throw input.fields(problems);
		}
		Instant now = clock.instant();
		long id = jdbc.sql("""
				insert into screening_campaign (school_id, name, opens_at, closes_at, created_by, created_at)
				values (:school, :name, :opens, :closes, :by, :at) returning id""")
			.param("school", schoolId)
			.param("name", name)
			.param("opens", Timestamp.from(command.opensAt()))
			.param("closes", Timestamp.from(command.closesAt()))
			.param("by", user.id())
			.param("at", Timestamp.from(now))
			.query(Long.class)
			.single();
		int position = 0;
		for (var g : grades.entrySet()) {
			jdbc.sql("""
					insert into screening_campaign_scale (campaign_id, scale_id, grade_from, grade_to, position)
					values (:c, :s, :from, :to, :position)""")
				.param("c", id)
				.param("s", g.getKey())
				.param("from", g.getValue()[0])
				.param("to", g.getValue()[1])
				.param("position", position++)
				.update();
		}
		for (long classId : classIds) {
			jdbc.sql("insert into screening_campaign_class (campaign_id, class_id, session_code) values (:c, :k, :code)")
				.param("c", id)
				.param("k", classId)
				.param("code", Codes.next())
				.update();
		}
		invite(id);
		audit.record("SCREENING_CAMPAIGN_CREATED", "screening-campaign/" + id, null,
				scaleIds + " classes " + classIds.size());
		List<Long> headTeachers = jdbc.sql("""
				select distinct p.user_id from post p join app_user u on u.id = p.user_id
				 where p.role = 'HEAD_TEACHER' and u.enabled and p.class_id in (:classes) and p.user_id <> :me""")
			.param("classes", classIds)
			.param("me", user.id())
			.query(Long.class)
			.list();
		notifications.notify(headTeachers, Notice.of("SCREENING", "notification.screening.created",
				"/screening/campaigns/" + id, NoticeArg.text(name), NoticeArg.time(command.opensAt())));
		return get(id);
	}

	/** Every enrolled student of the campaign's classes whose grade gets at least one scale, with fresh codes. */
	private void invite(long campaignId) {
		record Row(long studentId, long schoolId, long classId, int level) {
		}
		List<Row> rows = jdbc.sql("""
				select s.id, s.school_id, s.class_id, g.level
				  from screening_campaign_class cc
				  join student s on s.class_id = cc.class_id and s.status = 'ENROLLED'
				  join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
				 where cc.campaign_id = :c
				   and exists (select 1 from screening_campaign_scale cs where cs.campaign_id = :c
				                  and g.level between cs.grade_from and cs.grade_to)
				 order by s.id""")
			.param("c", campaignId)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4)))
			.list();
		if (rows.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into screening_invite (campaign_id, student_id, school_id, class_id, grade_level, parent_code,
				                              answer_code)
				select :c, x.student, x.school, x.class, x.level, x.parent, x.answer
				  from unnest(cast(:students as bigint[]), cast(:schools as bigint[]), cast(:classes as bigint[]),
				              cast(:levels as int[]), cast(:parents as text[]), cast(:answers as text[]))
				       as x(student, school, class, level, parent, answer)""")
			.param("c", campaignId)
			.param("students", rows.stream().map(Row::studentId).toArray(Long[]::new))
			.param("schools", rows.stream().map(Row::schoolId).toArray(Long[]::new))
			.param("classes", rows.stream().map(Row::classId).toArray(Long[]::new))
			.param("levels", rows.stream().map(Row::level).toArray(Integer[]::new))
			.param("parents", rows.stream().map(r -> Codes.next()).toArray(String[]::new))
			.param("answers", rows.stream().map(r -> Codes.next()).toArray(String[]::new))
			.update();
	}

	/** The campaign, for anyone of its school who may see its progress. */
	public CampaignView get(long campaignId) {
		CurrentUser user = users.current();
		CampaignView view = load(campaignId).orElseThrow(() -> ApiProblem.notFound("screening.campaign.not-found"));
		requireProgressReader(user, view);
		return view;
	}

	public java.util.Optional<CampaignView> load(long campaignId) {
		record Head(long id, long school, String name, Instant opens, Instant closes, String by, Instant at) {
		}
		var head = jdbc.sql("""
				select c.id, c.school_id, c.name, c.opens_at, c.closes_at, u.display_name, c.created_at
				  from screening_campaign c join app_user u on u.id = c.created_by where c.id = :id""")
			.param("id", campaignId)
			.query((rs, i) -> new Head(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
					rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getTimestamp(7).toInstant()))
			.optional();
		if (head.isEmpty()) {
			return java.util.Optional.empty();
		}
		Head h = head.get();
		List<CampaignScale> scaleRows = jdbc.sql("""
				select scale_id, grade_from, grade_to from screening_campaign_scale where campaign_id = :id
				 order by position""")
			.param("id", campaignId)
			.query((rs, i) -> new CampaignScale(rs.getString(1), rs.getInt(2), rs.getInt(3)))
			.list();
		List<CampaignClass> classRows = jdbc.sql("""
				select c.id, g.name, c.name, g.level, cc.session_code
				  from screening_campaign_class cc join school_class c on c.id = cc.class_id
				  join grade g on g.id = c.grade_id
				 where cc.campaign_id = :id order by g.level, c.name""")
			.param("id", campaignId)
			.query((rs, i) -> new CampaignClass(rs.getLong(1),
					rs.getString(2) + "（" + rs.getString(3).replace("班", "") + "）班", rs.getInt(4), rs.getString(5)))
			.list();
		return java.util.Optional.of(new CampaignView(h.id(), h.school(), h.name(), h.opens(), h.closes(),
				status(h.opens(), h.closes()), scaleRows, classRows, h.by(), h.at()));
	}

	String status(Instant opens, Instant closes) {
		Instant now = clock.instant();
		return now.isBefore(opens) ? "PLANNED" : now.isBefore(closes) ? "OPEN" : "CLOSED";
	}

	/** Campaigns of the caller's school, newest first (head teachers: those with one of their classes). */
	public List<CampaignView> forCurrentSchool() {
		CurrentUser user = users.current();
		Long school = user.schoolId();
		requireStaff(user);
		if (school == null) {
			throw ApiProblem.forbidden("screening.campaign.forbidden");
		}
		boolean all = user.hasRoleAtSchool(school, Role.PSYCH_TEACHER, Role.SCHOOL_LEADER, Role.CRISIS_TEAM);
		List<Long> ids = jdbc.sql("""
				select c.id from screening_campaign c
				 where c.school_id = :school
				   and (:all or exists (select 1 from screening_campaign_class cc
				                         where cc.campaign_id = c.id and cc.class_id = any(cast(:classes as bigint[]))))
				 order by c.opens_at desc, c.id desc""")
			.param("school", school)
			.param("all", all)
			.param("classes", user.classIds(Role.HEAD_TEACHER).toArray(Long[]::new))
			.query(Long.class)
			.list();
		return ids.stream().map(id -> load(id).orElseThrow()).toList();
	}

	/**
	 * Psychology teachers, leaders and the crisis team of the school see every class; a head teacher their own
	 * classes. Another school's staff: 404; staff of the school without such a post: 403.
	 */
	public List<Long> requireProgressReader(CurrentUser user, CampaignView campaign) {
		requireStaff(user);
		if (user.hasRoleAtSchool(campaign.schoolId(), Role.PSYCH_TEACHER, Role.SCHOOL_LEADER, Role.CRISIS_TEAM)) {
			return campaign.classes().stream().map(CampaignClass::classId).toList();
		}
		List<Long> own = campaign.classes().stream()
			.map(CampaignClass::classId)
			.filter(c -> user.hasRoleInClass(c, Role.HEAD_TEACHER))
			.toList();
		if (!own.isEmpty()) {
			return own;
		}
		if (user.posts().stream().anyMatch(p -> p.schoolId() != null && p.schoolId() == campaign.schoolId())) {
			throw ApiProblem.forbidden("screening.campaign.forbidden");
		}
		throw ApiProblem.notFound("screening.campaign.not-found");
	}

	/** Bureaus see the aggregates of the reports, never a campaign's classes; students their own pages only. */
	static void requireStaff(CurrentUser user) {
		if (!user.isSchoolStaff()) {
			throw ApiProblem.forbidden(user.isStudentAccount() ? user.staffOnlyRefusal() : "screening.campaign.bureau");
		}
	}

	/** The psychology teachers of the school, or the head teacher of that class. */
	public CampaignView requireClassWorker(long campaignId, long classId) {
		CurrentUser user = users.current();
		requireStaff(user);
		CampaignView campaign = load(campaignId).orElseThrow(() -> ApiProblem.notFound("screening.campaign.not-found"));
		if (user.hasRoleAtSchool(campaign.schoolId(), Role.PSYCH_TEACHER)) {
			if (campaign.classes().stream().noneMatch(c -> c.classId() == classId)) {
				throw ApiProblem.notFound("screening.campaign.class-not-in");
			}
			return campaign;
		}
		if (user.hasRoleInClass(classId, Role.HEAD_TEACHER)
				&& campaign.classes().stream().anyMatch(c -> c.classId() == classId)) {
			return campaign;
		}
		if (user.posts().stream().anyMatch(p -> p.schoolId() != null && p.schoolId() == campaign.schoolId())
				&& (user.hasRoleAtSchool(campaign.schoolId(), Role.SCHOOL_LEADER, Role.CRISIS_TEAM)
						|| !user.classIds(Role.HEAD_TEACHER).isEmpty())) {
			throw ApiProblem.forbidden("screening.campaign.class-forbidden");
		}
		if (user.posts().stream().anyMatch(p -> p.schoolId() != null && p.schoolId() == campaign.schoolId())) {
			throw ApiProblem.forbidden("screening.campaign.class-forbidden");
		}
		throw ApiProblem.notFound("screening.campaign.not-found");
	}

	/** Consent on paper or through the API, by the head teacher of the student's class or a psychology teacher. */
	@Transactional
	public void consent(long campaignId, long studentId, boolean consent, String via) {
		CurrentUser user = users.current();
		Long classId = jdbc.sql("select class_id from screening_invite where campaign_id = :c and student_id = :s")
			.param("c", campaignId)
			.param("s", studentId)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (classId == null) {
			// not invited, or a campaign the caller cannot see: the same answer either way
			load(campaignId).ifPresent(c -> requireProgressReader(user, c));
			throw input.field("studentId", "screening.consent.not-invited");
		}
		requireClassWorker(campaignId, classId);
		Instant now = clock.instant();
		jdbc.sql("""
				update screening_invite set consent = :consent, consent_at = :at, consent_by = :by, consent_via = :via
				 where campaign_id = :c and student_id = :s""")
			.param("consent", consent)
			.param("at", Timestamp.from(now))
			.param("by", user.id())
			.param("via", via)
			.param("c", campaignId)
			.param("s", studentId)
			.update();
		audit.record(consent ? "SCREENING_CONSENT_GIVEN" : "SCREENING_CONSENT_REFUSED",
				"screening-campaign/" + campaignId + "/consents/" + studentId, studentId, via);
	}

	/** Answer codes of consented students (of one class, or of every class the caller may work with). */
	public List<StudentCode> codes(long campaignId, Long classId) {
		CurrentUser user = users.current();
		CampaignView campaign = load(campaignId).orElseThrow(() -> ApiProblem.notFound("screening.campaign.not-found"));
		List<Long> classes;
		if (classId != null) {
			requireClassWorker(campaignId, classId);
			classes = List.of(classId);
		}
		else if (user.hasRoleAtSchool(campaign.schoolId(), Role.PSYCH_TEACHER)) {
			classes = campaign.classes().stream().map(CampaignClass::classId).toList();
		}
		else {
			classes = campaign.classes().stream()
				.map(CampaignClass::classId)
				.filter(c -> user.hasRoleInClass(c, Role.HEAD_TEACHER))
				.toList();
			if (classes.isEmpty()) {
				requireProgressReader(user, campaign);
				throw ApiProblem.forbidden("screening.campaign.class-forbidden");
			}
		}
		List<StudentCode> codes = jdbc.sql("""
				select i.student_id, i.answer_code from screening_invite i
				 where i.campaign_id = :c and i.consent and i.class_id = any(cast(:classes as bigint[]))
				 order by i.class_id, i.student_id""")
			.param("c", campaignId)
			.param("classes", classes.toArray(Long[]::new))
			.query((rs, i) -> new StudentCode(rs.getLong(1), rs.getString(2)))
			.list();
		audit.record("SCREENING_CODES_READ", "screening-campaign/" + campaignId + "/codes", null,
				codes.size() + " codes" + (classId == null ? "" : " of class " + classId));
		return codes;
	}

	/** The invited students of a class with their consent and codes, for the class's pages and PDFs. */
	public List<InvitedStudent> invited(long campaignId, long classId) {
		requireClassWorker(campaignId, classId);
		return jdbc.sql("""
				select s.id, s.name, s.student_no, i.class_id, i.grade_level, i.parent_code, i.answer_code, i.consent,
				       i.consent_at, i.consent_via
				  from screening_invite i join student s on s.id = i.student_id
				 where i.campaign_id = :c and i.class_id = :k order by s.student_no, s.id""")
			.param("c", campaignId)
			.param("k", classId)
			.query((rs, i) -> new InvitedStudent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getInt(5), rs.getString(6), rs.getString(7), (Boolean) rs.getObject(8),
					rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(), rs.getString(10)))
			.list();
	}

	public Progress progress(long campaignId) {
		CurrentUser user = users.current();
		CampaignView campaign = load(campaignId).orElseThrow(() -> ApiProblem.notFound("screening.campaign.not-found"));
		List<Long> classes = requireProgressReader(user, campaign);
		return progressOf(campaign, classes);
	}

	Progress progressOf(CampaignView campaign, List<Long> classes) {
		// completed: every scale the student's grade gets is submitted; started: at least one answer saved
		Map<Long, long[]> counts = new LinkedHashMap<>();
		jdbc.sql("""
				with inv as (
				  select i.student_id, i.class_id, i.consent,
				         (select count(*) from screening_campaign_scale cs
				           where cs.campaign_id = i.campaign_id and i.grade_level between cs.grade_from and cs.grade_to)
				           as scales,
				         (select count(*) from screening_response r
				           where r.campaign_id = i.campaign_id and r.student_id = i.student_id) as started,
				         (select count(*) from screening_response r
				           where r.campaign_id = i.campaign_id and r.student_id = i.student_id
				             and r.submitted_at is not null) as submitted,
				         exists (select 1 from screening_flag f
				                  where f.campaign_id = i.campaign_id and f.student_id = i.student_id) as flagged
				    from screening_invite i
				   where i.campaign_id = :c and i.class_id = any(cast(:classes as bigint[])))
				select class_id, count(*), count(*) filter (where consent), count(*) filter (where consent = false),
				       count(*) filter (where started > 0), count(*) filter (where submitted >= scales and scales > 0),
				       count(*) filter (where flagged)
				  from inv group by class_id""")
			.param("c", campaign.id())
			.param("classes", classes.toArray(Long[]::new))
			.query(rs -> {
				counts.put(rs.getLong(1), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
						rs.getLong(6), rs.getLong(7) });
			});
		List<ClassProgress> list = new ArrayList<>();
		Counts totals = new Counts(0, 0, 0, 0, 0, 0);
		for (CampaignClass c : campaign.classes()) {
			if (!classes.contains(c.classId())) {
				continue;
			}
			long[] n = counts.getOrDefault(c.classId(), new long[6]);
			ClassProgress p = new ClassProgress(c.classId(), c.className(), n[0], n[1], n[2], n[3], n[4], n[5]);
			list.add(p);
			totals = totals.plus(p.counts());
		}
		return new Progress(campaign.id(), list, totals);
	}
}
