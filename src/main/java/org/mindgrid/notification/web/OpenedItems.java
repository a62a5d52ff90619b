package org.mindgrid.notification.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.notification.Inbox;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Opening a notification's item marks it read (issue 7, point 4), also when the reader got there from the queue,
 * the duties or a bookmark rather than the inbox: after a page was shown to its user (a GET answered 200, so the
 * scope checks passed), their unread notifications linking to exactly that page are read. The badge on that very
 * page already counts them as read.
 */
@Configuration(proxyBeanMethods = false)
class OpenedItems implements WebMvcConfigurer {

	private final CurrentUsers users;

	private final Inbox inbox;

	OpenedItems(CurrentUsers users, Inbox inbox) {
		this.users = users;
		this.inbox = inbox;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
					ModelAndView view) {
				// a poll (mindgrid.js) is the page asking for news, not the reader opening something
				if (!"GET".equals(request.getMethod()) || request.getHeader("X-MG-Poll") != null
						|| response.getStatus() != 200 || view == null
						|| view.getViewName() == null || view.getViewName().startsWith("redirect:")) {
					return;
				}
				CurrentUser user = users.find().orElse(null);
				if (user == null) {
					return;
				}
				String path = request.getRequestURI().substring(request.getContextPath().length());
				String link = link(path, request.getQueryString());
				if (inbox.markOpened(user.id(), link) > 0 && view.getModel().containsKey("unreadCount")) {
					view.addObject("unreadCount", inbox.unreadCount(user.id()));
				}
			}
		}).addPathPatterns("/**").excludePathPatterns("/api/**", "/notifications", "/notifications/**", "/css/**",
				"/js/**", "/webjars/**", "/login", "/error");
	}

	/** The page's address as notifications link to it: the language switch is no part of it. */
	static String link(String path, String query) {
		if (query == null) {
			return path;
		}
		String kept = java.util.Arrays.stream(query.split("&"))
			.filter(p -> !p.isEmpty() && !p.startsWith("lang="))
			.collect(java.util.stream.Collectors.joining("&"));
		return kept.isEmpty() ? path : path + "?" + kept;
	}
}
