package org.mindgrid.warning.phrases;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of risk phrases as data (issue 7, point 14): the phrases with the warning sign each points at, the idioms
 * that contain a phrase and are no risk, and the negations. Read from {@code warning/risk-phrases.tsv}; a school's
 * own additions and exclusions are laid over it with {@link #with}.
 */
public record PhraseList(List<Phrase> phrases, List<Exclusion> exclusions, List<Negation> negations) {

	/** A risk phrase; {@code …} in {@code text} stands for up to {@link PhraseMatcher#WILDCARD_MAX} characters. */
	public record Phrase(String text, int sign, String note) {
	}

	public record Exclusion(String text, String note) {
	}

	/** A negating word that counts when it ends at most {@code maxGap} characters before a phrase. */
	public record Negation(String text, int maxGap, String note) {
	}

	public PhraseList {
		phrases = List.copyOf(phrases);
		exclusions = List.copyOf(exclusions);
		negations = List.copyOf(negations);
	}

	public static PhraseList read(InputStream in) {
		List<Phrase> phrases = new ArrayList<>();
		List<Exclusion> exclusions = new ArrayList<>();
		List<Negation> negations = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] cells = line.split("\t", -1);
				if (cells.length < 3 || cells[1].isBlank()) {
					throw new IllegalArgumentException("risk phrases, line " + number + ": " + line);
				}
				String note = cells.length > 3 ? cells[3].strip() : "";
				switch (cells[0].strip()) {
					case "phrase" -> phrases.add(new Phrase(cells[1].strip(), Integer.parseInt(cells[2].strip()), note));
					case "exclude" -> exclusions.add(new Exclusion(cells[1].strip(), note));
					case "negation" -> negations.add(new Negation(cells[1].strip(), Integer.parseInt(cells[2].strip()), note));
					default -> throw new IllegalArgumentException("risk phrases, line " + number + ": " + line);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new PhraseList(phrases, exclusions, negations);
	}

	/** This list with a school's own phrases added and its exclusions laid over (an exclusion equal to a phrase drops it). */
	public PhraseList with(List<Phrase> added, List<String> excluded) {
		if (added.isEmpty() && excluded.isEmpty()) {
			return this;
		}
		List<Phrase> p = new ArrayList<>(phrases.stream().filter(x -> !excluded.contains(x.text())).toList());
		p.addAll(added);
		List<Exclusion> x = new ArrayList<>(exclusions);
		excluded.forEach(e -> x.add(new Exclusion(e, "school")));
		return new PhraseList(p, x, negations);
	}
}
