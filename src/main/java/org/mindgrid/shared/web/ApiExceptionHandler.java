package org.mindgrid.shared.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every API error is an RFC 9457 problem with a localised detail; never a stack trace. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final MessageSource messages;

	ApiExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ApiProblem.class)
	ResponseEntity<ProblemDetail> apiProblem(ApiProblem e, HttpServletRequest request) {
		var answer = problem(e.status(), e.messageKey(), e.args(), request, null);
		if (e.retryAfterSeconds() != null) {
			return ResponseEntity.status(answer.getStatusCode())
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.header("Retry-After", String.valueOf(e.retryAfterSeconds()))
				.body(answer.getBody());
		}
		return answer;
	}

	@ExceptionHandler(BindException.class)
	ResponseEntity<ProblemDetail> invalid(BindException e, HttpServletRequest request) {
		Locale locale = Locales.of(request);
		Map<String, String> errors = new LinkedHashMap<>();
		e.getBindingResult().getFieldErrors().forEach(fe -> errors.putIfAbsent(fe.getField(), messages.getMessage(fe, locale)));
		e.getBindingResult().getGlobalErrors().forEach(ge -> errors.putIfAbsent(ge.getObjectName(), messages.getMessage(ge, locale)));
		return problem(HttpStatus.BAD_REQUEST, "problem.validation", null, request, errors);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
		return problem(HttpStatus.BAD_REQUEST, "problem.unreadable", null, request, null);
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
			MissingServletRequestPartException.class })
	ResponseEntity<ProblemDetail> badParameter(Exception e, HttpServletRequest request) {
		return problem(HttpStatus.BAD_REQUEST, "problem.bad-parameter", null, request, null);
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
		return problem(HttpStatus.PAYLOAD_TOO_LARGE, "problem.too-large", null, request, null);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
		return problem(HttpStatus.FORBIDDEN, "problem.forbidden", null, request, null);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
		return problem(HttpStatus.METHOD_NOT_ALLOWED, "problem.method", null, request, null);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.media-type", null, request, null);
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) {
		return problem(HttpStatus.NOT_FOUND, "problem.not-found", null, request, null);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
		log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "problem.internal", null, request, null);
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, String key, Object[] args,
			HttpServletRequest request, Map<String, String> errors) {
		Locale locale = Locales.of(request);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(key, args, key, locale));
		problem.setTitle(messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale));
		problem.setProperty("code", key);
		if (errors != null) {
			problem.setProperty("errors", errors);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
