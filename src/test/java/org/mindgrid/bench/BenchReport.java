package org.mindgrid.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rows of docs/performance.md from a run: each request's figures from Gatling's report (its statistics table
 * in {@code index.html}: Gatling 3.16 writes no JSON of them) and, for a stress run, the raw-SQL figures of the
 * same endpoint and concurrency with the app/raw-SQL ratio of the medians. Usage:
 * {@code BenchReport <gatling run folder> [raw-sql.tsv seconds-per-cell]}.
 */
public final class BenchReport {

	/** One request name's line of Gatling's table; milliseconds. */
	public record Line(String name, long count, long ko, double p50, double p95, double p99, double max) {
	}

	// the name cell, then the table's value cells in their order: total, ok, ko, ko %, req/s, min, p50, p95, p99,
	// p99.9, max, mean, std dev (percentiles as set in gatling.conf)
	private static final Pattern ROW = Pattern.compile("class=\"ellipsed-name\">([^<]*)</span>(.*?)</tr>",
			Pattern.DOTALL);

	private static final Pattern VALUE = Pattern.compile("<td class=\"value [a-z]+ col-\\d+\">([^<]*)</td>");

	private BenchReport() {
	}

	public static void main(String[] args) throws IOException {
		Path run = Path.of(args[0]);
		Map<String, Line> lines = read(run);
		if (args.length >= 3) {
			System.out.println(stress(lines, RawSql.read(Path.of(args[1])), Double.parseDouble(args[2])));
		}
		else {
			System.out.println(journeys(lines));
		}
	}

	/** The newest run folder of a simulation under Gatling's results folder. */
	public static Path latest(Path results, String simulation) throws IOException {
		try (Stream<Path> runs = Files.list(results)) {
			return runs.filter(p -> p.getFileName().toString().startsWith(simulation.toLowerCase(Locale.ROOT) + "-"))
				.max(Path::compareTo).orElseThrow(() -> new IOException("no run of " + simulation + " in " + results));
		}
	}

	public static Map<String, Line> read(Path run) throws IOException {
		String html = Files.readString(run.resolve("index.html"));
		Map<String, Line> lines = new LinkedHashMap<>();
		Matcher row = ROW.matcher(html);
		while (row.find()) {
			List<String> v = new ArrayList<>();
			Matcher value = VALUE.matcher(row.group(2));
			while (value.find()) {
				v.add(value.group(1).replace(",", "").strip());
			}
			if (v.size() < 13) {
				continue;
			}
			String name = row.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").strip();
			lines.putIfAbsent(name, new Line(name, Long.parseLong(v.get(0)), number(v.get(2)), ms(v.get(6)),
					ms(v.get(7)), ms(v.get(8)), ms(v.get(10))));
		}
		return lines;
	}

	/** Journeys: one row per request name (logins and all). */
	static String journeys(Map<String, Line> lines) {
		StringBuilder b = new StringBuilder("| request | count | failed | p50 / p95 / p99 ms | max ms |\n|---|---|---|---|---|\n");
		lines.values().stream().filter(l -> !l.name().equals("All Requests")).forEach(l -> b.append(String.format(
				Locale.ROOT, "| %s | %d | %d | %.0f / %.0f / %.0f | %.0f |%n", l.name(), l.count(), l.ko(), l.p50(),
				l.p95(), l.p99(), l.max())));
		return b.toString();
	}

	/** Stress: one row per endpoint and concurrency, with the raw SQL of the same run beside it. */
	static String stress(Map<String, Line> lines, List<RawSql.Figures> sql, double seconds) {
		StringBuilder b = new StringBuilder("| endpoint | c | HTTP p50 / p95 / p99 ms | HTTP req/s | raw SQL p50 / p95 ms "
				+ "(connections) | raw SQL /s | app/raw p50 |\n|---|---|---|---|---|---|---|\n");
		for (Line l : lines.values()) {
			int at = l.name().lastIndexOf(" c=");
			if (at < 0) {
				continue;
			}
			String endpoint = l.name().substring(0, at);
			int c = Integer.parseInt(l.name().substring(at + 3));
			RawSql.Figures f = sql.stream().filter(x -> x.endpoint().equals(endpoint) && x.concurrency() == c)
				.findFirst().orElse(null);
			b.append(String.format(Locale.ROOT, "| %s | %d | %.0f / %.0f / %.0f | %.0f | %s | %s | %s |%n", endpoint, c,
					l.p50(), l.p95(), l.p99(), l.count() / seconds,
					f == null ? "—" : String.format(Locale.ROOT, "%.2f / %.2f (%d)", f.p50(), f.p95(), f.connections()),
					f == null ? "—" : String.format(Locale.ROOT, "%.0f", f.perSecond()),
					f == null ? "—" : String.format(Locale.ROOT, "%.1f", l.p50() / f.p50())));
		}
		return b.toString();
	}

	private static double ms(String v) {
		return v.equals("-") ? Double.NaN : Double.parseDouble(v);
	}

	private static long number(String v) {
		return v.equals("-") ? 0 : Long.parseLong(v);
	}
}
