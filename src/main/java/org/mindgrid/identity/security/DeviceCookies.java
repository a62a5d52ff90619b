package org.mindgrid.identity.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.mindgrid.shared.crypto.SecretBox;

import org.springframework.stereotype.Component;

/**
 * The login page's device cookie: a random id with a MAC binding it to one username, set after a successful
 * login. Attempts that present it count on the device's own counter (OWASP "device cookies"), so strangers who
 * guess at a teacher's account from the same school network do not lock the teacher's own browser out.
 */
@Component
class DeviceCookies {

	static final String NAME = "mg_device";

	private static final Duration LIFETIME = Duration.ofDays(365);

	private final SecureRandom random = new SecureRandom();

	private final SecretBox box;

	DeviceCookies(SecretBox box) {
		this.box = box;
	}

	/** The device id when the request carries a cookie issued for this username. */
	String deviceOf(HttpServletRequest request, String usernameKey) {
		if (request.getCookies() == null || usernameKey == null) {
			return null;
		}
		for (Cookie cookie : request.getCookies()) {
			if (NAME.equals(cookie.getName()) && cookie.getValue() != null) {
				String[] parts = cookie.getValue().split("\\.", 2);
				if (parts.length == 2 && parts[0].length() <= 40 && MessageDigest.isEqual(
						mac(parts[0], usernameKey).getBytes(StandardCharsets.US_ASCII),
						parts[1].getBytes(StandardCharsets.US_ASCII))) {
					return parts[0];
				}
			}
		}
		return null;
	}

	void issue(HttpServletRequest request, HttpServletResponse response, String usernameKey) {
		String existing = deviceOf(request, usernameKey);
		String id = existing;
		if (id == null) {
			byte[] bytes = new byte[16];
			random.nextBytes(bytes);
			id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		}
		Cookie cookie = new Cookie(NAME, id + "." + mac(id, usernameKey));
		cookie.setHttpOnly(true);
		cookie.setSecure(request.isSecure());
		cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
		cookie.setMaxAge((int) LIFETIME.toSeconds());
		cookie.setAttribute("SameSite", "Lax");
		response.addCookie(cookie);
	}

	private String mac(String id, String usernameKey) {
		byte[] mac = box.mac("device-cookie", (id + "|" + usernameKey).getBytes(StandardCharsets.UTF_8));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
	}
}
