/**
 * Counselling (心理辅导, issue 13 point 3, ADR 0036): appointments requested by a student, head teacher or mentor and
 * scheduled by a psychology teacher in the counselling room's week, reminders and no-shows; the individual counselling
 * record with its sessions and the groups with attendance. The counsellor's notes are the psychology teachers' alone.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Counselling")
package org.mindgrid.counselling;
