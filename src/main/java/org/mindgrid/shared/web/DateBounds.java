package org.mindgrid.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Overrides the shared plausible range of a date field (1900-01-01 to today + 5 years, see {@link DateLimits}) for
 * JSON bodies, request parameters and form fields alike.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT })
public @interface DateBounds {

	/** The earliest date allowed, ISO format. */
	String earliest() default DateLimits.EARLIEST;

	/** How many years after today are allowed. */
	int yearsAhead() default DateLimits.YEARS_AHEAD;
}
