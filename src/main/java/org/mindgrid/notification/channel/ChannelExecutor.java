package org.mindgrid.notification.channel;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Sends outside-channel messages off the request thread. Small and bounded: when the queue is full a message is
 * dropped and logged (the inbox still has it) rather than slowing down the request that caused it.
 */
@Component
class ChannelExecutor {

	private static final Logger log = LoggerFactory.getLogger(ChannelExecutor.class);

	private final ThreadPoolExecutor executor;

	ChannelExecutor() {
		AtomicInteger n = new AtomicInteger();
		executor = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000), r -> {
			Thread t = new Thread(r, "notification-channel-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		}, (r, e) -> log.warn("Notification channel queue full; message dropped (the inbox keeps it)"));
	}

	void submit(String what, Runnable task) {
		executor.execute(() -> {
			try {
				task.run();
			}
			catch (RuntimeException e) {
				log.warn("Notification channel {} failed: {}", what, e.toString());
			}
		});
	}

	@PreDestroy
	void stop() {
		executor.shutdown();
	}
}
