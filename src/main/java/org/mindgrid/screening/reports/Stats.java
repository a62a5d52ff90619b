package org.mindgrid.screening.reports;

import java.util.Arrays;
import java.util.Collection;

/**
 * Descriptive statistics of a group's scores: mean and the five numbers of a box plot. Quartiles are computed by
 * linear interpolation between order statistics (Hyndman &amp; Fan type 7, the default of R and of Excel's
 * {@code QUARTILE.INC}): for {@code n} sorted values {@code x[0..n-1]} the p-quantile is at {@code h = (n-1)p},
 * {@code x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h])}.
 */
public final class Stats {

	/** The five numbers and mean of {@code n} scores; all NaN when {@code n == 0}. */
	public record Summary(int n, double mean, double min, double q1, double median, double q3, double max) {

		public boolean empty() {
			return n == 0;
		}
	}

	private Stats() {
	}

	public static Summary summary(Collection<Double> values) {
		double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
		return summary(v);
	}

	public static Summary summary(double[] values) {
		int n = values.length;
		if (n == 0) {
			return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
		}
		double[] x = values.clone();
		Arrays.sort(x);
		double sum = 0;
		for (double d : x) {
			sum += d;
		}
		return new Summary(n, sum / n, x[0], quantile(x, 0.25), quantile(x, 0.5), quantile(x, 0.75), x[n - 1]);
	}

	/** Type-7 quantile of sorted values. */
	public static double quantile(double[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		double h = (sorted.length - 1) * p;
		int lo = (int) Math.floor(h);
		if (lo >= sorted.length - 1) {
			return sorted[sorted.length - 1];
		}
		return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
	}
}
