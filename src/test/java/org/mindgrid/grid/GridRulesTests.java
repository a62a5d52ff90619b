package org.mindgrid.grid;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.mindgrid.grid.GridRules.Finding;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The Java side of the rules: messages name the student or mentor and the configured thresholds. */
class GridRulesTests {

	private static final Locale ZH = Locale.forLanguageTag("zh-CN");

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	GridRulesTests() {
		messages.setBasename("i18n/grid");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
	}

	@Test
	void studentWithoutMentorNamesTheStudentAndCarriesOnlyTheStudentId() {
		GridWarning w = GridRules.describe(new Finding(7, "七年级（2）班", WarningCode.STUDENT_WITHOUT_MENTOR, null, null,
				42L, "张三", "1202607245", 0), GridProperties.defaults(), messages, ZH);
		assertThat(w.message()).isEqualTo("学生 张三（学号 1202607245）还没有心导师");
		assertThat(w.studentId()).isEqualTo(42L);
		assertThat(w.mentorUserId()).isNull();
		assertThat(w.classId()).isEqualTo(7);
	}

	@Test
	void overloadedMentorUsesTheConfiguredLimit() {
		Finding f = new Finding(9, "九年级（3）班", WarningCode.MENTOR_OVER_15, 5L, "李老师", null, null, null, 23);
		assertThat(GridRules.describe(f, GridProperties.defaults(), messages, ZH).message())
			.isEqualTo("心导师 李老师 负责 23 名学生，超过 15 名");
		GridWarning custom = GridRules.describe(f, new GridProperties(20, 3, 4), messages, Locale.ENGLISH);
		assertThat(custom.message()).isEqualTo("Mentor 李老师 cares for 23 students, more than 20");
		assertThat(custom.mentorUserId()).isEqualTo(5L);
		assertThat(custom.studentId()).isNull();
	}

	@Test
	void thinClassNamesTheGradeAndTheMinimum() {
		Finding f = new Finding(9, "九年级（3）班", WarningCode.FEWER_THAN_3_MENTORS, null, null, null, null, null, 2);
		assertThat(GridRules.describe(f, GridProperties.defaults(), messages, ZH).message())
			.isEqualTo("本班只有 2 名心导师，4 年级及以上每班至少需要 3 名");
	}

	@Test
	void bothBundlesHaveTheSameKeys() throws IOException {
		assertThat(load("i18n/grid_en.properties").stringPropertyNames())
			.isEqualTo(load("i18n/grid.properties").stringPropertyNames());
	}

	private static Properties load(String path) throws IOException {
		Properties p = new Properties();
		try (InputStream in = GridRulesTests.class.getClassLoader().getResourceAsStream(path)) {
			p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		return p;
	}
}
