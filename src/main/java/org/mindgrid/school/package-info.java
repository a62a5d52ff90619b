/**
 * School structure: city, districts, schools with their stage, grades, classes and semesters.
 */
@org.springframework.modulith.ApplicationModule(displayName = "school")
package org.mindgrid.school;
