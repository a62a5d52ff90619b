package org.mindgrid;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MindGridApplication {

	public static void main(String[] args) {
		// audit-verify, backup, restore, generate: command line modes without the web server (see Commands).
		if (Commands.find(args) != null) {
			System.exit(Commands.run(args, Console.out(), Console.err()));
		}
		SpringApplication.run(MindGridApplication.class, args);
	}

	/** A command line mode as the jar runs it, without exiting (for tests outside this package). */
	public static int command(String[] args, java.io.PrintStream out, java.io.PrintStream err) {
		return Commands.run(args, out, err);
	}
}
