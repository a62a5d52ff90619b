package org.mindgrid.identity.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long retries are recognised.
 *
 * @param ttl a key answers its first answer again for this long, then it may be used anew
 * @param retryWait a retry that arrives while the first request still runs waits this long for its answer, then gets 409
 * @param stale a claim older than this without an answer belongs to a request that died (a crash): it is taken over
 */
@ConfigurationProperties("mindgrid.idempotency")
record IdempotencyProperties(@DefaultValue("24h") Duration ttl, @DefaultValue("10s") Duration retryWait,
		@DefaultValue("5m") Duration stale) {
}
