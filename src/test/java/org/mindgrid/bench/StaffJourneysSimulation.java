package org.mindgrid.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Staff at work with think time (issue 11 point 4): mentors, psychology teachers and leaders, each virtual user
 * going round their journey ({@link Journeys}) for {@code bench.duration} seconds. Every name signs in once before
 * the run (a token each, shared by the virtual users of that name: a staff member signs in once a day, and
 * simultaneous logins of one name from one address are refused with 429); logins are not measured.
 * Properties: {@code bench.mentors}, {@code bench.psychs}, {@code bench.leaders} (names, ranges allowed),
 * {@code bench.users.mentors|psychs|leaders} (virtual users, default one per name), {@code bench.ramp},
 * {@code bench.duration}, {@code bench.think} (seconds), {@code bench.talk-share}, {@code bench.sign-share}.
 * Fails if any request failed.
 */
public class StaffJourneysSimulation extends Simulation {

	{
		Duration ramp = BenchSettings.seconds("bench.ramp", 10);
		Duration duration = BenchSettings.seconds("bench.duration", 60);
		Duration think = BenchSettings.seconds("bench.think", 5);
		List<PopulationBuilder> populations = new ArrayList<>();
		populations.addAll(journey("mentors", "mentor1,mentor2", ramp, duration,
				Journeys.mentor(think, BenchSettings.decimal("bench.talk-share", 0.3),
						BenchSettings.decimal("bench.sign-share", 0.02))));
		populations.addAll(journey("psychs", "psych1", ramp, duration, Journeys.psych(think)));
		populations.addAll(journey("leaders", "principal1", ramp, duration, Journeys.leader(think)));
		setUp(populations).protocols(Journeys.protocol())
			// a ceiling, not a measure: a run that hangs ends by itself
			.maxDuration(ramp.plus(duration).plus(think.multipliedBy(20)).plusSeconds(60))
			.assertions(global().failedRequests().count().is(0L));
	}

	private static List<PopulationBuilder> journey(String who, String fallback, Duration ramp, Duration duration,
			ChainBuilder steps) {
		List<String> names = BenchSettings.users(who, fallback);
		int users = BenchSettings.integer("bench.users." + who, names.size());
		if (users == 0) {
			return List.of();
		}
		return List.of(scenario(who)
			.feed(Journeys.users(names))
			.exec(during(duration).on(exec(steps)))
			.injectOpen(rampUsers(users).during(ramp)));
	}
}
