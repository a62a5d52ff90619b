package org.mindgrid.identity;

import java.io.Serializable;

/** A role held at a place. Only the ids the role needs are set. Kept in page sessions (ADR 0028). */
public record Post(long id, Role role, Long cityId, Long districtId, Long schoolId, Long classId, boolean partTime)
		implements Serializable {
}
