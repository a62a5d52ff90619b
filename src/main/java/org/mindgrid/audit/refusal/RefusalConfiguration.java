package org.mindgrid.audit.refusal;

import org.mindgrid.identity.CurrentUsers;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the refusal watch right behind Spring Security, where the caller is known. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RefusalProperties.class)
class RefusalConfiguration {

	@Bean
	FilterRegistrationBean<AccessRefusalFilter> accessRefusalFilter(AccessRefusals refusals, CurrentUsers users) {
		FilterRegistrationBean<AccessRefusalFilter> registration = new FilterRegistrationBean<>(
				new AccessRefusalFilter(refusals, users));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 5);
		registration.addUrlPatterns("/*");
		return registration;
	}
}
