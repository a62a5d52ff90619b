package org.mindgrid.shared.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

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
				// Secure when the request is (directly or behind the trusted HTTPS proxy), like the session cookie.
				super.setLocale(request, request.isSecure() ? new SecureCookieResponse(response) : response,
						locale == null ? null : ("en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locales.CHINESE));
			}
		};
		resolver.setDefaultLocale(Locales.CHINESE);
		return resolver;
	}

	/** Marks the cookies set through it {@code Secure}. */
	static final class SecureCookieResponse extends HttpServletResponseWrapper {

		SecureCookieResponse(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void addHeader(String name, String value) {
			boolean insecureCookie = "Set-Cookie".equalsIgnoreCase(name) && value != null
					&& !value.toLowerCase(Locale.ROOT).contains("; secure");
			super.addHeader(name, insecureCookie ? value + "; Secure" : value);
		}
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
