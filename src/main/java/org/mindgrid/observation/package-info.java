/**
 * Discovery: daily observations by any staff member (tool 2), concern reports by psych committee members, and
 * the 四必访 triggers that force a home visit. Red signs raise a warning report in the same request.
 */
@org.springframework.modulith.ApplicationModule(displayName = "observation")
package org.mindgrid.observation;
