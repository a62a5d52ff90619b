package org.mindgrid.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.mindgrid.screening.scales.Scale;
import org.mindgrid.screening.scales.ScaleOption;
import org.mindgrid.screening.scales.ScaleScore;
import org.mindgrid.screening.scales.Scales;

/**
 * Scoring benchmark, engine only (issue 9, point 7: scoring 10,000 completed questionnaires under 10 s): random
 * completed questionnaires of each shipped scale, scored by {@link Scales#score}. The figures through the database
 * are in {@code ScreeningLoadIntegrationTests}. Run: {@code main [count]} (default 10,000 per scale).
 */
public final class ScoringBenchmark {

	/** One scale's figures. */
	public record Result(String scaleId, int count, double seconds, int flagged) {

		public String line() {
			return String.format(Locale.ROOT, "%-7s %6d questionnaires in %7.3f s (%,10.0f/s), %d flagged", scaleId,
					count, seconds, count / seconds, flagged);
		}
	}

	private ScoringBenchmark() {
	}

	/** Random answers for {@code count} questionnaires of the scale (seeded: the same every run). */
	public static List<Map<Integer, Integer>> questionnaires(Scale scale, int count, long seed) {
		Random random = new Random(seed);
		int[] values = scale.options().stream().mapToInt(ScaleOption::value).toArray();
		List<Map<Integer, Integer>> all = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Map<Integer, Integer> answers = new HashMap<>();
			for (Integer no : scale.itemNumbers()) {
				answers.put(no, values[random.nextInt(values.length)]);
			}
			all.add(answers);
		}
		return all;
	}

	/** Scores {@code count} questionnaires of every scale (after a short warm-up). */
	public static List<Result> run(Scales scales, int count) {
		List<Result> results = new ArrayList<>();
		for (Scale scale : scales.all()) {
			List<Map<Integer, Integer>> warmUp = questionnaires(scale, 1000, 1);
			warmUp.forEach(a -> scales.score(scale, a));
			List<Map<Integer, Integer>> answers = questionnaires(scale, count, 42);
			long t0 = System.nanoTime();
			int flagged = 0;
			for (Map<Integer, Integer> a : answers) {
				ScaleScore s = scales.score(scale, a);
				if (s.flagged()) {
					flagged++;
				}
			}
			results.add(new Result(scale.id(), count, (System.nanoTime() - t0) / 1e9, flagged));
		}
		return results;
	}

	public static void main(String[] args) {
		int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
		run(new Scales(), count).forEach(r -> System.out.println(r.line()));
	}
}
