package org.mindgrid.identity;

/** A role held at a place. Only the ids the role needs are set. */
public record Post(long id, Role role, Long cityId, Long districtId, Long schoolId, Long classId, boolean partTime) {
}
