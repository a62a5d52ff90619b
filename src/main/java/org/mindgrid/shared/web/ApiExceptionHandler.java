package org.mindgrid.shared.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.InvalidPropertyException;
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
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every API error is an RFC 9457 problem with a localised detail; never a stack trace. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final MessageSource messages;

	private final Problems problems;

	private final BodyLimits limits;

	ApiExceptionHandler(MessageSource messages, Problems problems, BodyLimits limits) {
		this.messages = messages;
		this.problems = problems;
		this.limits = limits;
	}

	@ExceptionHandler(ApiProblem.class)
	ResponseEntity<ProblemDetail> apiProblem(ApiProblem e, HttpServletRequest request) {
		var answer = problem(e.status(), e.messageKey(), e.args(), request, null);
		e.properties().forEach(answer.getBody()::setProperty);
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
		e.getBindingResult().getFieldErrors()
			.forEach(fe -> errors.putIfAbsent(fe.getField(), InputErrors.message(messages, fe, locale)));
		e.getBindingResult().getGlobalErrors()
			.forEach(ge -> errors.putIfAbsent(ge.getObjectName(), messages.getMessage(ge, locale)));
		return problem(HttpStatus.BAD_REQUEST, "problem.validation", null, request, errors);
	}

	/** A body that is too large, not JSON, or has a value of the wrong kind; the field is named when known. */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
		if (InputErrors.bodyTooLarge(e)) {
			return tooLargeBody(request);
		}
		return InputErrors.ofJson(e)
			.map(field -> fieldProblem(field, request))
			.orElseGet(() -> problem(HttpStatus.BAD_REQUEST, "problem.unreadable", null, request, null));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
		return fieldProblem(InputErrors.ofTypeMismatch(e, e.getName()), request);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e,
			HttpServletRequest request) {
		return fieldProblem(new InputErrors.FieldProblem(e.getParameterName(), "input.required", null), request);
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e, HttpServletRequest request) {
		return fieldProblem(new InputErrors.FieldProblem(e.getRequestPartName(), "input.required", null), request);
	}

	/** A form index beyond the binding limit, or a malformed property path. */
	@ExceptionHandler(InvalidPropertyException.class)
	ResponseEntity<ProblemDetail> badProperty(InvalidPropertyException e, HttpServletRequest request) {
		return fieldProblem(new InputErrors.FieldProblem(InputText.printable(e.getPropertyName()), "input.type", null),
				request);
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
		return tooLargeUpload(request);
	}

	/** An upload that is not well-formed multipart (no boundary, a file name with NUL, cut off). */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> badUpload(MultipartException e, HttpServletRequest request) {
		return problem(HttpStatus.BAD_REQUEST, "problem.bad-upload", null, request, null);
	}

	/** Tomcat refusing to parse parameters or parts; it says whether the body was too large. */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<ProblemDetail> badParameters(InvalidParameterException e, HttpServletRequest request) {
		if (e.getErrorCode() == 413) {
			String type = request.getContentType();
			return type != null && type.startsWith("multipart/") ? tooLargeUpload(request) : tooLargeBody(request);
		}
		return problem(HttpStatus.BAD_REQUEST, "problem.bad-parameter", null, request, null);
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
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.media-type.expected", Problems.mediaTypeArgs(e),
				request, null);
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) {
		return problem(HttpStatus.NOT_FOUND, "problem.not-found", null, request, null);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
		if (Overload.is(e)) {
			log.warn("Database busy on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
			ProblemDetail busy = problems.of(HttpStatus.SERVICE_UNAVAILABLE, "problem.busy", null, Locales.of(request),
					null);
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header("Retry-After", String.valueOf(Overload.RETRY_AFTER_SECONDS))
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(busy);
		}
		log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "problem.internal", null, request, null);
	}

	private ResponseEntity<ProblemDetail> tooLargeBody(HttpServletRequest request) {
		return problem(HttpStatus.PAYLOAD_TOO_LARGE, BodyLimitFilter.TOO_LARGE, new Object[] { limits.bodyText() },
				request, null);
	}

	private ResponseEntity<ProblemDetail> tooLargeUpload(HttpServletRequest request) {
		return problem(HttpStatus.PAYLOAD_TOO_LARGE, BodyLimitFilter.UPLOAD_TOO_LARGE,
				new Object[] { limits.uploadText() }, request, null);
	}

	private ResponseEntity<ProblemDetail> fieldProblem(InputErrors.FieldProblem field, HttpServletRequest request) {
		Map<String, String> errors = Map.of(field.field(), field.message(messages, Locales.of(request)));
		return problem(HttpStatus.BAD_REQUEST, "problem.validation", null, request, errors);
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, String key, Object[] args,
			HttpServletRequest request, Map<String, String> errors) {
		ProblemDetail problem = problems.of(status, key, args, Locales.of(request), errors);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
