package org.mindgrid.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/** Pages show a friendly message in the layout; the details stay in the log. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

	private final MessageSource messages;

	private final BodyLimits limits;

	PageExceptionHandler(MessageSource messages, BodyLimits limits) {
		this.messages = messages;
		this.limits = limits;
	}

	@ExceptionHandler(ApiProblem.class)
	ModelAndView problem(ApiProblem e, HttpServletResponse response) {
		return page(response, e.status().value(), e.messageKey(), e.args());
	}

	@ExceptionHandler(AccessDeniedException.class)
	ModelAndView denied(AccessDeniedException e, HttpServletResponse response) {
		return page(response, 403, "problem.forbidden", null);
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(MaxUploadSizeExceededException e, HttpServletResponse response) {
		return page(response, 413, BodyLimitFilter.UPLOAD_TOO_LARGE, new Object[] { limits.uploadText() });
	}

	@ExceptionHandler(MultipartException.class)
	ModelAndView badUpload(Exception e, HttpServletResponse response) {
		return page(response, 400, "problem.bad-upload", null);
	}

	@ExceptionHandler(InvalidParameterException.class)
	ModelAndView badParameters(InvalidParameterException e, HttpServletRequest request, HttpServletResponse response) {
		if (e.getErrorCode() != 413) {
			return page(response, 400, "problem.bad-parameter", null);
		}
		String type = request.getContentType();
		return type != null && type.startsWith("multipart/")
				? page(response, 413, BodyLimitFilter.UPLOAD_TOO_LARGE, new Object[] { limits.uploadText() })
				: page(response, 413, BodyLimitFilter.TOO_LARGE, new Object[] { limits.bodyText() });
	}

	/** A path or query value of the wrong type (/students/abc, ?from=-999999999-01-01): the page names it. */
	@ExceptionHandler(TypeMismatchException.class)
	ModelAndView badValue(TypeMismatchException e, HttpServletResponse response) {
		String field = e instanceof MethodArgumentTypeMismatchException m
				? m.getName() : e.getPropertyName();
		if (field == null) {
			return page(response, 400, "problem.bad-parameter", null);
		}
		InputErrors.FieldProblem problem = InputErrors.ofTypeMismatch(e, field);
		return page(response, 400, "problem.field",
				new Object[] { field, problem.message(messages, LocaleContextHolder.getLocale()) });
	}

	/** A form index beyond the binding limit or a malformed property path, named on the page. */
	@ExceptionHandler(InvalidPropertyException.class)
	ModelAndView badProperty(InvalidPropertyException e, HttpServletResponse response) {
		return page(response, 400, "problem.field", new Object[] { InputText.printable(e.getPropertyName()),
				messages.getMessage("input.type", null, LocaleContextHolder.getLocale()) });
	}

	/** A form that cannot be read. */
	@ExceptionHandler({ org.springframework.validation.BindException.class,
			org.springframework.http.converter.HttpMessageNotReadableException.class })
	ModelAndView badInput(Exception e, HttpServletResponse response) {
		return page(response, 400, "problem.bad-parameter", null);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ModelAndView mediaType(HttpMediaTypeNotSupportedException e, HttpServletResponse response) {
		return page(response, 415, "problem.media-type.expected", Problems.mediaTypeArgs(e));
	}

	@ExceptionHandler(Exception.class)
	ModelAndView unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
		// Spring's own client errors (wrong method, unknown path, missing parameter) keep their 4xx status.
		if (e instanceof org.springframework.web.ErrorResponse error && error.getStatusCode().is4xxClientError()) {
			int status = error.getStatusCode().value();
			String key = switch (status) {
				case 404 -> "problem.not-found";
				case 405 -> "problem.method";
				default -> "problem.bad-parameter";
			};
			return page(response, status, key, null);
		}
		if (Overload.is(e)) {
			log.warn("Database busy on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
			response.setHeader("Retry-After", String.valueOf(Overload.RETRY_AFTER_SECONDS));
			return page(response, 503, "problem.busy", null);
		}
		log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
		return page(response, 500, "problem.internal", null);
	}

	ModelAndView page(HttpServletResponse response, int status, String key, Object[] args) {
		return page(messages, response, status, key, args);
	}

	static ModelAndView page(MessageSource messages, HttpServletResponse response, int status, String key,
			Object[] args) {
		response.setStatus(status);
		ModelAndView mav = new ModelAndView("error");
		mav.addObject("status", status);
		mav.addObject("message", messages.getMessage(key, args, key, LocaleContextHolder.getLocale()));
		return mav;
	}
}
