/**
 * The grid (心网格): which mentors care for which students of a class, and the grid rules of DOMAIN.md (every
 * student has a mentor, a mentor has at most 15 students, a class of grade 4 or up has at least 3 mentors), shown as
 * warnings on the class and school pages. Publishes {@link org.mindgrid.grid.MentorAssigned}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "grid")
package org.mindgrid.grid;
