package org.mindgrid.identity.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The list of common passwords shipped with the application ({@code identity/common-passwords.txt}: zxcvbn's
 * 30,000 most common passwords, MIT licence, plus passwords common in China). Compared in NFKC lower case.
 */
final class CommonPasswords {

	private static final Set<String> LIST = load();

	private CommonPasswords() {
	}

	static boolean contains(String normalisedLowerCase) {
		return LIST.contains(normalisedLowerCase);
	}

	static int size() {
		return LIST.size();
	}

	private static Set<String> load() {
		Set<String> set = new HashSet<>(40_000);
		try (InputStream in = CommonPasswords.class.getResourceAsStream("/identity/common-passwords.txt")) {
			if (in == null) {
				throw new IllegalStateException("identity/common-passwords.txt is missing from the application");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				String entry = line.strip();
				if (!entry.isEmpty() && !entry.startsWith("#")) {
					set.add(entry.toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return Set.copyOf(set);
	}
}
