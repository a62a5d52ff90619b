package org.mindgrid.shared.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

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
		// ?lang= is read from the query string only: asking for a parameter would parse a multipart body (and
		// fail on a malformed or oversized upload) before the controller could refuse it properly.
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				String lang = Locales.queryLang(request);
				LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
				if (lang != null && resolver != null) {
					resolver.setLocale(request, response, lang.toLowerCase(Locale.ROOT).startsWith("en")
							? Locale.ENGLISH : Locales.CHINESE);
				}
				return true;
			}
		});
	}
}
