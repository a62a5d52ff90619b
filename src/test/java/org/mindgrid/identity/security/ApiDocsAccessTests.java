package org.mindgrid.identity.security;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.mindgrid.shared.Deployment;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Outside a demo the API description needs a login: the real security configuration in a small web context (no
 * database, no controllers) with {@code mindgrid.demo=false}. The demo side is checked by
 * {@code ReverseProxyIntegrationTests} on the full application.
 */
@WebMvcTest(useDefaultFilters = false, properties = "mindgrid.demo=false")
@Import({ SecurityConfiguration.class, ProblemResponses.class, Deployment.class })
class ApiDocsAccessTests {

	@MockitoBean
	PasswordAuthenticationProvider provider;

	@MockitoBean
	LoginDetails.Source details;

	@MockitoBean
	SecondFactorLogin secondFactor;

	@MockitoBean
	DeviceCookies devices;

	@MockitoBean
	ApiTokens tokens;

	@MockitoBean
	UserAccounts accounts;

	@MockitoBean
	Clock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	Deployment deployment;

	@Test
	void theApiDescriptionNeedsALoginOutsideADemo() throws Exception {
		assertThat(deployment.demo()).isFalse();
		mvc.perform(get("/v3/api-docs")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/v3/api-docs/swagger-config")).andExpect(status().isFound());
		mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isFound());
		// Signed in, the request passes security (and finds no controller in this small context).
		mvc.perform(get("/v3/api-docs").with(user("psych1"))).andExpect(status().isNotFound());
		// What stays public stays public.
		mvc.perform(get("/actuator/health")).andExpect(status().isNotFound());
	}

	@Test
	void onlyADemoPublishesTheApiDescription() {
		assertThat(SecurityConfiguration.publicPaths(true)).contains("/v3/api-docs", "/v3/api-docs/**");
		assertThat(SecurityConfiguration.publicPaths(false)).contains("/login", "/error")
			.noneMatch(p -> p.startsWith("/v3") || p.startsWith("/swagger"));
	}
}
