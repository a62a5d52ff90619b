package org.mindgrid.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends one HTTP/1.1 request from a chosen loopback address (127.0.0.2, 127.0.0.3 …), so tests can play a second
 * client on another address: Java's HttpClient cannot choose its local address on Java 17.
 */
public final class FromAddress {

	public record Answer(int status, String headers, String body) {
	}

	private FromAddress() {
	}

	public static Answer postJson(String localAddress, int port, String path, String json) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		String head = "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Type: application/json\r\n"
				+ "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
			socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5000);
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			in.transferTo(all);
			String text = all.toString(StandardCharsets.UTF_8);
			int split = text.indexOf("\r\n\r\n");
			String headers = split < 0 ? text : text.substring(0, split);
			String rest = split < 0 ? "" : text.substring(split + 4);
			if (headers.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
				rest = dechunk(rest);
			}
			int status = Integer.parseInt(headers.substring(9, 12));
			return new Answer(status, headers, rest);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String dechunk(String chunked) {
		StringBuilder out = new StringBuilder();
		int i = 0;
		byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
		String s = new String(bytes, StandardCharsets.ISO_8859_1);
		while (i < s.length()) {
			int eol = s.indexOf("\r\n", i);
			if (eol < 0) {
				break;
			}
			int size = Integer.parseInt(s.substring(i, eol).trim().split(";")[0], 16);
			if (size == 0) {
				break;
			}
			out.append(s, eol + 2, eol + 2 + size);
			i = eol + 2 + size + 2;
		}
		return new String(out.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
	}
}
