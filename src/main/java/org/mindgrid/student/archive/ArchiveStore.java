package org.mindgrid.student.archive;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Persistence of growth archives. A save writes the new content only if the stored version is the one the
 * editor started from, and keeps the content it replaces as a revision, so nothing is ever overwritten silently.
 */
@Repository
public class ArchiveStore {

	public record Revision(int version, GrowthArchive content, String changedBy, Instant changedAt) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ArchiveStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The archive with the roster's personal fields (issue 7, point 11): the archive keeps no copy of them. */
	public ArchiveView find(long studentId) {
		return jdbc.sql("""
				select a.version, a.content::text, u.display_name, a.updated_at, s.ethnicity, s.native_place, s.address
				  from student s left join growth_archive a on a.student_id = s.id
				  left join app_user u on u.id = a.updated_by
				 where s.id = :id""")
			.param("id", studentId)
			.query((rs, i) -> {
				var personal = new GrowthArchive.Personal(rs.getString(5), rs.getString(6), rs.getString(7));
				if (rs.getString(2) == null) {
					return new ArchiveView(0, GrowthArchive.empty().withPersonal(personal), null, null);
				}
				return new ArchiveView(rs.getInt(1), read(rs.getString(2)).withPersonal(personal), rs.getString(3),
						rs.getTimestamp(4).toInstant());
			})
			.optional()
			.orElseGet(() -> new ArchiveView(0, GrowthArchive.empty(), null, null));
	}

	/**
	 * Saves {@code content} as version {@code expectedVersion + 1}. Returns empty when someone else saved first
	 * (the stored version is no longer {@code expectedVersion}). The personal fields are the roster's and are not
	 * stored.
	 */
	public Optional<Integer> save(long studentId, int expectedVersion, GrowthArchive content, long userId, Instant now) {
		String body = json.writeValueAsString(content);
		int newVersion = expectedVersion + 1;
		int changed;
		if (expectedVersion == 0) {
			changed = jdbc.sql("""
					insert into growth_archive (student_id, version, content, updated_by, updated_at)
					values (:id, 1, cast(:content as jsonb) - 'personal', :user, :now) on conflict (student_id) do nothing""")
				.param("id", studentId)
				.param("content", body)
				.param("user", userId)
				.param("now", Timestamp.from(now))
				.update();
		}
		else {
			changed = jdbc.sql("""
					update growth_archive set version = :newVersion, content = cast(:content as jsonb) - 'personal',
					       updated_by = :user, updated_at = :now
					 where student_id = :id and version = :expected""")
				.param("newVersion", newVersion)
				.param("content", body)
				.param("user", userId)
				.param("now", Timestamp.from(now))
				.param("id", studentId)
				.param("expected", expectedVersion)
				.update();
		}
		if (changed == 0) {
			return Optional.empty();
		}
		jdbc.sql("""
				insert into growth_archive_revision (student_id, version, content, changed_by, changed_at)
				values (:id, :version, cast(:content as jsonb) - 'personal', :user, :now)""")
			.param("id", studentId)
			.param("version", newVersion)
			.param("content", body)
			.param("user", userId)
			.param("now", Timestamp.from(now))
			.update();
		return Optional.of(newVersion);
	}

	/** Every saved version, newest first. */
	public List<Revision> revisions(long studentId) {
		return jdbc.sql("""
				select r.version, r.content::text, u.display_name, r.changed_at
				  from growth_archive_revision r left join app_user u on u.id = r.changed_by
				 where r.student_id = :id order by r.version desc""")
			.param("id", studentId)
			.query((rs, i) -> new Revision(rs.getInt(1), read(rs.getString(2)), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	/** One saved version, if it exists. */
	public Optional<Revision> revision(long studentId, int version) {
		return jdbc.sql("""
				select r.version, r.content::text, u.display_name, r.changed_at
				  from growth_archive_revision r left join app_user u on u.id = r.changed_by
				 where r.student_id = :id and r.version = :version""")
			.param("id", studentId)
			.param("version", version)
			.query((rs, i) -> new Revision(rs.getInt(1), read(rs.getString(2)), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.optional();
	}

	private GrowthArchive read(String text) {
		return json.readValue(text, GrowthArchive.class);
	}
}
