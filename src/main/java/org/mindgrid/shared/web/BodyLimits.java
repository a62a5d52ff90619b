package org.mindgrid.shared.web;

import org.springframework.util.unit.DataSize;

/** The body limits, as configured: JSON and forms ({@code mindgrid.web.max-body-size}), uploads (multipart). */
record BodyLimits(DataSize body, DataSize upload) {

	String bodyText() {
		return megabytes(body);
	}

	String uploadText() {
		return megabytes(upload);
	}

	private static String megabytes(DataSize size) {
		return size.toMegabytes() >= 1 ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
	}
}
