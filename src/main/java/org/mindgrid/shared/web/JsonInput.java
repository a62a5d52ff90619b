package org.mindgrid.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateTimeDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The shared input rules for every JSON body, in one place instead of a check per endpoint: no U+0000 or unpaired
 * surrogate in any string or map key, dates within {@link DateLimits}, no fraction where an integer is expected,
 * no null inside a list. A refusal carries the JSON path, so the problem names the field.
 */
final class JsonInput {

	static final String INVALID_TEXT = "input.invalid-text";

	private JsonInput() {
	}

	static void configure(JsonMapper.Builder builder, DateLimits limits) {
		SimpleModule module = new SimpleModule("mindgrid-input");
		module.addDeserializer(String.class, new CleanStringDeserializer());
		module.addKeyDeserializer(String.class, new CleanKeyDeserializer());
		module.addDeserializer(LocalDate.class, bounded(LocalDateDeserializer.INSTANCE, limits));
		module.addDeserializer(LocalDateTime.class, bounded(LocalDateTimeDeserializer.INSTANCE, limits));
		module.addDeserializer(Instant.class, bounded(InstantDeserializer.INSTANT, limits));
		module.addDeserializer(OffsetDateTime.class, bounded(InstantDeserializer.OFFSET_DATE_TIME, limits));
		module.addDeserializer(ZonedDateTime.class, bounded(InstantDeserializer.ZONED_DATE_TIME, limits));
		builder.addModule(module)
			// "signs": [1.9] must not quietly become sign 1 (and raise an urgent report).
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
		for (Class<?> type : List.of(List.class, Set.class, Collection.class)) {
			builder.withConfigOverride(type, o -> o.setNullHandling(JsonSetter.Value.forContentNulls(Nulls.FAIL)));
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> ValueDeserializer<T> bounded(ValueDeserializer<T> delegate, DateLimits limits) {
		return (ValueDeserializer<T>) new BoundedDateDeserializer(delegate, limits, null);
	}

	static final class CleanStringDeserializer extends StringDeserializer {

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) {
			String value = super.deserialize(p, ctxt);
			if (!InputText.isClean(value)) {
				throw new InputMismatch(p, INVALID_TEXT, null, String.class);
			}
			return value;
		}
	}

	static final class CleanKeyDeserializer extends KeyDeserializer {

		@Override
		public Object deserializeKey(String key, DeserializationContext ctxt) {
			if (!InputText.isClean(key)) {
				throw new InputMismatch(ctxt.getParser(), INVALID_TEXT, null, String.class);
			}
			return key;
		}
	}

	/** Parses with Jackson's own java.time deserializer, then applies the field's range. */
	static final class BoundedDateDeserializer extends DelegatingDeserializer {

		private final DateLimits limits;

		private final DateBounds bounds;

		BoundedDateDeserializer(ValueDeserializer<?> delegate, DateLimits limits, DateBounds bounds) {
			super(delegate);
			this.limits = limits;
			this.bounds = bounds;
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new BoundedDateDeserializer(delegate, limits, bounds);
		}

		@Override
		public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
			ValueDeserializer<?> delegate = ctxt.handleSecondaryContextualization(_delegatee, property,
					ctxt.constructType(_delegatee.handledType()));
			DateBounds declared = property == null ? null : property.getAnnotation(DateBounds.class);
			return new BoundedDateDeserializer(delegate, limits, declared);
		}

		@Override
		public Object deserialize(JsonParser p, DeserializationContext ctxt) {
			Object value = super.deserialize(p, ctxt);
			try {
				limits.check(value, bounds);
			}
			catch (DateOutOfRange e) {
				throw new InputMismatch(p, e.messageKey(), e.args(), handledType());
			}
			return value;
		}
	}
}
