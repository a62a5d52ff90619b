package org.mindgrid.forms;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The definitions as shipped load; a broken one stops the start with its file and field named. */
class FormCatalogTests {

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource m = new ResourceBundleMessageSource();
		m.setBasenames("i18n/forms");
		m.setDefaultEncoding("UTF-8");
		m.setFallbackToSystemLocale(false);
		return m;
	}

	@Test
	void theShippedFormsLoadWithAllTheirWords() throws Exception {
		FormCatalog catalog = new FormCatalog(messages());
		assertThat(catalog.all()).extracting(FormDefinition::id).contains("emotion_monthly", "family_interview");
		FormDefinition emotion = catalog.find("emotion_monthly").orElseThrow();
		assertThat(emotion.part()).isEqualTo(3);
		assertThat(emotion.read()).as("the fillers read too").contains("HEAD_TEACHER", "CRISIS_TEAM");
		assertThat(catalog.find("family_interview").orElseThrow().read()).doesNotContain("SUBJECT_TEACHER", "MENTOR");
	}

	@Test
	void aBrokenDefinitionNamesTheFileAndTheField() {
		assertBroken("bad_type.yml", """
				id: bad_type
				part: 2
				stages: [1]
				fill: [HEAD_TEACHER]
				read: [HEAD_TEACHER]
				sections: [{ id: main, fields: [{ id: when, type: clock }] }]""", "bad_type.yml", "field when", "unknown type clock");
		assertBroken("no_options.yml", """
				id: no_options
				part: 2
				stages: [1]
				fill: [HEAD_TEACHER]
				read: [HEAD_TEACHER]
				sections: [{ id: main, fields: [{ id: mood, type: single }] }]""", "no_options.yml", "field mood", "options");
		assertBroken("bureau.yml", """
				id: bureau
				part: 2
				stages: [1]
				fill: [CITY_OFFICER]
				read: [HEAD_TEACHER]
				sections: [{ id: main, fields: [{ id: note, type: text }] }]""", "bureau.yml", "CITY_OFFICER");
		assertBroken("part.yml", """
				id: part
				part: 9
				stages: [1]
				fill: [HEAD_TEACHER]
				read: [HEAD_TEACHER]
				sections: [{ id: main, fields: [{ id: note, type: text }] }]""", "part.yml", "part must be 1 to 7");
		assertBroken("other_name.yml", """
				id: emotion_monthly
				part: 2
				stages: [1]
				fill: [HEAD_TEACHER]
				read: [HEAD_TEACHER]
				sections: [{ id: month, fields: [{ id: month, type: text }] }]""", "other_name.yml", "must match the file's name");
		assertBroken("no_words.yml", """
				id: no_words
				part: 2
				stages: [1]
				fill: [HEAD_TEACHER]
				read: [HEAD_TEACHER]
				sections: [{ id: main, fields: [{ id: note, type: text }] }]""", "no_words.yml", "no message form.no_words.title",
				"no message form.no_words.note");
		assertBroken("table.yml", """
				id: table
				part: 2
				stages: [1]
				fill: [HEAD_TEACHER]
				read: [HEAD_TEACHER]
				sections: [{ id: main, fields: [{ id: rows, type: table }] }]""", "table.yml", "field rows", "columns");
	}

	@Test
	void aFieldMayNotTakeTheFormsOwnWordsNorAFileSitInATable() {
		// honours once had a field "title", whose label then replaced the form's title everywhere
		assertBroken("titled.yml", """
				id: titled
				part: 6
				stages: [1]
				fill: [HEAD_TEACHER]
				read: [HEAD_TEACHER]
				sections: [{ id: main, fields: [{ id: title, type: text }] }]""", "titled.yml", "field title", "reserved");
		assertBroken("file_cell.yml", """
				id: file_cell
				part: 6
				stages: [1]
				fill: [HEAD_TEACHER]
				read: [HEAD_TEACHER]
				sections: [{ id: main, fields: [{ id: rows, type: table, columns: [{ id: scan, type: file }] }] }]""",
				"file_cell.yml", "field scan", "table");
		assertBroken("many_files.yml", """
				id: many_files
				part: 6
				stages: [1]
				fill: [HEAD_TEACHER]
				read: [HEAD_TEACHER]
				sections: [{ id: main, fields: [{ id: scans, type: file, max: 99 }] }]""", "many_files.yml", "field scans", "1 to 20");
	}

	@Test
	void theFormsFollowTheSeedsParts() throws Exception {
		var catalog = new FormCatalog(messages());
		assertThat(catalog.find("entrance_register").orElseThrow().part()).isEqualTo(2);
		assertThat(catalog.find("family_interview").orElseThrow().part()).isEqualTo(5);
		assertThat(catalog.find("creative_works").orElseThrow().part()).isEqualTo(6);
		assertThat(catalog.all().stream().map(FormDefinition::id).toList()).containsSubsequence("classroom_observation",
				"campus_adaptation", "emotion_monthly", "learning_psychology", "attention_ledger", "family_interview",
				"parent_training", "theme_education", "club_participation", "creative_works", "honours", "semester_summary");
	}

	private static void assertBroken(String file, String yaml, String... named) {
		Map<String, InputStream> files = new LinkedHashMap<>();
		files.put(file, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
		assertThatThrownBy(() -> FormCatalog.parse(files, messages())).isInstanceOf(IllegalStateException.class)
			.message().contains(List.of(named));
	}
}
