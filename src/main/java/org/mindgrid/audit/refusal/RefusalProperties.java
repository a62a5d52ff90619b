package org.mindgrid.audit.refusal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When refusals become an alert.
 *
 * @param threshold more refusals than this by one user within {@code window} notify the leaders of their school
 * @param window the sliding window; a user causes at most one notification per window
 */
@ConfigurationProperties("mindgrid.refusals")
record RefusalProperties(@DefaultValue("10") int threshold, @DefaultValue("1m") Duration window) {
}
