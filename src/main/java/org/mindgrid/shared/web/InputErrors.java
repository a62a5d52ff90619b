package org.mindgrid.shared.web;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.FieldError;

/**
 * Turns a refused value (a JSON path, a request parameter, a form field) into the field it belongs to and a message
 * key, so that every problem says which field is wrong and why in the caller's language.
 */
public final class InputErrors {

	/** A field and why it was refused (a message key of the shared bundle and its arguments). */
	public record FieldProblem(String field, String messageKey, Object[] args) {

		public String message(MessageSource messages, Locale locale) {
			return messages.getMessage(messageKey, args, messageKey, locale);
		}
	}

	private static final java.util.regex.Pattern FRACTION = java.util.regex.Pattern
		.compile("[-+]?(\\d*\\.\\d+|\\d+\\.)([eE][-+]?\\d+)?|[-+]?\\d+[eE][-+]?\\d+");

	private InputErrors() {
	}

	/** The field a JSON body was refused at, when Jackson knows it. */
	static Optional<FieldProblem> ofJson(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof JacksonException e && (e instanceof DatabindException || e instanceof InputCoercionException)) {
				String field = path(e);
				if (field.isEmpty()) {
					return Optional.empty();
				}
				return Optional.of(jsonProblem(e, field));
			}
		}
		return Optional.empty();
	}

	/** A request parameter or form field that could not be converted to its type. */
	public static FieldProblem ofTypeMismatch(TypeMismatchException e, String field) {
		DateOutOfRange range = find(e, DateOutOfRange.class);
		if (range != null) {
			return new FieldProblem(field, range.messageKey(), range.args());
		}
		Class<?> type = e.getRequiredType();
		String value = e.getValue() == null ? "" : e.getValue().toString();
		return new FieldProblem(field, keyForType(type, FRACTION.matcher(value.strip()).matches()), optionsOf(type));
	}

	/**
	 * A form field's message named by its field ("其他线索：长度须为 0–2000"), so that it is understood away from the
	 * field too (an API problem, a list above the form).
	 */
	public static String message(MessageSource messages, FieldError error, Locale locale) {
		return named(messages, error.getField(), bareMessage(messages, error, locale), locale);
	}

	/** {@code message} prefixed with the field's label, unless it already names it ("请填写班级名称"). */
	public static String named(MessageSource messages, String field, String message, Locale locale) {
		String label = label(messages, field, locale);
		if (message == null || message.toLowerCase(locale).contains(label.toLowerCase(locale))) {
			return message;
		}
		return messages.getMessage("input.named", new Object[] { label, message }, locale);
	}

	/**
	 * The field's label from {@code field.<path>} ({@code archive.familyMembers[0].name} tries
	 * {@code field.archive.familyMembers.name}, then {@code field.familyMembers.name}, then {@code field.name}); the
	 * path itself when no label is known.
	 */
	public static String label(MessageSource messages, String field, Locale locale) {
		String path = field.replaceAll("\\[\\d*]", "");
		for (String p = path; !p.isEmpty(); p = p.indexOf('.') < 0 ? "" : p.substring(p.indexOf('.') + 1)) {
			String label = messages.getMessage("field." + p, null, null, locale);
			if (label != null) {
				return label;
			}
		}
		return field;
	}

	/**
	 * The message alone: a date out of range says the range; other conversion failures use the bundles'
	 * {@code typeMismatch} codes, never the converter's own (English, technical) text.
	 */
	public static String bareMessage(MessageSource messages, FieldError error, Locale locale) {
		if (error.contains(TypeMismatchException.class)) {
			FieldProblem problem = ofTypeMismatch(error.unwrap(TypeMismatchException.class), error.getField());
			if (DateOutOfRange.MESSAGE_KEY.equals(problem.messageKey())) {
				return problem.message(messages, locale);
			}
			try {
				return messages.getMessage(new DefaultMessageSourceResolvable(error.getCodes(), error.getArguments()),
						locale);
			}
			catch (NoSuchMessageException e) {
				return problem.message(messages, locale);
			}
		}
		return messages.getMessage(error, locale);
	}

	static boolean bodyTooLarge(Throwable failure) {
		return find(failure, BodyLimitFilter.BodyTooLarge.class) != null;
	}

	private static FieldProblem jsonProblem(JacksonException e, String field) {
		if (e instanceof InputMismatch m) {
			return new FieldProblem(field, m.messageKey(), m.args());
		}
		if (e instanceof InvalidNullException) {
			return new FieldProblem(field, field.endsWith("]") ? "input.null-element" : "input.required", null);
		}
		if (e instanceof InputCoercionException) {
			return new FieldProblem(field, "input.number-range", null);
		}
		if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
			boolean fraction = m.getCurrentToken() == JsonToken.VALUE_NUMBER_FLOAT
					|| (m instanceof InvalidFormatException f && f.getValue() instanceof Number n
							&& !(n instanceof Integer || n instanceof Long || n instanceof java.math.BigInteger));
			return new FieldProblem(field, keyForType(m.getTargetType(), fraction), optionsOf(m.getTargetType()));
		}
		return new FieldProblem(field, "input.type", null);
	}

	private static String keyForType(Class<?> type, boolean fraction) {
		if (type == null) {
			return "input.type";
		}
		Class<?> t = type.isPrimitive() ? wrapper(type) : type;
		if (t == Integer.class || t == Long.class || t == Short.class || t == Byte.class
				|| t == java.math.BigInteger.class) {
			return fraction ? "input.integer" : "input.number";
		}
		if (Number.class.isAssignableFrom(t)) {
			return "input.number";
		}
		if (Temporal.class.isAssignableFrom(t)) {
			return "input.date.format";
		}
		if (t.isEnum()) {
			return "input.option";
		}
		if (t == Boolean.class) {
			return "input.boolean";
		}
		return "input.type";
	}

	private static Object[] optionsOf(Class<?> type) {
		if (type == null || !type.isEnum()) {
			return null;
		}
		return new Object[] { Arrays.stream(type.getEnumConstants()).map(Object::toString)
			.collect(Collectors.joining(", ")) };
	}

	private static Class<?> wrapper(Class<?> primitive) {
		return switch (primitive.getName()) {
			case "int" -> Integer.class;
			case "long" -> Long.class;
			case "short" -> Short.class;
			case "byte" -> Byte.class;
			case "boolean" -> Boolean.class;
			default -> Double.class;
		};
	}

	/** {@code archive.familyMembers[0].name}: property names joined by dots, list indexes in brackets. */
	private static String path(JacksonException e) {
		StringBuilder out = new StringBuilder();
		for (JacksonException.Reference ref : e.getPath()) {
			if (ref.getPropertyName() != null) {
				if (!out.isEmpty()) {
					out.append('.');
				}
				out.append(InputText.printable(ref.getPropertyName()));
			}
			else if (ref.getIndex() >= 0) {
				out.append('[').append(ref.getIndex()).append(']');
			}
		}
		return out.toString();
	}

	static <T extends Throwable> T find(Throwable failure, Class<T> type) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return null;
	}
}
