package org.mindgrid.warning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Role;
import org.mindgrid.identity.StudentScope;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.warning.phrases.PhraseList;
import org.mindgrid.warning.phrases.PhraseMatcher;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Risk phrases in free text (issue 7, point 14; ADR 0022). The shipped list ({@code warning/risk-phrases.tsv}) with
 * each school's own additions and exclusions checks what is typed in observations, concern reports, talks, home
 * visits and contacts: as it is typed (a prompt to escalate) and on save — a record saved without escalation that
 * holds a phrase becomes a 请复核 item for the psychology teachers, the phrase kept for highlighting.
 */
@Service
@EnableConfigurationProperties(RiskPhraseProperties.class)
public class RiskPhrases {

	static final Set<Integer> URGENT_SIGNS = Set.of(1, 6);

	/** What a school's page may manage: one override. */
	public record Override(long id, String phrase, String kind, Integer sign, String createdBy,
			java.time.Instant createdAt) {
	}

	private final PhraseList shipped;

	private final boolean negation;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CurrentUsers users;

	private final WarningReports reports;

	private final AuditLog audit;

	RiskPhrases(RiskPhraseProperties properties, JdbcClient jdbc, Clock clock, CurrentUsers users,
			WarningReports reports, AuditLog audit) {
		this.shipped = load();
		this.negation = properties.negation();
		this.jdbc = jdbc;
		this.clock = clock;
		this.users = users;
		this.reports = reports;
		this.audit = audit;
	}

