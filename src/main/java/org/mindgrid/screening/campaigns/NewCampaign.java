package org.mindgrid.screening.campaigns;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A campaign as a psychology teacher creates it. {@code grades} optionally overrides, per scale id, the grades
 * [from, to] that get the scale; without it each scale goes to its default grades (MHRSP 4–6; MSSMHS, PHQ-9 and
 * GAD-7 7 and up).
 */
public record NewCampaign(String name, List<String> scaleIds, List<Long> classIds, Instant opensAt, Instant closesAt,
		Map<String, List<Integer>> grades) {
}
