package org.mindgrid.warning.attachments;

/** A case's file with its bytes, for a download. */
public record AttachmentFile(Attachment attachment, byte[] content) {
}
