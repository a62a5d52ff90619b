package org.mindgrid.screening.reports;

import java.util.ArrayList;
import java.util.List;

import org.mindgrid.screening.reports.ReportData.Result;
import org.mindgrid.screening.reports.ScaleCatalog.ScaleInfo;
import org.mindgrid.screening.reports.Stats.Summary;

/**
 * One group's results on one scale (a class, a school, a district, last year's campaign): per factor the summary
 * (mean and box plot) and the count of students in each band; the total first when it is not the single factor.
 */
public record GroupStats(String scaleId, int n, List<Row> rows) {

	/** The id of the total's row. */
	public static final String TOTAL = "total";

	/**
	 * @param bands students per band index of the scale, or null when this row has no bands (MHRSP's total)
	 * @param unbanded results without a band for this row (a band the scale file no longer lists)
	 */
	public record Row(String factorId, Summary summary, long[] bands, long unbanded) {

		public boolean total() {
			return TOTAL.equals(factorId);
		}

		public long banded() {
			if (bands == null) {
				return 0;
			}
			long sum = 0;
			for (long b : bands) {
				sum += b;
			}
			return sum;
		}

		/** The percentage of band {@code i} among the banded results. */
		public double percent(int i) {
			long all = banded();
			return all == 0 ? 0 : 100.0 * bands[i] / all;
		}
	}

	public static GroupStats of(ScaleInfo scale, List<Result> all) {
		List<Result> results = all.stream().filter(r -> r.scaleId().equals(scale.id())).toList();
		List<Row> rows = new ArrayList<>();
		int bandCount = scale.bands().size();
		if (!scale.singleFactor()) {
			List<Double> totals = results.stream().map(Result::total).toList();
			long[] bands = scale.totalBanded() ? new long[bandCount] : null;
			long unbanded = 0;
			if (bands != null) {
				for (Result r : results) {
					int i = r.band() == null ? -1 : scale.bandIndex(r.band());
					if (i < 0) {
						unbanded++;
					}
					else {
						bands[i]++;
					}
				}
			}
			rows.add(new Row(TOTAL, Stats.summary(totals), bands, unbanded));
		}
		for (ScaleCatalog.FactorInfo f : scale.factors()) {
			List<Double> values = new ArrayList<>();
			long[] bands = bandCount == 0 ? null : new long[bandCount];
			long unbanded = 0;
			for (Result r : results) {
				Double v = r.factors().get(f.id());
				if (v == null) {
					continue;
				}
				values.add(v);
				if (bands != null) {
					String level = r.factorBands().get(f.id());
					if (level == null && scale.singleFactor()) {
						level = r.band();
					}
					int i = level == null ? -1 : scale.bandIndex(level);
					if (i < 0) {
						unbanded++;
					}
					else {
						bands[i]++;
					}
				}
			}
			rows.add(new Row(f.id(), Stats.summary(values), bands, unbanded));
		}
		return new GroupStats(scale.id(), results.size(), List.copyOf(rows));
	}

	public Row row(String factorId) {
		return rows.stream().filter(r -> r.factorId().equals(factorId)).findFirst().orElse(null);
	}

	/**
	 * The band that sums up one student's result on the scale for the district tables: the total's band, or where
	 * the total has none (MHRSP) the highest band of any factor.
	 */
	public static int summaryBand(ScaleInfo scale, Result r) {
		if (scale.totalBanded() && r.band() != null) {
			return scale.bandIndex(r.band());
		}
		int worst = -1;
		for (String level : r.factorBands().values()) {
			worst = Math.max(worst, scale.bandIndex(level));
		}
		if (worst < 0 && r.band() != null) {
			worst = scale.bandIndex(r.band());
		}
		return worst;
	}
}
