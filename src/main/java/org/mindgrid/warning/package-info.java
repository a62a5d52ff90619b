/**
 * Warning database (重点学生预警库): warning reports raised to the psychology teachers, their assessment, category,
 * plan, sessions and release.
 */
@org.springframework.modulith.ApplicationModule(displayName = "warning")
package org.mindgrid.warning;
