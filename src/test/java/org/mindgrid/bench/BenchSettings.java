package org.mindgrid.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a benchmark run is pointed at, from system properties ({@code -Dbench.*}), so that one simulation runs on
 * the demo data and on the city generator's: the app's base URL (loopback only), the accounts per journey, how
 * long and how many. User lists are comma separated; {@code mentor-000001..000200} stands for 200 numbered names
 * (the generator's usernames, see {@code CityStructure}).
 */
public final class BenchSettings {

	public static final String PASSWORD = "Demo#2026";

	private BenchSettings() {
	}

	public static String base() {
		String base = text("bench.base", "http://localhost:8080");
		requireLoopback(base);
		return base;
	}

	public static String password() {
		return text("bench.password", PASSWORD);
	}

	public static List<String> users(String name, String fallback) {
		return expand(text("bench." + name, fallback));
	}

	public static int integer(String name, int fallback) {
		return Integer.parseInt(text(name, Integer.toString(fallback)).strip());
	}

	public static double decimal(String name, double fallback) {
		return Double.parseDouble(text(name, Double.toString(fallback)).strip());
	}

	public static Duration seconds(String name, double fallback) {
		return Duration.ofMillis(Math.round(decimal(name, fallback) * 1000));
	}

	public static List<Integer> integers(String name, String fallback) {
		return Arrays.stream(text(name, fallback).split(",")).map(String::strip).filter(s -> !s.isEmpty())
			.map(Integer::valueOf).toList();
	}

	public static List<String> words(String name, String fallback) {
		return Arrays.stream(text(name, fallback).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	public static String text(String name, String fallback) {
		String value = System.getProperty(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	/** Where the raw-SQL figures go, beside Gatling's results. */
	public static Path out() {
		return Path.of(text("bench.out", "target/bench"));
	}

	/** {@code a,b,mentor-000001..000003} → a, b, mentor-000001, mentor-000002, mentor-000003. */
	static List<String> expand(String list) {
		List<String> names = new ArrayList<>();
		for (String part : list.split(",")) {
			String p = part.strip();
			int dots = p.indexOf("..");
			if (p.isEmpty()) {
				continue;
			}
			if (dots < 0) {
				names.add(p);
				continue;
			}
			String first = p.substring(0, dots);
			String last = p.substring(dots + 2);
			int digits = last.length();
			String prefix = first.substring(0, first.length() - digits);
			int from = Integer.parseInt(first.substring(first.length() - digits));
			int to = Integer.parseInt(last);
			for (int n = from; n <= to; n++) {
				names.add(prefix + String.format(Locale.ROOT, "%0" + digits + "d", n));
			}
		}
		if (names.isEmpty()) {
			throw new IllegalArgumentException("no user in '" + list + "'");
		}
		return names;
	}

	/** Load goes to this machine only. */
	static void requireLoopback(String base) {
		String host = URI.create(base).getHost();
		try {
			if (host == null || !InetAddress.getByName(host).isLoopbackAddress()) {
				throw new IllegalArgumentException("bench.base must be a loopback address, not " + base);
			}
		}
		catch (UnknownHostException e) {
			throw new IllegalArgumentException("unknown host in " + base, e);
		}
	}
}
