package org.mindgrid.warning.attachments;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The file types a case accepts, each recognised by its first bytes (a name or a declared type proves nothing):
 * PDF, JPEG, PNG, and the audio of phones and recorders — MP3, M4A, WAV, OGG, AMR (WeChat voice).
 */
enum FileType {

	PDF("application/pdf", ".pdf", AttachmentKind.Family.DOCUMENT, List.of("application/x-pdf")),
	JPEG("image/jpeg", ".jpg", AttachmentKind.Family.DOCUMENT, List.of("image/jpg", "image/pjpeg")),
	PNG("image/png", ".png", AttachmentKind.Family.DOCUMENT, List.of("image/x-png")),
	MP3("audio/mpeg", ".mp3", AttachmentKind.Family.AUDIO, List.of("audio/mp3", "audio/mpeg3", "audio/x-mpeg")),
	M4A("audio/mp4", ".m4a", AttachmentKind.Family.AUDIO,
			List.of("audio/m4a", "audio/x-m4a", "audio/aac", "video/mp4", "audio/mp4a-latm")),
	WAV("audio/wav", ".wav", AttachmentKind.Family.AUDIO, List.of("audio/x-wav", "audio/wave", "audio/vnd.wave")),
	OGG("audio/ogg", ".ogg", AttachmentKind.Family.AUDIO, List.of("application/ogg", "audio/opus", "audio/x-ogg")),
	AMR("audio/amr", ".amr", AttachmentKind.Family.AUDIO, List.of("audio/x-amr", "audio/amr-wb"));

	private final String contentType;

	private final String extension;

	private final AttachmentKind.Family family;

	private final List<String> aliases;

	FileType(String contentType, String extension, AttachmentKind.Family family, List<String> aliases) {
		this.contentType = contentType;
		this.extension = extension;
		this.family = family;
		this.aliases = aliases;
	}

	String contentType() {
		return contentType;
	}

	String extension() {
		return extension;
	}

	AttachmentKind.Family family() {
		return family;
	}

	/** Whether a declared type names this one (browsers and phones use several names for some). */
	boolean isNamedBy(String declared) {
		String d = declared.toLowerCase(Locale.ROOT);
		int semicolon = d.indexOf(';');
		d = (semicolon >= 0 ? d.substring(0, semicolon) : d).strip();
		return d.equals(contentType) || aliases.contains(d);
	}

	static Optional<FileType> sniff(byte[] b) {
		var document = org.mindgrid.shared.files.DocumentFiles.sniff(b);
		if (document.isPresent()) {
			return Optional.of(switch (document.get()) {
				case org.mindgrid.shared.files.DocumentFiles.PDF -> PDF;
				case org.mindgrid.shared.files.DocumentFiles.JPEG -> JPEG;
				default -> PNG;
			});
		}
		if (starts(b, 0, "ID3")
				|| b.length >= 2 && (b[0] & 0xff) == 0xFF && ((b[1] & 0xff) & 0xE6) == 0xE2) {
			// an ID3 tag, or an MPEG audio frame header (sync bits, layer III: FFFB, FFF3, FFE3 …)
			return Optional.of(MP3);
		}
		if (starts(b, 4, "ftyp")) {
			return Optional.of(M4A);
		}
		if (starts(b, 0, "RIFF") && starts(b, 8, "WAVE")) {
			return Optional.of(WAV);
		}
		if (starts(b, 0, "OggS")) {
			return Optional.of(OGG);
		}
		if (starts(b, 0, "#!AMR")) {
			return Optional.of(AMR);
		}
		return Optional.empty();
	}

	private static boolean starts(byte[] b, int offset, String magic) {
		byte[] m = magic.getBytes(StandardCharsets.ISO_8859_1);
		if (b.length < offset + m.length) {
			return false;
		}
		for (int i = 0; i < m.length; i++) {
			if (b[offset + i] != m[i]) {
				return false;
			}
		}
		return true;
	}
}
