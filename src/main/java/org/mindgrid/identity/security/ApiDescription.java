package org.mindgrid.identity.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.mindgrid.shared.web.ApiError;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What {@code /v3/api-docs} says about every operation beyond its own annotations (issue 7, point 13; ADR 0021):
 * the bearer scheme and who needs it, the problem-detail answers that the security chain, the input rules and the
 * scope checks give everywhere, the retry header of POSTs, and the API's conventions. Rules written once here stay
 * true for operations added later; what only one operation does (a 409 on a stale version) is annotated on it
 * ({@link ApiError}) and gets the problem schema here. {@code ApiDescriptionIntegrationTests} fails on an
 * operation left undescribed.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

	static final String BEARER = "bearerAuth";

	static final String PROBLEM_JSON = "application/problem+json";

	/** Operations that need no token (the API chain of {@link SecurityConfiguration} permits only this one). */
	static final Set<String> PUBLIC = Set.of("POST " + SecurityConfiguration.TOKEN_PATH,
			"GET /api/v1/screening/sessions/{code}", "POST /api/v1/screening/sessions/{code}/answers",
			"POST /api/v1/screening/sessions/{code}/submit", "POST /api/v1/screening/sessions",
			"GET /api/v1/screening/consent/{parentCode}", "POST /api/v1/screening/consent/{parentCode}");

	static final String INTRO = """
			Student mental-health records (心网格 · 一生一档) for K-12 schools. Log in with \
			`POST /api/v1/auth/token`, then send `Authorization: Bearer <token>` (scheme `bearerAuth`).

			Every read of a student's data is limited to the caller's scope (their classes, school, district or city) \
			and audited: a student outside it answers 404, a record above the caller's level (a subject teacher and \
			an archive) 403. Errors are RFC 9457 `application/problem+json` (schema `ProblemDetail`) with a stable \
			`code`, a localised `detail` and, for invalid input, `errors` by field. Chinese by default; `?lang=en` \
			or `Accept-Language: en` for English. Lists are paged: `{items, total, page, size}`, `page` from 0, \
			`size` 1–200 (default 20). A POST that creates something may carry `Idempotency-Key`: a retry with the \
			same key and body within 24 h answers the first answer again (`Idempotency-Replayed: true`).""";

	/** RFC 9457 problem as {@code ApiExceptionHandler} sends it; the schema the 4xx answers point to. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "ProblemDetail",
			description = "RFC 9457 problem detail with MindGrid's stable code and, for invalid input, errors by field")
	record ProblemJson(
			@io.swagger.v3.oas.annotations.media.Schema(description = "Always about:blank",
					example = "about:blank") URI type,
			@io.swagger.v3.oas.annotations.media.Schema(description = "The status in words, localised",
					example = "请求有误") String title,
			@io.swagger.v3.oas.annotations.media.Schema(description = "The HTTP status", example = "400") int status,
			@io.swagger.v3.oas.annotations.media.Schema(description = "What went wrong, localised (?lang=en)",
					example = "输入有误，请检查标出的字段。") String detail,
			@io.swagger.v3.oas.annotations.media.Schema(description = "The request path",
					example = "/api/v1/students/12/archive") URI instance,
			@io.swagger.v3.oas.annotations.media.Schema(description = "Stable message key of the problem",
					example = "problem.validation") String code,
			@io.swagger.v3.oas.annotations.media.Schema(description = "Invalid fields and what is wrong with each "
					+ "(invalid input only)", example = "{\"version\": \"不能为空\"}") Map<String, String> errors) {
	}

	@Bean
	OpenApiCustomizer mindGridApiDescription() {
		return ApiDescription::describe;
	}

	/** The answers only one operation gives ({@link ApiError}), before the common ones are added. */
	@Bean
	OperationCustomizer mindGridApiErrors() {
		return (operation, handler) -> {
			ApiError[] errors = handler.getMethod().getAnnotationsByType(ApiError.class);
			if (errors.length > 0 && operation.getResponses() == null) {
				operation.responses(new ApiResponses());
			}
			for (ApiError error : errors) {
				operation.getResponses()
					.addApiResponse(String.valueOf(error.status()), new ApiResponse().description(error.description()));
			}
			return operation;
		};
	}

	static void describe(OpenAPI api) {
		api.info(new Info().title("MindGrid 心网格 API").version("v1").description(INTRO));
		if (api.getComponents() == null) {
			api.components(new Components());
		}
		api.getComponents()
			.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
				.scheme("bearer")
				.bearerFormat("opaque")
				.description("An opaque token from `POST " + SecurityConfiguration.TOKEN_PATH + "`, sent as "
						+ "`Authorization: Bearer <token>`. It ends after 8 h unused, at the latest at its "
						+ "`expiresAt` (24 h), at `POST /api/v1/auth/logout` and when the password changes."));
		ModelConverters.getInstance(true).read(ProblemJson.class).forEach(api.getComponents()::addSchemas);
		if (api.getPaths() == null) {
			return;
		}
		api.getPaths().forEach((path, item) -> item.readOperationsMap()
			.forEach((method, operation) -> describe(path, method, operation)));
	}

	static void describe(String path, PathItem.HttpMethod method, Operation operation) {
		boolean open = PUBLIC.contains(method + " " + path);
		ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		operation.responses(responses);
		if (!open && method == PathItem.HttpMethod.POST) {
			idempotency(operation, responses);
		}
		List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
		boolean pathParameters = parameters.stream().anyMatch(p -> "path".equals(p.getIn()));
		boolean body = operation.getRequestBody() != null;
		if (operation.getTags() != null) {
			operation.setTags(operation.getTags().stream().map(ApiDescription::tag).toList());
		}
		parameters.forEach(ApiDescription::describePaging);

		if (body || !parameters.isEmpty()) {
			respond(responses, "400", "Invalid input: `errors` names each field and what is wrong with it (a missing "
					+ "or over-long value, an unknown code, a date out of range, a value of the wrong kind)");
		}
		if (body) {
			respond(responses, "413", "Body over 1 MB (uploads over 20 MB)");
		}
		if (open) {
			operation.setSecurity(new ArrayList<>());
			respond(responses, "401", "Wrong username, password or two-factor code, or the account is disabled");
			respond(responses, "403", "The password must be changed, or two-factor login enrolled, on the pages first");
			respond(responses, "429", "Too many attempts for this username from this client; wait `Retry-After` "
					+ "seconds");
			responses.get("429").addHeaderObject("Retry-After",
					new Header().description("Seconds until the next attempt is allowed")
						.schema(new IntegerSchema()));
		}
		else {
			operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
			respond(responses, "401", "No token, or the token has expired or been revoked");
			respond(responses, "403", "The caller's role may not do this, or may know the student but not read "
					+ "this record");
		}
		if (pathParameters) {
			respond(responses, "404", "Not found, or outside the caller's scope (the answer does not tell which)");
		}
		// Every 4xx can be a problem; an operation's own report (the roster's 422 with every row's errors) stays
		// beside it, as the same status may also come from the retry rules.
		responses.forEach((code, response) -> {
			if (code.startsWith("4")) {
				if (response.getContent() == null) {
					response.content(new Content());
				}
				response.getContent().putIfAbsent(PROBLEM_JSON,
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail")));
			}
		});
	}

	/** {@code Idempotency-Key} is taken on every authenticated POST (IdempotencyFilter). */
	private static void idempotency(Operation operation, ApiResponses responses) {
		if (operation.getParameters() != null
				&& operation.getParameters().stream().anyMatch(p -> "Idempotency-Key".equals(p.getName()))) {
			return;
		}
		operation.addParametersItem(new Parameter().in("header")
			.name("Idempotency-Key")
			.required(false)
			.description("1–200 visible ASCII characters, e.g. a UUID: a retry with the same key and body within 24 h "
					+ "answers the first answer again, with `Idempotency-Replayed: true`")
			.schema(new StringSchema().maxLength(200)));
		appendOrRespond(responses, "409", "A retry with the same Idempotency-Key while the first request still runs");
		appendOrRespond(responses, "422", "The Idempotency-Key was used before with another body");
	}

	private static void describePaging(Parameter parameter) {
		if (!"query".equals(parameter.getIn()) || parameter.getDescription() != null) {
			return;
		}
		if ("page".equals(parameter.getName())) {
			parameter.description("Page number from 0 (default 0)");
		}
		else if ("size".equals(parameter.getName())) {
			parameter.description("Items per page, 1–200 (default 20)");
		}
	}

	/** {@code student-api-controller} → {@code student}. */
	private static String tag(String tag) {
		return tag.endsWith("-api-controller") ? tag.substring(0, tag.length() - "-api-controller".length()) : tag;
	}

	private static void respond(ApiResponses responses, String code, String description) {
		ApiResponse response = responses.get(code);
		if (response == null) {
			responses.addApiResponse(code, new ApiResponse().description(description));
		}
		else if (response.getDescription() == null || response.getDescription().isBlank()) {
			response.description(description);
		}
	}

	/** An operation's own 409 (a stale version …) and the retry's 409 are both possible: say both. */
	private static void appendOrRespond(ApiResponses responses, String code, String description) {
		ApiResponse response = responses.get(code);
		if (response != null && response.getDescription() != null && !response.getDescription().isBlank()) {
			if (response.getDescription().contains(description)) {
				return;
			}
			response.description(response.getDescription() + "; or: " + description);
		}
		else {
			respond(responses, code, description);
		}
	}
}
