package org.mindgrid.warning.phrases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds risk phrases in free text. A plain substring match would flag 笑死了 and 没有不想活的念头, so: a match inside
 * an exclusion (an idiom such as 想死你了) is dropped, and — when negation is on — so is one that a negating word
 * of the same clause precedes (没有想死, 不会自杀). Reports about others (他说不想活了) and fiction stay matches: the
 * writer is asked, the psychology teacher reviews.
 */
public final class PhraseMatcher {

	/** What {@code …} in a phrase may stand for, at most. */
	public static final int WILDCARD_MAX = 8;

	private static final String WILDCARD = "…";

	private static final String CLAUSE_ENDS = "，。！？；：、,.!?;:\n\r\t“”\"「」《》()（）";

	/** A phrase found: where, what was written, and the sign its phrase points at. */
	public record Match(String phrase, String text, int sign, int start, int end) {
	}

	private final PhraseList list;

	private final boolean negation;

	public PhraseMatcher(PhraseList list, boolean negation) {
		this.list = list;
		this.negation = negation;
	}

	/** The matches in {@code text}, in order; a match lying inside a longer one is left out. */
	public List<Match> find(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		List<Match> found = new ArrayList<>();
		for (PhraseList.Phrase phrase : list.phrases()) {
			for (int[] span : occurrences(text, phrase.text())) {
				if (!excluded(text, span[0], span[1]) && !(negation && negated(text, span[0]))) {
					found.add(new Match(phrase.text(), text.substring(span[0], span[1]), phrase.sign(), span[0], span[1]));
				}
			}
		}
		found.sort(Comparator.comparingInt(Match::start).thenComparing(m -> -m.end()));
		List<Match> kept = new ArrayList<>();
		for (Match m : found) {
			boolean inside = kept.stream().anyMatch(k -> k.start() <= m.start() && m.end() <= k.end());
			if (!inside) {
				kept.add(m);
			}
		}
		return kept;
	}

	private static List<int[]> occurrences(String text, String phrase) {
		List<int[]> spans = new ArrayList<>();
		int star = phrase.indexOf(WILDCARD);
		if (star < 0) {
			for (int i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
				spans.add(new int[] { i, i + phrase.length() });
			}
			return spans;
		}
		String head = phrase.substring(0, star);
		String tail = phrase.substring(star + WILDCARD.length());
		for (int i = text.indexOf(head); i >= 0; i = text.indexOf(head, i + 1)) {
			int from = i + head.length();
			int limit = Math.min(text.length(), from + WILDCARD_MAX + tail.length());
			for (int j = from; j <= limit - tail.length(); j++) {
				if (j > from && CLAUSE_ENDS.indexOf(text.charAt(j - 1)) >= 0) {
					break;
				}
				if (text.startsWith(tail, j)) {
					spans.add(new int[] { i, j + tail.length() });
					break;
				}
			}
		}
		return spans;
	}

	private boolean excluded(String text, int start, int end) {
		for (PhraseList.Exclusion x : list.exclusions()) {
			for (int i = text.indexOf(x.text()); i >= 0; i = text.indexOf(x.text(), i + 1)) {
				if (i <= start && end <= i + x.text().length()) {
					return true;
				}
			}
		}
		return false;
	}

	/** Whether a negation ends at most its gap before {@code start}, with no clause break in between. */
	private boolean negated(String text, int start) {
		for (PhraseList.Negation n : list.negations()) {
			for (int gap = 0; gap <= n.maxGap(); gap++) {
				int end = start - gap;
				int begin = end - n.text().length();
				// The characters between the negation and the phrase: text[end, start). A clause break ends the search.
				if (begin < 0 || (gap > 0 && CLAUSE_ENDS.indexOf(text.charAt(end)) >= 0)) {
					break;
				}
				if (text.startsWith(n.text(), begin)) {
					return true;
				}
			}
		}
		return false;
	}
}
