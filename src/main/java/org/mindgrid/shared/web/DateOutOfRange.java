package org.mindgrid.shared.web;

import java.time.LocalDate;

/** A date outside its plausible range; the message names the range, the caller names the field. */
public class DateOutOfRange extends RuntimeException {

	public static final String MESSAGE_KEY = "input.date.range";

	private final LocalDate earliest;

	private final LocalDate latest;

	public DateOutOfRange(LocalDate earliest, LocalDate latest) {
		super("date outside " + earliest + " .. " + latest);
		this.earliest = earliest;
		this.latest = latest;
	}

	public String messageKey() {
		return MESSAGE_KEY;
	}

	public Object[] args() {
		return new Object[] { earliest.toString(), latest.toString() };
	}
}
