package org.mindgrid.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A problem-detail answer that only this API operation gives (a 409 on a stale version …), for {@code /v3/api-docs}.
 * The answers every operation can give (400, 401, 403, 404 …) are added for all of them by the API description;
 * springdoc's own {@code @ApiResponse} would instead drop the operation's success answer and describe the error
 * with the success body (ADR 0021).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ApiError.List.class)
public @interface ApiError {

	/** The HTTP status, 400–499. */
	int status();

	/** When and why, for an integrator: the condition, and the problem's {@code code} where it helps. */
	String description();

	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@interface List {

		ApiError[] value();
	}
}
