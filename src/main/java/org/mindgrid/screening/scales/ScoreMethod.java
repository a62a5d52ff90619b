package org.mindgrid.screening.scales;

/** How item values make a score: their sum, or their mean (sum / number of items, in floating point). */
public enum ScoreMethod {
	SUM, MEAN
}
