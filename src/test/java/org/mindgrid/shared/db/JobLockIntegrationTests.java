package org.mindgrid.shared.db;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.mindgrid.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two runs of a job at the same moment (two instances' schedulers, here two threads with connections of their
 * own) do its work once; the next tick after the first committed runs again.
 */
@IntegrationTest
class JobLockIntegrationTests {

	@Autowired
	JobLock jobLock;

	@Test
	void twoConcurrentRunsDoTheWorkOnce() throws Exception {
		String job = "test-job-" + System.nanoTime();
		AtomicInteger done = new AtomicInteger();
		CountDownLatch bothStarted = new CountDownLatch(2);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Boolean>> runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				runs.add(pool.submit(() -> {
					bothStarted.countDown();
					bothStarted.await(10, TimeUnit.SECONDS);
					return jobLock.runAlone(job, () -> {
						done.incrementAndGet();
						// hold the lock until the other run has tried and given up
						await(release);
					});
				}));
			}
			bothStarted.await(10, TimeUnit.SECONDS);
			// the run that did not get the lock returns at once; then let the holder finish
			Boolean first = null;
			long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (first == null && System.nanoTime() < until) {
				for (Future<Boolean> run : runs) {
					if (run.isDone()) {
						first = run.get();
					}
				}
				Thread.sleep(10);
			}
			release.countDown();
			assertThat(first).as("the run that found the lock taken skipped").isFalse();
			List<Boolean> ran = new ArrayList<>();
			for (Future<Boolean> run : runs) {
				ran.add(run.get(10, TimeUnit.SECONDS));
			}
			assertThat(ran).containsExactlyInAnyOrder(true, false);
			assertThat(done).hasValue(1);
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
		assertThat(jobLock.runAlone(job, done::incrementAndGet)).as("free again once the first committed").isTrue();
		assertThat(done).hasValue(2);
	}

	@Test
	void theLockIsRefusedOutsideATransaction() {
		assertThatThrownBy(() -> jobLock.tryTake("test-job")).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void keysAreStablePerName() {
		assertThat(JobLock.key("duty-escalation")).isEqualTo(JobLock.key("duty-escalation"))
			.isNotEqualTo(JobLock.key("crisis-report-clock"));
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
