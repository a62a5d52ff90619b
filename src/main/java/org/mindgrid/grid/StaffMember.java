package org.mindgrid.grid;

/** A member of a school's staff, as a mentor or a choice for "make mentor". */
public record StaffMember(long userId, String name, String username) {
}
