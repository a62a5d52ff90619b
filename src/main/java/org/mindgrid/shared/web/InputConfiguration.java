package org.mindgrid.shared.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.format.FormatterRegistry;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires the shared input rules (ADR 0012): body limits first, then the text rule for parameters, both before
 * security; the JSON rules into the application's {@code JsonMapper}; the date range into parameter binding.
 */
@Configuration(proxyBeanMethods = false)
class InputConfiguration implements WebMvcConfigurer {

	/** After the character encoding filter, before FormContentFilter (-9900), which reads PUT form bodies. */
	static final int BODY_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	/** After FormContentFilter, before Spring Security (-100) reads the login form. */
	static final int REQUEST_GUARD_ORDER = -9800;

	private final DateLimits limits;

	InputConfiguration(DateLimits limits) {
		this.limits = limits;
	}

	@Bean
	BodyLimits bodyLimits(@Value("${mindgrid.web.max-body-size:1MB}") DataSize body,
			@Value("${spring.servlet.multipart.max-request-size:20MB}") DataSize upload) {
		return new BodyLimits(body, upload);
	}

	@Bean
	FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(BodyLimits bodyLimits) {
		var registration = new FilterRegistrationBean<>(new BodyLimitFilter(bodyLimits));
		registration.setOrder(BODY_LIMIT_ORDER);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestGuardFilter> requestGuardFilter(BodyLimits bodyLimits) {
		var registration = new FilterRegistrationBean<>(new RequestGuardFilter(bodyLimits));
		registration.setOrder(REQUEST_GUARD_ORDER);
		return registration;
	}

	@Bean
	JsonMapperBuilderCustomizer inputRules() {
		return builder -> JsonInput.configure(builder, limits);
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(new ParameterDates(limits));
	}
}
