package org.mindgrid.mentoring;

/** The three kinds of ledger record, with their table and the path segment of their pages and API. */
public enum LedgerKind {

	TALK("talk", "talks"),
	HOME_VISIT("home_visit", "home-visits"),
	CONTACT("home_school_contact", "contacts");

	private final String table;

	private final String path;

	LedgerKind(String table, String path) {
		this.table = table;
		this.path = path;
	}

	/** Only ever one of the three constants above, so safe to put into SQL. */
	String table() {
		return table;
	}

	public String path() {
		return path;
	}

	public static LedgerKind ofPath(String path) {
		for (LedgerKind kind : values()) {
			if (kind.path.equals(path)) {
				return kind;
			}
		}
		throw org.mindgrid.shared.web.ApiProblem.notFound("problem.not-found");
	}
}
