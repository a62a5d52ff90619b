package org.mindgrid;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the jar tells a command line mode from a normal start, and what it answers to wrong usage. */
class CommandsTests {

	@Test
	void optionsAloneStartTheApplication() {
		assertThat(Commands.find(new String[] {})).isNull();
		assertThat(Commands.find(new String[] { "--server.port=8081", "--mindgrid.data-dir=/x" })).isNull();
		assertThat(Commands.find(new String[] { "--server.port=8081", "backup", "--to", "f" })).isEqualTo("backup");
	}

	@Test
	void ownOptionsTakeTheirValueEitherWay() {
		var call = Commands.parse(new String[] { "backup", "--to", "/tmp/a b.mgbackup", "--mindgrid.data-dir=/d" });
		assertThat(call.command()).isEqualTo("backup");
		assertThat(call.options()).isEqualTo(Map.of("to", "/tmp/a b.mgbackup"));
		assertThat(call.configuration()).isEqualTo(List.of("--mindgrid.data-dir=/d"));
		var other = Commands.parse(new String[] { "--lang=en", "restore", "--from=/tmp/x" });
		assertThat(other.command()).isEqualTo("restore");
		assertThat(other.options()).isEqualTo(Map.of("from", "/tmp/x", "lang", "en"));
	}

	@Test
	void wrongUsageAnswersWithTheUsageAndExitCode2() {
		assertThat(run("frobnicate").exit()).isEqualTo(2);
		assertThat(run("frobnicate").err()).contains("用法").contains("audit-verify").contains("backup --to");
		assertThat(run("backup", "--lang=en").err()).contains("backup needs a file").contains("Usage");
		assertThat(run("restore", "--from").exit()).isEqualTo(2);
		assertThat(run("backup", "--to", "a", "extra").exit()).isEqualTo(2);
		Result help = run("help", "--lang=en");
		assertThat(help.exit()).isZero();
		assertThat(help.out()).contains("Exit codes: 0 done, 1 hash chain broken");
	}

	record Result(int exit, String out, String err) {
	}

	private static Result run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = Commands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}
}
