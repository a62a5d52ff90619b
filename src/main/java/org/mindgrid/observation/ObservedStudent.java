package org.mindgrid.observation;

/** The student an observation or report is about, as found within the caller's scope. */
record ObservedStudent(long id, long schoolId, long classId) {
}
