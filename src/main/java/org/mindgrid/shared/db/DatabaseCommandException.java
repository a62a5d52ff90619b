package org.mindgrid.shared.db;

/**
 * A backup, restore or check that cannot go on, with a message key of {@code i18n/commands} (and its arguments)
 * for the command line to print, and the exit code it ends with.
 */
public class DatabaseCommandException extends RuntimeException {

	/** Refused: another process owns the data directory, the file exists, the database is external. */
	public static final int REFUSED = 3;

	/** Failed: the database or the file could not be read or written. */
	public static final int FAILED = 4;

	private final String messageKey;

	private final transient Object[] args;

	private final int exitCode;

	public DatabaseCommandException(int exitCode, String messageKey, Object... args) {
		super(messageKey);
		this.exitCode = exitCode;
		this.messageKey = messageKey;
		this.args = args;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args;
	}

	public int exitCode() {
		return exitCode;
	}
}
