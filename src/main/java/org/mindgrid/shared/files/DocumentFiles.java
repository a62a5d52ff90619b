package org.mindgrid.shared.files;

import java.util.Optional;

/**
 * The document types people upload from a phone or a scanner — PDF, JPEG, PNG — recognised by their first bytes
 * (a name or a declared type proves nothing). Shared by the case's files and the workbook's.
 */
public final class DocumentFiles {

	public static final String PDF = "application/pdf";

	public static final String JPEG = "image/jpeg";

	public static final String PNG = "image/png";

	private DocumentFiles() {
	}

	/** The content type the bytes are, if one of the three. */
	public static Optional<String> sniff(byte[] b) {
		if (b == null) {
			return Optional.empty();
		}
		if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
			return Optional.of(PDF);
		}
		if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
			return Optional.of(JPEG);
		}
		if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == '\r'
				&& b[5] == '\n' && b[6] == 0x1a && b[7] == '\n') {
			return Optional.of(PNG);
		}
		return Optional.empty();
	}

	/** Whether an image a PDF page can show inline. */
	public static boolean isImage(String contentType) {
		return JPEG.equals(contentType) || PNG.equals(contentType);
	}
}
