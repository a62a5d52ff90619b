package org.mindgrid.forms;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mindgrid.forms.FormDefinition.Field;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shipped form, one test each: a record answered from its definition saves and reads back; an empty one gets
 * an error for each required field; the definition and its words come back in both languages.
 */
@IntegrationTest
class EveryFormIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FormCatalog catalog;

	@Autowired
	Clock clock;

	static Stream<String> forms() throws Exception {
		return new FormCatalog(messages()).all().stream().map(FormDefinition::id);
	}

	private static org.springframework.context.support.ResourceBundleMessageSource messages() {
		var m = new org.springframework.context.support.ResourceBundleMessageSource();
		m.setBasenames("i18n/forms");
		m.setDefaultEncoding("UTF-8");
		m.setFallbackToSystemLocale(false);
		return m;
	}

	@ParameterizedTest
	@MethodSource("forms")
	void aValidRecordSavesAndAnEmptyOneNamesEveryRequiredField(String formId) {
		Api api = new Api(port);
		FormDefinition form = catalog.find(formId).orElseThrow();
		long student = jdbc.sql("""
				select m.student_id from mentor_assignment m join app_user u on u.id = m.mentor_user_id
				 where u.username = 'mentor1' order by m.student_id limit 1""").query(Long.class).single();
		Map<String, Object> answers = new LinkedHashMap<>();
		for (Field f : form.fields()) {
			if (f.type() == FormDefinition.Type.FILE) {
				// a photo of the work, uploaded first; the answer names it by id
				Api.Response file = api.upload("psych1", "/api/v1/students/" + student + "/form-files?formId=" + formId,
						"作品.png", PNG);
				assertThat(file.status()).as(file.body()).isEqualTo(201);
				answers.put(f.id(), List.of(file.json().get("id").asLong()));
				continue;
			}
			answers.put(f.id(), value(f));
		}
		Api.Response saved = api.post("psych1", "/api/v1/students/" + student + "/records",
				Map.of("formId", formId, "answers", answers));
		assertThat(saved.status()).as(formId + " " + saved.body()).isEqualTo(201);
		assertThat(api.get("psych1", "/api/v1/students/" + student + "/records?formId=" + formId).json().get("items")
			.toString()).contains("\"id\":" + saved.json().get("id").asLong() + ",");

		Api.Response empty = api.post("psych1", "/api/v1/students/" + student + "/records",
				Map.of("formId", formId, "answers", Map.of()));
		assertThat(empty.status()).isEqualTo(400);
		JsonNode errors = empty.json().get("errors");
		for (Field f : form.fields()) {
			assertThat(errors.has(f.id())).as(formId + "." + f.id()).isEqualTo(f.required());
		}
		JsonNode en = api.get("psych1", "/api/v1/forms/" + formId + "?lang=en").json().get("words");
		JsonNode zh = api.get("psych1", "/api/v1/forms/" + formId).json().get("words");
		assertThat(en.get("title").asString()).isNotEqualTo(zh.get("title").asString());
	}

	/** The smallest PNG: one transparent pixel. */
	static final byte[] PNG = java.util.Base64.getDecoder().decode(
			"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

	private Object value(Field f) {
		String today = LocalDate.now(clock).toString();
		return switch (f.type()) {
			case TEXT, LONG_TEXT, SIGNATURE -> f.maxLength() != null && f.maxLength() < 10 ? today.substring(0, 7) : "测试内容";
			case DATE -> today;
			case TIME -> "14:30";
			case NUMBER -> f.min() == null ? 1 : f.min();
			case RATING -> 3;
			case SINGLE -> f.options().get(0);
			case MULTIPLE -> List.of(f.options().get(0));
			case FILE -> List.of();
			case TABLE -> {
				Map<String, Object> row = new LinkedHashMap<>();
				f.columns().forEach(c -> row.put(c.id(), value(c)));
				yield List.of(row);
			}
		};
	}
}
