package org.mindgrid.shared.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds request bodies before anything parses them: 1 MB for JSON and forms (an unauthenticated 60 MB body must
 * not keep a thread busy parsing), the multipart limit for uploads. A declared length over the limit is refused
 * at once; a chunked body is counted while it is read and refused when it passes the limit.
 */
class BodyLimitFilter extends OncePerRequestFilter {

	static final String TOO_LARGE = "problem.body-too-large";

	static final String UPLOAD_TOO_LARGE = "problem.upload-too-large";

	/** Thrown by the counting stream; the exception handlers answer it 413. */
	static final class BodyTooLarge extends IOException {

		BodyTooLarge(long limit) {
			super("request body over " + limit + " bytes");
		}
	}

	private final BodyLimits limits;

	BodyLimitFilter(BodyLimits limits) {
		this.limits = limits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean upload = isMultipart(request);
		DataSize limit = upload ? limits.upload() : limits.body();
		if (request.getContentLengthLong() > limit.toBytes()) {
			new InputRefusal(413, upload ? UPLOAD_TOO_LARGE : TOO_LARGE,
					new Object[] { upload ? limits.uploadText() : limits.bodyText() }, null)
				.send(request, response);
			return;
		}
		// Multipart parsing counts against its own limits (spring.servlet.multipart.*) while it streams.
		chain.doFilter(upload ? request : new Limited(request, limit.toBytes()), response);
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.regionMatches(true, 0, "multipart/", 0, 10);
	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		private BufferedReader reader;

		Limited(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new CountingStream(super.getInputStream(), limit);
			}
			return stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			if (reader == null) {
				String encoding = getCharacterEncoding();
				Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
				reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
			}
			return reader;
		}
	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private long count;

		CountingStream(ServletInputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLarge {
			count += n;
			if (count > limit) {
				throw new BodyTooLarge(limit);
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}
	}
}
