package org.mindgrid.screening.scales;

/** Who answers a scale: the student (self-report) or a teacher or parent about the student (observer rating). */
public enum ScaleMode {
	SELF_REPORT, OBSERVER
}
