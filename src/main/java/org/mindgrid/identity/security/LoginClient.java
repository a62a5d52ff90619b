package org.mindgrid.identity.security;

import java.io.Serializable;

/**
 * Where an attempt comes from: the client address and, for the login page, the device id of a valid device cookie
 * issued to this username (OWASP's device cookies), so that a stranger on the same school network cannot exhaust
 * the counter of a teacher's own browser.
 */
public record LoginClient(String address, String deviceId) implements Serializable {

	public LoginClient {
		address = address == null || address.isBlank() ? "unknown" : address;
	}

	/** The counter this client's attempts go to. */
	String key() {
		return deviceId != null ? "dev:" + deviceId : addressKey();
	}

	String addressKey() {
		return "ip:" + address;
	}
}
