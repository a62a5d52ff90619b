package org.mindgrid.screening.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

import org.mindgrid.screening.reports.GroupStats.Row;
import org.mindgrid.screening.reports.Stats.Summary;

/**
 * Charts as inline SVG drawn on the server: no chart library and no script (the pages' CSP allows none inline).
 * Each chart scales to its container (viewBox, width 100%), carries a title for screen readers, and the page
 * shows the same numbers in a table beside it.
 */
public final class Charts {

	/** One group drawn in a chart (this class, the school, last year). */
	public record Series(String label, GroupStats stats) {
	}

	static final String[] GROUP_COLOURS = { "#0d6efd", "#6c757d", "#20a386" };

	private static final String[] BAND_COLOURS = { "#2e7d32", "#9ccc65", "#fbc02d", "#fb8c00", "#e53935", "#8e24aa" };

	private static final int WIDTH = 640;

	private static final int LABEL = 96;

	private static final int BAR = 16;

	private Charts() {
	}

	/** The colour of band {@code i} of {@code n}: green for the first, red for the last. */
	public static String bandColour(int i, int n) {
		if (n <= 1) {
			return BAND_COLOURS[0];
		}
		if (n == 2) {
			return i == 0 ? BAND_COLOURS[0] : BAND_COLOURS[4];
		}
		int at = Math.round((float) i * (BAND_COLOURS.length - 2) / (n - 1));
		return BAND_COLOURS[Math.min(at, BAND_COLOURS.length - 1)];
	}

	/** Black on the light greens and yellow, white on the dark colours. */
	static String textOn(String colour) {
		return switch (colour) {
			case "#9ccc65", "#fbc02d" -> "#000";
			default -> "#fff";
		};
	}

	/**
	 * Per factor one stacked bar per series: the share of students in each band (percent of those with a band).
	 */
	public static String stackedBars(String title, List<String> factorIds, UnaryOperator<String> factorName,
			int bandCount, IntFunction<String> bandLabel, List<Series> series) {
		StringBuilder svg = new StringBuilder();
		int legendRows = (bandCount + 2) / 3;
		int top = 10 + legendRows * 20;
		int perFactor = 20 + series.size() * (BAR + 4) + 8;
		int height = top + factorIds.size() * perFactor + 24;
		open(svg, title, height);
		for (int i = 0; i < bandCount; i++) {
			int x = 8 + (i % 3) * 210;
			int y = 10 + (i / 3) * 20;
			svg.append(rect(x, y, 12, 12, bandColour(i, bandCount)));
			svg.append(text(x + 18, y + 11, 12, "start", bandLabel.apply(i), null));
		}
		int y = top;
		int barWidth = WIDTH - LABEL - 16;
		for (String factorId : factorIds) {
			svg.append(text(8, y + 14, 13, "start", factorName.apply(factorId), "600"));
			y += 20;
			for (Series s : series) {
				Row row = s.stats() == null ? null : s.stats().row(factorId);
				svg.append(text(LABEL - 6, y + BAR - 4, 11, "end", s.label(), null));
				if (row == null || row.bands() == null || row.banded() == 0) {
					svg.append("<rect x=\"").append(LABEL).append("\" y=\"").append(y).append("\" width=\"")
						.append(barWidth).append("\" height=\"").append(BAR)
						.append("\" fill=\"none\" stroke=\"#ced4da\" stroke-dasharray=\"3 3\"/>");
				}
				else {
					double x = LABEL;
					for (int i = 0; i < bandCount; i++) {
						double w = barWidth * row.percent(i) / 100.0;
						if (w <= 0) {
							continue;
						}
						svg.append("<rect x=\"").append(num(x)).append("\" y=\"").append(y).append("\" width=\"")
							.append(num(w)).append("\" height=\"").append(BAR).append("\" fill=\"")
							.append(bandColour(i, bandCount)).append("\"><title>").append(escape(s.label()))
							.append(" · ").append(escape(bandLabel.apply(i))).append(": ").append(row.bands()[i])
							.append(" (").append(pct(row.percent(i))).append(")</title></rect>");
						if (w >= 34) {
							svg.append(text(x + w / 2, y + BAR - 4, 10, "middle", pct(row.percent(i)), null,
									textOn(bandColour(i, bandCount))));
						}
						x += w;
					}
				}
				y += BAR + 4;
			}
			y += 8;
		}
		axisPercent(svg, y, barWidth);
		svg.append("</svg>");
		return svg.toString();
	}

