package org.mindgrid.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets kept in the database (two-factor secrets, robot signing keys) with AES-256-GCM, so that a copy
 * of the database alone does not reveal them. The key comes from {@code MINDGRID_SECRET_KEY} (base64 of 32 bytes);
 * without it, a key file {@code secret.key} is created once in the data directory, readable by its owner only —
 * on the application server, apart from the database.
 */
@Component
public class SecretBox {

	private static final String PREFIX = "v1:";

	private static final int NONCE_BYTES = 12;

	private final SecureRandom random = new SecureRandom();

	private final SecretKeySpec key;

	SecretBox(@Value("${mindgrid.secret-key:}") String configured, @Value("${mindgrid.data-dir}") String dataDir) {
		this.key = new SecretKeySpec(keyBytes(configured, Path.of(dataDir)), "AES");
	}

	public String encrypt(String plain) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[nonce.length + sealed.length];
			System.arraycopy(nonce, 0, out, 0, nonce.length);
			System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
			return PREFIX + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("encryption failed", e);
		}
	}

	public String decrypt(String stored) {
		if (stored == null || !stored.startsWith(PREFIX)) {
			throw new IllegalArgumentException("not a sealed secret");
		}
		try {
			byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, NONCE_BYTES));
			return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("the secret cannot be opened with this deployment's key", e);
		}
	}

	/** A keyed MAC (HMAC-SHA256 with a key derived from the secret key), e.g. for device cookies. */
	public byte[] mac(String purpose, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			byte[] derived = mac.doFinal(("mac:" + purpose).getBytes(StandardCharsets.UTF_8));
			Mac keyed = Mac.getInstance("HmacSHA256");
			keyed.init(new SecretKeySpec(derived, "HmacSHA256"));
			return keyed.doFinal(data);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] keyBytes(String configured, Path dataDir) {
		if (configured != null && !configured.isBlank()) {
			byte[] bytes = Base64.getDecoder().decode(configured.trim());
			if (bytes.length != 32) {
				throw new IllegalStateException("MINDGRID_SECRET_KEY must be the base64 of 32 random bytes "
						+ "(e.g. `openssl rand -base64 32`), found " + bytes.length + " bytes");
			}
			return bytes;
		}
		Path file = dataDir.resolve("secret.key");
		try {
			if (Files.exists(file)) {
				return Base64.getDecoder().decode(Files.readString(file).trim());
			}
			Files.createDirectories(dataDir);
			byte[] bytes = new byte[32];
			new SecureRandom().nextBytes(bytes);
			Files.writeString(file, Base64.getEncoder().encodeToString(bytes), StandardOpenOption.CREATE_NEW);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException e) {
				// not a POSIX file system: the directory's permissions must protect it
			}
			return bytes;
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read or create the key file " + file, e);
		}
	}
}
