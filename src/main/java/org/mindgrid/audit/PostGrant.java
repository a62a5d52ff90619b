package org.mindgrid.audit;

import org.mindgrid.identity.Role;

/**
 * What a post grant, a post removal or a mentor assignment opens: whose post, which role, and where. A row with a
 * school and no class covers the school's students, one with a class covers the class's students, one naming a
 * student (a mentor assignment) covers that student only (docs/decisions/0015-post-grants.md).
 */
public record PostGrant(long holderUserId, Role role, Long schoolId, Long classId) {
}
