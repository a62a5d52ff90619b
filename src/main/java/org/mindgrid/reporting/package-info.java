/**
 * Oversight: the records the seed's rules are checked against (lessons, activities, parent sessions, trainings,
 * joint meetings), the rules as indicators at school, district and city level, and their dashboards.
 */
@org.springframework.modulith.ApplicationModule(displayName = "reporting")
package org.mindgrid.reporting;
