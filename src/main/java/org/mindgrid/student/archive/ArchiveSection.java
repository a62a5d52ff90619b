package org.mindgrid.student.archive;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.mindgrid.student.archive.GrowthArchive.Health;
import org.mindgrid.student.archive.GrowthArchive.Personal;

/**
 * The parts of tool 1 that the archive page edits one at a time (issue 7, point 9), each saved on its own. A
 * section knows which components of {@link GrowthArchive} it holds, so a save can take that section from the
 * editor's archive and everything else from the stored one, and can tell whether someone else changed the same
 * section since the editor's version.
 */
public enum ArchiveSection {

	PERSONAL("personal", "personal."), HEALTH("health", "health."), STUDY("study", "study", "interests"),
	FAMILY("family", "familySituation", "familyMembers", "parentsRelationship", "familyAtmosphere",
			"familyAtmosphereOther"),
	SCHOOL("school", "schoolHistory"), EVENTS("events", "lifeEvents");

	private final String code;

	/** Form paths (and Bean Validation property paths) of the section: exact names or prefixes ending in "."/"[". */
	private final List<String> fields;

	ArchiveSection(String code, String... fields) {
		this.code = code;
		this.fields = List.of(fields);
	}

	/** The section's name in URLs and message keys ({@code archive.section.health}). */
	public String code() {
		return code;
	}

	public static Optional<ArchiveSection> of(String code) {
		for (ArchiveSection s : values()) {
			if (s.code.equals(code)) {
				return Optional.of(s);
			}
		}
		return Optional.empty();
	}

	/** The top-level properties of the archive (and of its page form) that make up the section. */
	public List<String> properties() {
		return fields.stream().map(f -> f.endsWith(".") ? f.substring(0, f.length() - 1) : f).toList();
	}

	/** Whether a form path such as {@code familyMembers[2].age} or {@code health.level} belongs to this section. */
	public boolean holds(String path) {
		for (String f : fields) {
			if (f.endsWith(".") ? path.startsWith(f)
					: path.equals(f) || path.startsWith(f + ".") || path.startsWith(f + "[")) {
				return true;
			}
		}
		return false;
	}

	/** The stored archive {@code a} with this section replaced by the same section of the edited archive {@code e}. */
	public GrowthArchive merge(GrowthArchive a, GrowthArchive e) {
		Personal personal = this == PERSONAL ? e.personal() : a.personal();
		Health health = this == HEALTH ? e.health() : a.health();
		boolean study = this == STUDY;
		boolean family = this == FAMILY;
		return new GrowthArchive(personal, health, study ? e.study() : a.study(), study ? e.interests() : a.interests(),
				family ? e.familySituation() : a.familySituation(), family ? e.familyMembers() : a.familyMembers(),
				family ? e.parentsRelationship() : a.parentsRelationship(),
				family ? e.familyAtmosphere() : a.familyAtmosphere(),
				family ? e.familyAtmosphereOther() : a.familyAtmosphereOther(),
				this == SCHOOL ? e.schoolHistory() : a.schoolHistory(), this == EVENTS ? e.lifeEvents() : a.lifeEvents());
	}

	/** Whether the section reads the same in both archives. */
	public boolean same(GrowthArchive x, GrowthArchive y) {
		return switch (this) {
			case PERSONAL -> x.personal().equals(y.personal());
			case HEALTH -> x.health().equals(y.health());
			case STUDY -> Objects.equals(x.study(), y.study()) && Objects.equals(x.interests(), y.interests());
			case FAMILY -> Objects.equals(x.familySituation(), y.familySituation())
					&& x.familyMembers().equals(y.familyMembers())
					&& Objects.equals(x.parentsRelationship(), y.parentsRelationship())
					&& Objects.equals(x.familyAtmosphere(), y.familyAtmosphere())
					&& Objects.equals(x.familyAtmosphereOther(), y.familyAtmosphereOther());
			case SCHOOL -> x.schoolHistory().equals(y.schoolHistory());
			case EVENTS -> x.lifeEvents().equals(y.lifeEvents());
		};
	}
}
