/**
 * Crisis events (issue 10, ADR 0026): raise an event in seconds, the five first-time actions (五个第一时间), the
 * 1-hour report to the district bureau with its follow-ups, aftercare, and the district's post-incident review
 * (复盘) with gaps found by rules. Bureau officers read the events of their area by name; nothing else of a student.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Crisis events")
package org.mindgrid.crisis;
