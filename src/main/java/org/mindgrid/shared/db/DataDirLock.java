package org.mindgrid.shared.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * One process at a time owns a data directory: the application while it runs, or a backup/restore command that
 * started the embedded server itself. An OS file lock on {@code mindgrid.lock}, so it goes away with the process
 * even after {@code kill -9}; the file names the holder for the message others see.
 */
public final class DataDirLock implements AutoCloseable {

	static final String FILE = "mindgrid.lock";

	private final Path root;

	private final FileChannel channel;

	private final FileLock lock;

	private DataDirLock(Path root, FileChannel channel, FileLock lock) {
		this.root = root;
		this.channel = channel;
		this.lock = lock;
	}

	/** The lock, or empty when another process (or this one) holds it. */
	public static Optional<DataDirLock> tryAcquire(Path root, String holder) throws IOException {
		Files.createDirectories(root);
		FileChannel channel = FileChannel.open(root.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException e) {
			lock = null;
		}
		if (lock == null) {
			channel.close();
			return Optional.empty();
		}
		channel.truncate(0);
		channel.write(ByteBuffer.wrap(("pid=" + ProcessHandle.current().pid() + " holder=" + holder + " since="
				+ Instant.now() + "\n").getBytes(StandardCharsets.UTF_8)));
		channel.force(false);
		return Optional.of(new DataDirLock(root, channel, lock));
	}

	/** For the application: refuses to start on a data directory another process owns. */
	public static DataDirLock acquire(Path root, String holder) throws IOException {
		return tryAcquire(root, holder).orElseThrow(() -> new IllegalStateException("Data directory " + root
				+ " is in use by another MindGrid process (" + holder(root) + "); stop it first"));
	}

	/** What the lock file says about its holder, e.g. {@code pid=123 holder=app since=...}. */
	public static String holder(Path root) {
		try {
			return Files.readString(root.resolve(FILE), StandardCharsets.UTF_8).strip();
		}
		catch (IOException e) {
			return "?";
		}
	}

	public Path root() {
		return root;
	}

	@Override
	public void close() throws IOException {
		try {
			lock.release();
		}
		finally {
			channel.close();
		}
	}
}
