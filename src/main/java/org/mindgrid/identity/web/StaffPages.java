package org.mindgrid.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The teachers' pages (duties, students, observations, warning queue, cases, grids) are for school staff. A psych
 * committee student, a bureau officer or the system administrator who opens one gets a refusal worded for them
 * (issue 7, point 10) instead of an empty page or another audience's message. An interceptor rather than a
 * Spring Security rule: the refusal then passes the refusal audit filter like any other refused read.
 */
@Configuration(proxyBeanMethods = false)
class StaffPages implements WebMvcConfigurer {

	static final String[] PATHS = { "/duties", "/duties/**", "/students", "/students/**", "/observations",
			"/observations/**", "/warnings", "/warnings/**", "/grid", "/grid/**", "/cases", "/cases/**",
			"/screening/campaigns", "/screening/campaigns/**", "/screening/flags", "/screening/flags/**", "/counselling", "/counselling/**", "/forms", "/forms/**", "/form-files/**" };

	private final CurrentUsers users;

	StaffPages(CurrentUsers users) {
		this.users = users;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				CurrentUser user = users.find().orElse(null);
				if (user != null && !user.isSchoolStaff()) {
					throw ApiProblem.forbidden(user.staffOnlyRefusal());
				}
				return true;
			}
		}).addPathPatterns(PATHS);
	}
}
