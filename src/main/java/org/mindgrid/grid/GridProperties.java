package org.mindgrid.grid;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The thresholds of the grid rules (DOMAIN.md: a mentor cares for at most 15 students; from upper primary, grade 4,
 * a class has at least 3 mentors). Configurable because a region may set its own; the warning codes keep their names.
 *
 * @param maxStudentsPerMentor above this many students a mentor gets {@code MENTOR_OVER_15}
 * @param minMentorsPerClass below this many mentors a class gets {@code FEWER_THAN_3_MENTORS}
 * @param minMentorsFromGrade the lowest grade level the mentor minimum applies to
 */
@ConfigurationProperties("mindgrid.grid")
public record GridProperties(@DefaultValue("15") int maxStudentsPerMentor, @DefaultValue("3") int minMentorsPerClass,
		@DefaultValue("4") int minMentorsFromGrade) {

	public static GridProperties defaults() {
		return new GridProperties(15, 3, 4);
	}
}
