package org.mindgrid.student.archive;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A section takes its own parts from the edited archive and leaves every other part as stored. */
class ArchiveSectionTests {

	private static GrowthArchive archive(String tag) {
		return new GrowthArchive(new GrowthArchive.Personal("族" + tag, "籍" + tag, "址" + tag),
				new GrowthArchive.Health("GOOD", "述" + tag, List.of("ASTHMA"), null), "学" + tag, "趣" + tag,
				"家" + tag, List.of(new GrowthArchive.FamilyMember("父亲", tag, 40, null, null, "LIKE")), "HARMONIOUS",
				"ORDINARY", "氛" + tag, List.of(new GrowthArchive.SchoolHistory("2019", "校" + tag, null, "LIKE")),
				List.of(new GrowthArchive.LifeEvent(LocalDate.of(2024, 1, 1), "事" + tag, null)));
	}

	@Test
	void mergeReplacesExactlyTheSection() {
		GrowthArchive stored = archive("A");
		GrowthArchive edited = archive("B");
		for (ArchiveSection section : ArchiveSection.values()) {
			GrowthArchive merged = section.merge(stored, edited);
			assertThat(section.same(merged, edited)).as(section + " taken from the edit").isTrue();
			for (ArchiveSection other : ArchiveSection.values()) {
				if (other != section) {
					assertThat(other.same(merged, stored)).as(other + " kept when saving " + section).isTrue();
					assertThat(other.same(merged, edited)).as(other + " not taken when saving " + section).isFalse();
				}
			}
		}
		// All sections together are the whole archive.
		GrowthArchive all = stored;
		for (ArchiveSection section : ArchiveSection.values()) {
			all = section.merge(all, edited);
		}
		assertThat(all).isEqualTo(edited);
	}

	@Test
	void formPathsBelongToTheirSection() {
		assertThat(ArchiveSection.FAMILY.holds("familyMembers[3].age")).isTrue();
		assertThat(ArchiveSection.FAMILY.holds("familyAtmosphereOther")).isTrue();
		assertThat(ArchiveSection.HEALTH.holds("health.pastIllnesses")).isTrue();
		assertThat(ArchiveSection.STUDY.holds("interests")).isTrue();
		assertThat(ArchiveSection.STUDY.holds("familySituation")).isFalse();
		assertThat(ArchiveSection.PERSONAL.holds("health.level")).isFalse();
		assertThat(ArchiveSection.EVENTS.holds("lifeEvents[0].date")).isTrue();
		assertThat(ArchiveSection.SCHOOL.properties()).containsExactly("schoolHistory");
		assertThat(ArchiveSection.PERSONAL.properties()).containsExactly("personal");
		assertThat(ArchiveSection.of("health")).contains(ArchiveSection.HEALTH);
		assertThat(ArchiveSection.of("HEALTH")).isEmpty();
		assertThat(ArchiveSection.of(null)).isEmpty();
	}
}
