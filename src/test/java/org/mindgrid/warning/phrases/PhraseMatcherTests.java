package org.mindgrid.warning.phrases;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, point 14: the shipped phrase list against a labelled set of sentences kept in the repository
 * ({@code risk-sentences.tsv}: idioms, jokes, negations, reports about others, fiction). Precision and recall are
 * printed and must stay at 0.9 or above; each sentence the matcher gets wrong is named.
 */
class PhraseMatcherTests {

	static PhraseList shipped() throws IOException {
		try (InputStream in = PhraseMatcherTests.class.getResourceAsStream("/warning/risk-phrases.tsv")) {
			return PhraseList.read(in);
		}
	}

	record Labelled(boolean risk, String sentence) {
	}

	static List<Labelled> labelled() throws IOException {
		List<Labelled> out = new ArrayList<>();
		try (InputStream in = PhraseMatcherTests.class.getResourceAsStream("risk-sentences.tsv")) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] cells = line.split("\t", -1);
				out.add(new Labelled("1".equals(cells[0].strip()), cells[1]));
			}
		}
		return out;
	}

	@Test
	void precisionAndRecallOnTheLabelledSentences() throws IOException {
		PhraseMatcher matcher = new PhraseMatcher(shipped(), true);
		List<Labelled> set = labelled();
		assertThat(set).hasSizeGreaterThanOrEqualTo(60);
		int tp = 0;
		int fp = 0;
		int fn = 0;
		int tn = 0;
		List<String> wrong = new ArrayList<>();
		for (Labelled l : set) {
			boolean flagged = !matcher.find(l.sentence()).isEmpty();
			if (flagged && l.risk()) {
				tp++;
			}
			else if (flagged) {
				fp++;
				wrong.add("false alarm: " + l.sentence() + " " + matcher.find(l.sentence()));
			}
			else if (l.risk()) {
				fn++;
				wrong.add("missed: " + l.sentence());
			}
			else {
				tn++;
			}
		}
		double precision = tp / (double) (tp + fp);
		double recall = tp / (double) (tp + fn);
		System.out.printf("risk phrases on %d labelled sentences: precision %.3f, recall %.3f (tp %d, fp %d, fn %d, tn %d)%n",
				set.size(), precision, recall, tp, fp, fn, tn);
		wrong.forEach(w -> System.out.println("  " + w));
		assertThat(precision).as("precision; wrong: %s", wrong).isGreaterThanOrEqualTo(0.9);
		assertThat(recall).as("recall; wrong: %s", wrong).isGreaterThanOrEqualTo(0.9);
	}

	@Test
	void showsWhatWasWrittenAndWhichSign() throws IOException {
		var matches = new PhraseMatcher(shipped(), true).find("谈话中她说有时候想消失，还把东西都送人了。");
		assertThat(matches).extracting(PhraseMatcher.Match::text).containsExactly("想消失", "把东西都送人");
		assertThat(matches).extracting(PhraseMatcher.Match::sign).containsExactly(1, 6);
		assertThat(matches.get(0).start()).isEqualTo(8);
	}

	@Test
	void aLongerMatchHidesTheShorterInsideIt() throws IOException {
		assertThat(new PhraseMatcher(shipped(), true).find("我想跳楼")).extracting(PhraseMatcher.Match::text)
			.containsExactly("想跳楼");
	}

	@Test
	void negationIsConfigurableAndStaysInItsClause() throws IOException {
		PhraseList list = shipped();
		assertThat(new PhraseMatcher(list, true).find("没有想死")).isEmpty();
		assertThat(new PhraseMatcher(list, false).find("没有想死")).extracting(PhraseMatcher.Match::text)
			.containsExactly("想死");
		assertThat(new PhraseMatcher(list, true).find("没有。想死")).as("a clause break ends the negation").hasSize(1);
	}

	@Test
	void aSchoolAddsPhrasesAndExclusions() throws IOException {
		PhraseList school = shipped().with(List.of(new PhraseList.Phrase("不想上学了", 3, "school")), List.of("报复"));
		PhraseMatcher matcher = new PhraseMatcher(school, true);
		assertThat(matcher.find("说不想上学了")).extracting(PhraseMatcher.Match::sign).containsExactly(3);
		assertThat(matcher.find("说要报复他们")).isEmpty();
		assertThat(new PhraseMatcher(shipped(), true).find("说要报复他们")).hasSize(1);
	}
}
