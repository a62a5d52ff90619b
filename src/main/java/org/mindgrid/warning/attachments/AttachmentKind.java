package org.mindgrid.warning.attachments;

import java.util.Arrays;
import java.util.Locale;

import org.mindgrid.shared.web.ApiProblem;

/**
 * What a case's file is. A recording must be audio; signed letters, scans, applications and proofs are PDF or
 * images (a phone photo of a signed page is fine); OTHER takes any accepted type.
 */
public enum AttachmentKind {

	RECORDING(Family.AUDIO), SIGNED_NOTICE(Family.DOCUMENT), SIGNED_REFERRAL(Family.DOCUMENT),
	SIGNED_CONTRACT(Family.DOCUMENT), SIGNED_COMMITMENT(Family.DOCUMENT), DIAGNOSIS_SCAN(Family.DOCUMENT),
	RETURN_APPLICATION(Family.DOCUMENT), MEDICAL_PROOF(Family.DOCUMENT), SIGNED_RETURN_RECOMMENDATION(Family.DOCUMENT),
	OTHER(null);

	/** Audio, or a document (PDF or image). */
	enum Family {
		AUDIO, DOCUMENT
	}

	private final Family family;

	AttachmentKind(Family family) {
		this.family = family;
	}

	boolean accepts(FileType type) {
		return family == null || type.family() == family;
	}

	/** {@code kind} of a request: 400 naming the field and the kinds there are. */
	public static AttachmentKind parse(String kind) {
		String k = kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT).replace('-', '_');
		return Arrays.stream(values()).filter(v -> v.name().equals(k)).findFirst()
			.orElseThrow(() -> ApiProblem.badRequest("attachment.kind-unknown",
					String.join(", ", Arrays.stream(values()).map(Enum::name).toList())));
	}
}