	private static void axisPercent(StringBuilder svg, int y, int barWidth) {
		for (int p = 0; p <= 100; p += 25) {
			double x = LABEL + barWidth * p / 100.0;
			svg.append(text(x, y + 12, 10, "middle", p + "%", null));
		}
	}

	/** Per factor one box plot per series on a common axis: min, Q1, median, Q3, max, and the mean as a diamond. */
	public static String boxPlots(String title, List<String> factorIds, UnaryOperator<String> factorName,
			List<Series> series, String meanLabel) {
		double lo = Double.POSITIVE_INFINITY;
		double hi = Double.NEGATIVE_INFINITY;
		for (Series s : series) {
			if (s.stats() == null) {
				continue;
			}
			for (String f : factorIds) {
				Row row = s.stats().row(f);
				if (row != null && !row.summary().empty()) {
					lo = Math.min(lo, row.summary().min());
					hi = Math.max(hi, row.summary().max());
				}
			}
		}
		if (lo > hi) {
			lo = 0;
			hi = 1;
		}
		lo = Math.floor(lo);
		hi = Math.ceil(hi);
		if (hi <= lo) {
			hi = lo + 1;
		}
		int top = 30;
		int perFactor = 20 + series.size() * (BAR + 6) + 6;
		int height = top + factorIds.size() * perFactor + 26;
		StringBuilder svg = new StringBuilder();
		open(svg, title, height);
		for (int i = 0; i < series.size(); i++) {
			int x = 8 + i * 150;
			svg.append(rect(x, 8, 12, 12, GROUP_COLOURS[i % GROUP_COLOURS.length]));
			svg.append(text(x + 18, 19, 12, "start", series.get(i).label(), null));
		}
		int x0 = LABEL;
		int width = WIDTH - LABEL - 16;
		double step = niceStep(hi - lo);
		List<Double> ticks = new ArrayList<>();
		for (double t = lo; t <= hi + 1e-9; t += step) {
			ticks.add(t);
		}
		int y = top;
		int bottom = top + factorIds.size() * perFactor;
		for (double t : ticks) {
			double x = x0 + width * (t - lo) / (hi - lo);
			svg.append("<line x1=\"").append(num(x)).append("\" y1=\"").append(top).append("\" x2=\"").append(num(x))
				.append("\" y2=\"").append(bottom).append("\" stroke=\"#e9ecef\"/>");
			svg.append(text(x, bottom + 14, 10, "middle", fmt(t), null));
		}
		for (String factorId : factorIds) {
			svg.append(text(8, y + 14, 13, "start", factorName.apply(factorId), "600"));
			y += 20;
			for (int i = 0; i < series.size(); i++) {
				Series s = series.get(i);
				Row row = s.stats() == null ? null : s.stats().row(factorId);
				String colour = GROUP_COLOURS[i % GROUP_COLOURS.length];
				svg.append(text(LABEL - 6, y + BAR - 4, 11, "end", s.label(), null));
				if (row != null && !row.summary().empty()) {
					Summary m = row.summary();
					double xmin = x0 + width * (m.min() - lo) / (hi - lo);
					double xq1 = x0 + width * (m.q1() - lo) / (hi - lo);
					double xmed = x0 + width * (m.median() - lo) / (hi - lo);
					double xq3 = x0 + width * (m.q3() - lo) / (hi - lo);
					double xmax = x0 + width * (m.max() - lo) / (hi - lo);
					double xmean = x0 + width * (m.mean() - lo) / (hi - lo);
					double mid = y + BAR / 2.0;
					svg.append("<g><title>").append(escape(s.label())).append(": n=").append(m.n()).append(", min ")
						.append(fmt(m.min())).append(", Q1 ").append(fmt(m.q1())).append(", median ")
						.append(fmt(m.median())).append(", Q3 ").append(fmt(m.q3())).append(", max ").append(fmt(m.max()))
						.append(", ").append(escape(meanLabel)).append(' ').append(fmt(m.mean())).append("</title>");
					line(svg, xmin, mid, xq1, mid, colour);
					line(svg, xq3, mid, xmax, mid, colour);
					line(svg, xmin, y + 3, xmin, y + BAR - 3, colour);
					line(svg, xmax, y + 3, xmax, y + BAR - 3, colour);
					svg.append("<rect x=\"").append(num(xq1)).append("\" y=\"").append(y).append("\" width=\"")
						.append(num(Math.max(1, xq3 - xq1))).append("\" height=\"").append(BAR).append("\" fill=\"")
						.append(colour).append("\" fill-opacity=\"0.25\" stroke=\"").append(colour).append("\"/>");
					svg.append("<line x1=\"").append(num(xmed)).append("\" y1=\"").append(y).append("\" x2=\"")
						.append(num(xmed)).append("\" y2=\"").append(y + BAR).append("\" stroke=\"").append(colour)
						.append("\" stroke-width=\"3\"/>");
					svg.append("<path d=\"M").append(num(xmean)).append(' ').append(num(mid - 5)).append(" l5 5 l-5 5 l-5 -5 z\" fill=\"#fff\" stroke=\"")
						.append(colour).append("\"/></g>");
				}
				y += BAR + 6;
			}
			y += 6;
		}
		svg.append("</svg>");
		return svg.toString();
	}

