package org.mindgrid.audit.web;

import java.util.Locale;

import org.springframework.context.MessageSource;

/** Where a request came from, as people read it: this computer for loopback, IPv4 without its IPv6 mapping. */
public final class Addresses {

	private Addresses() {
	}

	public static String shown(String remoteAddr, MessageSource messages, Locale locale) {
		if (remoteAddr == null || remoteAddr.isBlank()) {
			return "";
		}
		String a = remoteAddr.strip();
		String lower = a.toLowerCase(Locale.ROOT);
		if (lower.startsWith("::ffff:") && a.indexOf('.') > 0) {
			a = a.substring(7);
		}
		if (a.equals("::1") || a.equals("0:0:0:0:0:0:0:1") || a.startsWith("127.")) {
			return messages.getMessage("audit.address.local", null, locale);
		}
		return a;
	}
}
