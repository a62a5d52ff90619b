package org.mindgrid.identity.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.stereotype.Component;

/** What the login page's provider needs besides username and password: the client and an optional code. */
record LoginDetails(LoginClient client, String totp) {

	@Component
	static class Source implements AuthenticationDetailsSource<HttpServletRequest, LoginDetails> {

		private final DeviceCookies devices;

		Source(DeviceCookies devices) {
			this.devices = devices;
		}

		@Override
		public LoginDetails buildDetails(HttpServletRequest request) {
			String key = Logins.counterKey(request.getParameter("username"));
			return new LoginDetails(new LoginClient(request.getRemoteAddr(), devices.deviceOf(request, key)),
					request.getParameter("totp"));
		}
	}
}
