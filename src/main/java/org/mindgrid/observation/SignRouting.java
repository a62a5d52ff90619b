package org.mindgrid.observation;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.mindgrid.warning.Urgency;

/**
 * Which warning signs of the daily observation form are red, and which 四必访 triggers they set off. The table is
 * docs/decisions/0008-red-warning-signs.md; change both together.
 */
public final class SignRouting {

	public static final int SIGN_COUNT = 15;

	/** Direct suicide signals: 1 (不想活了的念头) and 6 (处理个人重要物品). */
	static final Set<Integer> URGENT_SIGNS = Set.of(1, 6);

	/** Hopelessness and acute distress: assessment within a school day. */
	static final Set<Integer> RED_SIGNS = Set.of(2, 3, 4, 11, 12);

	static final Set<Integer> ABNORMAL_EMOTION_SIGNS = Set.of(4, 10, 12);

	static final Set<Integer> FAMILY_CHANGE_SIGNS = Set.of(8, 9);

	static final String FAMILY_CHANGE_CATEGORY = "FAMILY_MAJOR_CHANGE";

	private SignRouting() {
	}

	/** The urgency of the warning report these signs raise, or empty when none is needed. */
	public static Optional<Urgency> urgencyOf(Collection<Integer> signs, String crisisLevel) {
		boolean high = "HIGH".equals(crisisLevel);
		boolean urgentSign = signs.stream().anyMatch(URGENT_SIGNS::contains);
		boolean redSign = signs.stream().anyMatch(RED_SIGNS::contains);
		if (urgentSign || (high && redSign)) {
			return Optional.of(Urgency.URGENT);
		}
		if (redSign || high || signs.size() >= 3) {
			return Optional.of(Urgency.HIGH);
		}
		return Optional.empty();
	}

	/** The 四必访 triggers an observation sets off. */
	public static Set<TriggerKind> triggersOf(Collection<Integer> signs, Collection<String> categories) {
		Set<TriggerKind> triggers = EnumSet.noneOf(TriggerKind.class);
		if (signs.stream().anyMatch(ABNORMAL_EMOTION_SIGNS::contains)) {
			triggers.add(TriggerKind.ABNORMAL_EMOTION);
		}
		if (signs.stream().anyMatch(FAMILY_CHANGE_SIGNS::contains) || categories.contains(FAMILY_CHANGE_CATEGORY)) {
			triggers.add(TriggerKind.FAMILY_CHANGE);
		}
		return triggers;
	}
}
