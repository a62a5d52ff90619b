package org.mindgrid.student.roster;

import java.util.List;

/** What an import did; with errors nothing was written. */
public record RosterResult(int imported, int updated, int unchanged, List<RosterError> errors) {

	public RosterResult {
		errors = List.copyOf(errors);
	}

	static RosterResult rejected(List<RosterError> errors) {
		return new RosterResult(0, 0, 0, errors);
	}

	public boolean rejected() {
		return !errors.isEmpty();
	}
}
