package org.mindgrid;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** UTF-8 standard streams for the command line modes, whatever the terminal's locale says. */
final class Console {

	private Console() {
	}

	static PrintStream out() {
		return new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
	}

	static PrintStream err() {
		return new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
	}
}
