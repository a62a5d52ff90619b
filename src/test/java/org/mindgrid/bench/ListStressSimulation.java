package org.mindgrid.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import org.mindgrid.identity.CurrentUser;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Closed-loop stress per list endpoint (issue 11 point 4): for each endpoint of {@code bench.stress.endpoints} and
 * each concurrency of {@code bench.stress.concurrency}, that many virtual users send the request back to back, no
 * think time, for {@code bench.stress.seconds}; the cells run one after the other, each endpoint after ten warm-up
 * requests. The caller of an endpoint is {@code bench.stress.user.<endpoint>} (default {@code bench.stress.user},
 * then psych1), signed in once before the run. Request names are {@code <endpoint> c=<n>}.
 * <p>
 * After the HTTP cells, in the same run, the endpoints' own SQL ({@link ListSql}) is timed over JDBC for the same
 * callers ({@link RawSql}; {@code bench.sql.connections}, default 10 as the app's pool, {@code bench.sql.seconds},
 * {@code bench.sql=false} to skip) and written to {@code bench.out}/raw-sql.tsv for {@link BenchReport}.
 */
public class ListStressSimulation extends Simulation {

	private final List<Endpoint> endpoints = Endpoint.of(BenchSettings.words("bench.stress.endpoints",
			"students,queue,cases,duties,notifications"));

	private final List<Integer> concurrency = BenchSettings.integers("bench.stress.concurrency", "1,50");

	private final Duration time = BenchSettings.seconds("bench.stress.seconds", 10);

	private final Map<Endpoint, String> callers = new LinkedHashMap<>();

	private final Map<String, String> tokens = new LinkedHashMap<>();

	{
		BenchClient client = new BenchClient(BenchSettings.base());
		for (Endpoint e : endpoints) {
			String user = BenchSettings.text("bench.stress.user." + e.key(), BenchSettings.text("bench.stress.user", "psych1"));
			callers.put(e, user);
			tokens.computeIfAbsent(user, u -> client.token(u, BenchSettings.password()));
		}
		List<PopulationBuilder> cells = new ArrayList<>();
		for (Endpoint e : endpoints) {
			String bearer = "Bearer " + tokens.get(callers.get(e));
			cells.add(scenario("warm-up " + e.key())
				.exec(repeat(10).on(exec(http("warm-up").get(e.path()).header("Authorization", bearer)
					.check(status().is(200)))))
				.injectOpen(atOnceUsers(1)));
			for (int c : concurrency) {
				String name = e.key() + " c=" + c;
				cells.add(scenario(name)
					.exec(during(time).on(exec(http(name).get(e.path()).header("Authorization", bearer)
						.check(status().is(200)))))
					.injectOpen(atOnceUsers(c)));
			}
		}
		PopulationBuilder chain = cells.get(cells.size() - 1);
		for (int i = cells.size() - 2; i >= 0; i--) {
			chain = cells.get(i).andThen(chain);
		}
		setUp(chain).protocols(Journeys.protocol())
			.maxDuration(time.plusSeconds(60).multipliedBy((long) endpoints.size() * (concurrency.size() + 1)))
			.assertions(global().failedRequests().count().is(0L));
	}

	@Override
	public void after() {
		if (!Boolean.parseBoolean(BenchSettings.text("bench.sql", "true"))) {
			return;
		}
		RawSql sql = RawSql.fromSettings();
		BenchClient client = new BenchClient(BenchSettings.base());
		int connections = BenchSettings.integer("bench.sql.connections", 10);
		Duration sqlTime = BenchSettings.seconds("bench.sql.seconds", time.toMillis() / 1000.0);
		List<RawSql.Figures> figures = new ArrayList<>();
		try {
			for (Endpoint e : endpoints) {
				CurrentUser caller = client.me(tokens.get(callers.get(e)));
				for (int c : concurrency) {
					RawSql.Figures f = sql.time(e, caller, c, Math.min(c, connections), sqlTime);
					System.out.println("raw SQL " + f.tsv());
					figures.add(f);
				}
			}
			Path file = BenchSettings.out().resolve("raw-sql.tsv");
			RawSql.write(file, figures);
			System.out.println("raw SQL figures in " + file.toAbsolutePath());
		}
		catch (Exception ex) {
			throw new IllegalStateException("raw SQL timing failed", ex);
		}
	}
}
