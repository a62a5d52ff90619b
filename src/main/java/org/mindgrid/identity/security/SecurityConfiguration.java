package org.mindgrid.identity.security;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.mindgrid.identity.security.LoginOutcome.Disabled;
import org.mindgrid.identity.security.LoginOutcome.SecondFactorRequired;
import org.mindgrid.identity.security.LoginOutcome.Throttled;
import org.mindgrid.shared.Deployment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/** Two chains: the stateless bearer-token API and the session-based pages with form login and CSRF. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/** New hashes are Argon2id (memory-hard; no 72-byte limit); bcrypt hashes still match and upgrade at login. */
	static final String DEFAULT_ENCODER = "argon2id";

	/** The one API path open without a token (also declared public in the API description). */
	static final String TOKEN_PATH = "/api/v1/auth/token";

	/**
	 * Screening's code endpoints (issue 9, ADR 0025): students and parents have no account, the code in the path
	 * is the credential, and misses are rate-limited per address.
	 */
	static final String[] CODE_PATHS = { "/api/v1/screening/sessions", "/api/v1/screening/sessions/*",
			"/api/v1/screening/sessions/*/answers", "/api/v1/screening/sessions/*/submit",
			"/api/v1/screening/consent/*" };

	@Bean
	PasswordEncoder passwordEncoder() {
		return new DelegatingPasswordEncoder(DEFAULT_ENCODER, Map.of(DEFAULT_ENCODER,
				Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "bcrypt", new BCryptPasswordEncoder()));
	}

	@Bean
	AuthenticationManager authenticationManager(PasswordAuthenticationProvider provider) {
		return new ProviderManager(provider);
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, UserAccounts accounts, ProblemResponses problems)
			throws Exception {
		http.securityMatcher("/api/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.authorizeHttpRequests(auth -> auth.requestMatchers(TOKEN_PATH).permitAll()
				.requestMatchers(CODE_PATHS)
				.permitAll()
				.anyRequest()
				.authenticated())
			.addFilterBefore(new BearerTokenFilter(tokens, accounts, problems), AnonymousAuthenticationFilter.class)
			.exceptionHandling(e -> e
				.authenticationEntryPoint((req, res, ex) -> problems.write(req, res,
						HttpServletResponse.SC_UNAUTHORIZED, "problem.unauthorized"))
				.accessDeniedHandler((req, res, ex) -> problems.write(req, res, HttpServletResponse.SC_FORBIDDEN,
						"problem.forbidden")))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
				.httpStrictTransportSecurity(SecurityConfiguration::hsts));
		return http.build();
	}

	/** What anybody may fetch without signing in. The API description only in a demo: elsewhere it maps the attack surface. */
	static String[] publicPaths(boolean demo) {
		List<String> paths = new ArrayList<>(List.of("/login", "/login/two-factor", "/actuator/health",
				"/actuator/health/**", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error",
				// screening's pages for students and parents without an account (the code is the credential)
				"/s", "/s/**", "/p/**",
				// the students' own counselling requests (the class code, 学号 and birth date)
				"/c"));
		if (demo) {
			paths.addAll(List.of("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"));
		}
		return paths.toArray(String[]::new);
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, UserAccounts accounts, LoginDetails.Source details,
			SecondFactorLogin secondFactor, DeviceCookies devices, Deployment deployment) throws Exception {
		var success = new SavedRequestAwareAuthenticationSuccessHandler();
		http.authorizeHttpRequests(auth -> auth.requestMatchers(publicPaths(deployment.demo()))
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.authenticationDetailsSource(details)
				.successHandler((request, response, authentication) -> {
					devices.issue(request, response, Logins.counterKey(authentication.getName()));
					success.onAuthenticationSuccess(request, response, authentication);
				})
				.failureHandler(loginFailure(secondFactor))
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
			.exceptionHandling(e -> e.accessDeniedHandler(new PageAccessDenied()))
			.addFilterAfter(new SessionRefreshFilter(accounts), SecurityContextHolderFilter.class)
			.addFilterAfter(new AccountSetupFilter(), AnonymousAuthenticationFilter.class)
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
				.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.httpStrictTransportSecurity(SecurityConfiguration::hsts));
		return http.build();
	}

	/**
	 * HSTS for a year, sub-domains included. Spring Security sends it on secure requests only; behind a TLS proxy
	 * the request is secure once Tomcat trusts the proxy's X-Forwarded-Proto (README, "Behind a reverse proxy").
	 */
	private static void hsts(HeadersConfigurer<HttpSecurity>.HstsConfig hsts) {
		hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000);
	}

	private static AuthenticationFailureHandler loginFailure(SecondFactorLogin secondFactor) {
		return (request, response, exception) -> {
			LoginOutcome outcome = exception instanceof LoginRefusedException refused ? refused.outcome() : null;
			if (outcome instanceof SecondFactorRequired required) {
				secondFactor.start(request, required.account().id());
				response.sendRedirect(request.getContextPath() + "/login/two-factor");
				return;
			}
			String query;
			if (outcome instanceof Throttled throttled) {
				query = "throttled=" + throttled.retryAfterSeconds();
			}
			else if (outcome instanceof Disabled) {
				query = "inactive";
			}
			else {
				query = "error";
			}
			redirect(request, response, query);
		};
	}

	private static void redirect(HttpServletRequest request, HttpServletResponse response, String query)
			throws IOException {
		String username = request.getParameter("username");
		String keep = username == null ? "" : "&username=" + URLEncoder.encode(Logins.normalise(username), StandardCharsets.UTF_8);
		response.sendRedirect(request.getContextPath() + "/login?" + query + keep);
	}
}
