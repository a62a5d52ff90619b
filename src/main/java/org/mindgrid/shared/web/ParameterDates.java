package org.mindgrid.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;
import org.springframework.format.support.DefaultFormattingConversionService;

/**
 * Request parameters and form fields that bind to a date (with or without {@code @DateTimeFormat}): parsed as
 * Spring would, then held to {@link DateLimits}. Registered last, so it is asked first for these types.
 */
final class ParameterDates implements ConditionalGenericConverter {

	private static final Set<ConvertiblePair> PAIRS = Set.of(new ConvertiblePair(String.class, LocalDate.class),
			new ConvertiblePair(String.class, LocalDateTime.class), new ConvertiblePair(String.class, Instant.class),
			new ConvertiblePair(String.class, OffsetDateTime.class),
			new ConvertiblePair(String.class, ZonedDateTime.class));

	/** Spring's own formatting (ISO and {@code @DateTimeFormat} patterns), kept apart from the MVC service. */
	private final DefaultFormattingConversionService parser = new DefaultFormattingConversionService();

	private final DateLimits limits;

	ParameterDates(DateLimits limits) {
		this.limits = limits;
	}

	@Override
	public Set<ConvertiblePair> getConvertibleTypes() {
		return PAIRS;
	}

	@Override
	public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
		return true;
	}

	@Override
	public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
		if (source == null || source.toString().isBlank()) {
			return null;
		}
		Object value = parser.convert(source.toString().strip(), sourceType, targetType);
		limits.check(value, targetType.getAnnotation(DateBounds.class));
		return value;
	}
}
