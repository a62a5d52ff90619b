package org.mindgrid;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every Chinese message has its English twin and the other way round, so no page shows a raw key. */
class I18nPropertiesSyncTests {

	private static final Path DIR = Path.of("src/main/resources/i18n");

	@Test
	void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
		List<String> problems = new ArrayList<>();
		try (Stream<Path> files = Files.list(DIR)) {
			for (Path zh : files.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
				String name = zh.getFileName().toString().replace(".properties", "");
				Path en = DIR.resolve(name + "_en.properties");
				assertThat(en).as("English bundle for " + name).exists();
				Set<String> zhKeys = keys(zh);
				Set<String> enKeys = keys(en);
				Set<String> missingEn = new TreeSet<>(zhKeys);
				missingEn.removeAll(enKeys);
				Set<String> missingZh = new TreeSet<>(enKeys);
				missingZh.removeAll(zhKeys);
				missingEn.forEach(k -> problems.add(name + "_en lacks " + k));
				missingZh.forEach(k -> problems.add(name + " lacks " + k));
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void noKeyIsDefinedInTwoBundles() throws IOException {
		List<String> duplicates = new ArrayList<>();
		Set<String> seen = new TreeSet<>();
		try (Stream<Path> files = Files.list(DIR)) {
			for (Path zh : files.filter(p -> !p.getFileName().toString().contains("_")).sorted().toList()) {
				for (String key : keys(zh)) {
					if (!seen.add(key)) {
						duplicates.add(zh.getFileName() + ": " + key);
					}
				}
			}
		}
		assertThat(duplicates).isEmpty();
	}

	private static Set<String> keys(Path file) throws IOException {
		Properties props = new Properties();
		try (var reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
			props.load(reader);
		}
		return new TreeSet<>(props.stringPropertyNames());
	}
}
