package org.mindgrid.identity.idempotency;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.FilterProblems;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A POST that carries an {@code Idempotency-Key} header (API) or an {@code idempotencyKey} form field (pages) is
 * run at most once per user and key: a retry with the same request gets the first answer again, a retry with another
 * request is refused (422), and a retry that arrives while the first still runs waits for its answer (or gets 409).
 * Runs after Spring Security, so only authenticated, authorised requests get here and the key belongs to a user.
 * Only successful answers are kept (2xx; on pages also the 3xx of post-redirect-get), so a refused or invalid
 * request can be corrected and sent again with its key.
 */
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	static final String FIELD = "idempotencyKey";

	static final int MAX_KEY_LENGTH = 200;

	/** A body is buffered to be hashed; creates are small, so a large body with a key is refused rather than held. */
	static final int MAX_BODY = 1024 * 1024;

	static final String REPLAYED = "Idempotency-Replayed";

	private final IdempotencyStore store;

	private final CurrentUsers users;

	IdempotencyFilter(IdempotencyStore store, CurrentUsers users) {
		this.store = store;
		this.users = users;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		CurrentUser user = users.find().orElse(null);
		String field = HEADER;
		String key = request.getHeader(HEADER);
		if (key == null && isForm(request)) {
			field = FIELD;
			key = request.getParameter(FIELD);
		}
		if (user == null || key == null) {
			chain.doFilter(request, response);
			return;
		}
		if (!validKey(key)) {
			FilterProblems.send(request, response,
					ApiProblem.badRequest("idempotency.key-invalid", field, MAX_KEY_LENGTH), field);
			return;
		}
		HttpServletRequest buffered = request;
		String hash;
		if (isForm(request)) {
			hash = hash(request, formBytes(request));
		}
		else if (isMultipart(request)) {
			hash = hash(request, partBytes(request));
		}
		else {
			byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
			if (body.length > MAX_BODY) {
				FilterProblems.send(request, response, new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE,
						"idempotency.too-large", MAX_BODY / 1024 / 1024), field);
				return;
			}
			hash = hash(request, body);
			buffered = new BufferedRequest(request, body);
		}
		IdempotencyStore.Claim claim;
		try {
			claim = store.claim(user.id(), key, hash);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new ServletException(e);
		}
		if (claim instanceof IdempotencyStore.Owned owned) {
			run(owned, buffered, response, chain);
		}
		else if (claim instanceof IdempotencyStore.Answered answer) {
			replay(answer, response);
		}
		else if (claim instanceof IdempotencyStore.Reused) {
			FilterProblems.send(request, response,
					new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency.key-reused", field), field);
		}
		else {
			FilterProblems.send(request, response, ApiProblem.conflict("idempotency.in-progress", field), field);
		}
	}

	private void run(IdempotencyStore.Owned owned, HttpServletRequest request, HttpServletResponse response,
			FilterChain chain) throws IOException, ServletException {
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		boolean kept = false;
		try {
			chain.doFilter(request, wrapper);
			int status = wrapper.getStatus();
			boolean page = !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
			if ((status >= 200 && status < 300) || (page && status >= 300 && status < 400)) {
				store.complete(owned.id(), status, wrapper.getContentType(), wrapper.getHeader("Location"),
						wrapper.getContentAsByteArray());
				kept = true;
			}
		}
		finally {
			if (!kept) {
				store.release(owned.id());
			}
			wrapper.copyBodyToResponse();
		}
	}

	private static void replay(IdempotencyStore.Answered answer, HttpServletResponse response) throws IOException {
		response.setStatus(answer.status());
		if (answer.contentType() != null) {
			response.setContentType(answer.contentType());
		}
		if (answer.location() != null) {
			response.setHeader("Location", answer.location());
		}
		response.setHeader(REPLAYED, "true");
		byte[] body = answer.body() == null ? new byte[0] : answer.body();
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/** 1–200 visible ASCII characters: what a UUID or any generated token is, and safe to store and log. */
	static boolean validKey(String key) {
		if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
			return false;
		}
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (c < 0x21 || c > 0x7e) {
				return false;
			}
		}
		return true;
	}

	private static boolean isForm(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
	}

	/** The form's fields in name order, without the CSRF token and the key itself. */
	private static byte[] formBytes(HttpServletRequest request) {
		StringBuilder canonical = new StringBuilder();
		Map<String, String[]> fields = new TreeMap<>(request.getParameterMap());
		fields.remove("_csrf");
		fields.remove(FIELD);
		fields.forEach((name, values) -> {
			canonical.append(name.length()).append(':').append(name);
			for (String value : values) {
				canonical.append('|').append(value.length()).append(':').append(value);
			}
			canonical.append('\n');
		});
		return canonical.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** Multipart parts (an upload): the container has parsed and kept them, so reading them here costs no body. */
	private static byte[] partBytes(HttpServletRequest request) throws IOException, ServletException {
		MessageDigest digest = sha256();
		for (Part part : request.getParts()) {
			digest.update((part.getName() + "\n" + part.getSubmittedFileName() + "\n").getBytes(StandardCharsets.UTF_8));
			try (InputStream in = part.getInputStream()) {
				byte[] chunk = new byte[8192];
				for (int n; (n = in.read(chunk)) > 0;) {
					digest.update(chunk, 0, n);
				}
			}
		}
		return digest.digest();
	}

	private static String hash(HttpServletRequest request, byte[] body) {
		MessageDigest digest = sha256();
		String target = request.getMethod() + " " + request.getRequestURI() + "?"
				+ (request.getQueryString() == null ? "" : request.getQueryString()) + "\n";
		digest.update(target.getBytes(StandardCharsets.UTF_8));
		digest.update(body);
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
