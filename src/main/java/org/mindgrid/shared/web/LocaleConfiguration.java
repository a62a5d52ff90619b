package org.mindgrid.shared.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** zh-CN by default whatever the browser says (schools' machines often run English systems); en on request. */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

	static final String COOKIE = "mindgrid-lang";

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE) {
			@Override
			public Locale resolveLocale(HttpServletRequest request) {
				return Locales.of(request);
			}

			@Override
			public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
				super.setLocale(request, response, locale == null ? null
						: ("en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locales.CHINESE));
			}
		};
		resolver.setDefaultLocale(Locales.CHINESE);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		// Not on the error page: reading a parameter there would parse the body of a refused upload again.
		registry.addInterceptor(interceptor).excludePathPatterns("/error");
	}
}
