package org.mindgrid.warning;

/**
 * The crisis assessment team set or changed a student's category, or released the case ({@code to} null). For
 * dashboards and the crisis module; carries no clinical detail.
 */
public record CategoryChanged(long caseId, long studentId, long schoolId, Integer from, Integer to,
		boolean inDatabase) {
}
