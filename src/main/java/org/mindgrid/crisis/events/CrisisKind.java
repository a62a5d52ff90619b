package org.mindgrid.crisis.events;

import java.util.Arrays;
import java.util.Optional;

/** What happened (issue 10 point 1). The API takes and answers the names. */
public enum CrisisKind {

	SELF_HARM, SUICIDE_ATTEMPT, SUICIDE, HARM_TO_OTHERS, MISSING, OTHER;

	public static Optional<CrisisKind> of(String name) {
		return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
	}
}
