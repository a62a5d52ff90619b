package org.mindgrid.identity.web;

/** A wait for the message {@code login.throttled}: whole seconds, and whole minutes for long waits. */
record WaitText(long seconds, long minutes) {

	static WaitText of(long seconds) {
		long s = Math.max(1, seconds);
		return new WaitText(s, (s + 59) / 60);
	}
}
