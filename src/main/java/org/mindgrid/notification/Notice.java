package org.mindgrid.notification;

import java.util.List;

/**
 * What to tell: a {@code kind} (e.g. {@code WARNING_REPORT}), the message key of its title and the title's
 * arguments, rendered from the bundles when shown (inbox in the reader's language, e-mail and robot in Chinese),
 * and a link inside MindGrid or null when the reader may not open anything (SECURITY.md threat 3: never a name).
 */
public record Notice(String kind, String key, List<NoticeArg> args, String link) {

	public Notice {
		if (kind == null || kind.isBlank() || key == null || key.isBlank()) {
			throw new IllegalArgumentException("a notice needs a kind and a message key");
		}
		args = List.copyOf(args);
	}

	public static Notice of(String kind, String key, String link, NoticeArg... args) {
		return new Notice(kind, key, List.of(args), link);
	}
}