	private static PhraseList load() {
		try (InputStream in = new ClassPathResource("warning/risk-phrases.tsv").getInputStream()) {
			return PhraseList.read(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The shipped list, for the school's page. */
	public PhraseList shipped() {
		return shipped;
	}

	/** The phrases found in {@code texts} by the school's list, one hit per distinct wording, in order. */
	public List<RiskPhraseHit> find(long schoolId, Collection<String> texts) {
		PhraseMatcher matcher = new PhraseMatcher(listOf(schoolId), negation);
		Map<String, RiskPhraseHit> hits = new LinkedHashMap<>();
		for (String text : texts) {
			for (PhraseMatcher.Match m : matcher.find(text)) {
				hits.putIfAbsent(m.text(), new RiskPhraseHit(m.phrase(), m.text(), m.sign(), URGENT_SIGNS.contains(m.sign())));
			}
		}
		return new ArrayList<>(hits.values());
	}

	/**
	 * The as-you-type check: by the list of the student's school when the caller may list the student, otherwise of
	 * the caller's own school. Nothing is stored and nothing is audited: the text is not a record yet.
	 */
	@Transactional(readOnly = true)
	public List<RiskPhraseHit> check(Long studentId, Collection<String> texts) {
		CurrentUser user = users.current();
		Long school = studentId == null ? null : jdbc.sql("select s.school_id from student s where s.id = :id and "
				+ StudentScope.predicate("s"))
			.param("id", studentId).param("scopeUserId", user.id()).param("scopeLevel", StudentScope.LIST)
			.query(Long.class).optional().orElse(null);
		if (school == null) {
			school = user.schoolId();
		}
		if (school == null) {
			throw ApiProblem.forbidden(user.staffOnlyRefusal());
		}
		return find(school, texts);
	}

	/**
	 * On save of a record that was not escalated: if its texts hold a phrase, a 请复核 item (or a source of the
	 * student's open report). Called in the record's own transaction by the module that owns it.
	 */
	@Transactional
	public List<RiskPhraseHit> reviewIfFound(long studentId, String sourceKind, long sourceId, Collection<String> texts) {
		long school = jdbc.sql("select school_id from student where id = :id").param("id", studentId)
			.query(Long.class).single();
		List<RiskPhraseHit> hits = find(school, texts.stream().filter(Objects::nonNull).toList());
		if (!hits.isEmpty()) {
			// No signs: a phrase is a prompt to look, not a sign anyone ticked (the teacher decides on the report).
			reports.review(studentId, sourceKind, sourceId, List.of(), hits.stream().map(RiskPhraseHit::text).toList());
		}
		return hits;
	}

	private PhraseList listOf(long schoolId) {
		List<PhraseList.Phrase> added = new ArrayList<>();
		List<String> excluded = new ArrayList<>();
		jdbc.sql("select phrase, kind, sign from risk_phrase_override where school_id = :s and removed_at is null order by id")
			.param("s", schoolId)
			.query(rs -> {
				if ("ADD".equals(rs.getString(2))) {
					added.add(new PhraseList.Phrase(rs.getString(1), rs.getInt(3), "school"));
				}
				else {
					excluded.add(rs.getString(1));
				}
			});
		return shipped.with(added, excluded);
	}

	/** The school's overrides, for psychology teachers and school administrators of the caller's school. */
	@Transactional(readOnly = true)
	public List<Override> overrides() {
		long school = requireManager();
		return jdbc.sql("""
				select o.id, o.phrase, o.kind, o.sign, u.display_name, o.created_at from risk_phrase_override o
				  join app_user u on u.id = o.created_by
				 where o.school_id = :s and o.removed_at is null order by o.kind, o.id""")
			.param("s", school)
			.query((rs, i) -> new Override(rs.getLong(1), rs.getString(2), rs.getString(3), (Integer) rs.getObject(4),
					rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	/** Adds a phrase ({@code ADD}, with its sign) or an exclusion ({@code EXCLUDE}) for the caller's school. */
	@Transactional
	public long add(String phrase, String kind, Integer sign) {
		long school = requireManager();
		String text = phrase == null ? "" : phrase.strip();
		if (text.isEmpty() || text.length() > 30 || text.contains("\t")) {
			throw ApiProblem.badRequest("risk.phrase.invalid");
		}
		if (!"ADD".equals(kind) && !"EXCLUDE".equals(kind)) {
			throw ApiProblem.badRequest("risk.kind.invalid");
		}
		if ("ADD".equals(kind) && (sign == null || sign < 1 || sign > 15)) {
			throw ApiProblem.badRequest("risk.sign.invalid");
		}
		CurrentUser user = users.current();
		Long id = jdbc.sql("""
				insert into risk_phrase_override (school_id, phrase, kind, sign, created_by, created_at)
				values (:s, :p, :k, :sign, :u, :at) on conflict do nothing returning id""")
			.param("s", school).param("p", text).param("k", kind).param("sign", "ADD".equals(kind) ? sign : null)
			.param("u", user.id()).param("at", Timestamp.from(clock.instant()))
			.query(Long.class).optional().orElseThrow(() -> ApiProblem.conflict("risk.phrase.exists"));
		audit.record("RISK_PHRASE_ADD", "school/" + school + "/risk-phrases/" + id, null, kind + " " + text);
		return id;
	}

	/** Removes one of the school's overrides (kept, marked removed). */
	@Transactional
	public void remove(long id) {
		long school = requireManager();
		CurrentUser user = users.current();
		int n = jdbc.sql("""
				update risk_phrase_override set removed_by = :u, removed_at = :at
				 where id = :id and school_id = :s and removed_at is null""")
			.param("u", user.id()).param("at", Timestamp.from(clock.instant())).param("id", id).param("s", school)
			.update();
		if (n == 0) {
			throw ApiProblem.notFound("risk.phrase.not-found");
		}
		audit.record("RISK_PHRASE_REMOVE", "school/" + school + "/risk-phrases/" + id, null, null);
	}

	/** Psychology teachers and school administrators manage their school's list. */
	private long requireManager() {
		CurrentUser user = users.current();
		Long school = user.schoolId();
		if (school == null || !user.hasRoleAtSchool(school, Role.PSYCH_TEACHER, Role.SCHOOL_ADMIN)) {
			throw ApiProblem.forbidden("risk.forbidden");
		}
		return school;
	}
}
