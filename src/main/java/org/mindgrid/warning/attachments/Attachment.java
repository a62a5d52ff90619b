package org.mindgrid.warning.attachments;

import java.time.Instant;

/** A case's file as lists show it: what it is, its checked type, size and digest, who uploaded it and when. */
public record Attachment(long id, long caseId, AttachmentKind kind, String filename, String contentType, long size,
		String sha256, long uploadedBy, String uploadedByName, Instant uploadedAt) {
}
