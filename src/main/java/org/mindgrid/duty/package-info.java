/**
 * Duties: every deadline the seeds set — what is due, by whom, when — with reminders and escalation when overdue.
 */
@org.springframework.modulith.ApplicationModule(displayName = "duty")
package org.mindgrid.duty;