	private static double niceStep(double range) {
		double[] steps = { 0.5, 1, 2, 5, 10, 20, 50 };
		for (double s : steps) {
			if (range / s <= 10) {
				return s;
			}
		}
		return 100;
	}

	private static void open(StringBuilder svg, String title, int height) {
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"mg-chart\" role=\"img\" viewBox=\"0 0 ")
			.append(WIDTH).append(' ').append(height).append("\" width=\"100%\" style=\"max-width: 800px\"")
			.append(" preserveAspectRatio=\"xMinYMin meet\"")
			.append(" font-family=\"system-ui, sans-serif\"><title>").append(escape(title)).append("</title>");
	}

	private static void line(StringBuilder svg, double x1, double y1, double x2, double y2, String colour) {
		svg.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
			.append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\"/>");
	}

	private static String rect(int x, int y, int w, int h, String fill) {
		return "<rect x=\"" + x + "\" y=\"" + y + "\" width=\"" + w + "\" height=\"" + h + "\" fill=\"" + fill + "\"/>";
	}

	private static String text(double x, double y, int size, String anchor, String words, String weight) {
		return text(x, y, size, anchor, words, weight, "#212529");
	}

	private static String text(double x, double y, int size, String anchor, String words, String weight, String fill) {
		return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" font-size=\"" + size + "\" text-anchor=\"" + anchor
				+ "\" fill=\"" + fill + "\"" + (weight == null ? "" : " font-weight=\"" + weight + "\"") + ">"
				+ escape(words) + "</text>";
	}

	static String num(double v) {
		return String.format(Locale.ROOT, "%.1f", v);
	}

	/** A score as shown: two decimals at most. */
	public static String fmt(double v) {
		if (Double.isNaN(v)) {
			return "—";
		}
		String s = String.format(Locale.ROOT, "%.2f", v);
		return s.replaceFirst("\\.?0+$", "");
	}

	static String pct(double p) {
		return String.format(Locale.ROOT, "%.0f%%", p);
	}

	static String escape(String s) {
		if (s == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(s.length());
		for (char ch : s.toCharArray()) {
			switch (ch) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(ch);
			}
		}
		return out.toString();
	}
}
