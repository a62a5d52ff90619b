package org.mindgrid.identity;

import java.time.Instant;

/** A failed login of an account, as its school's administrator sees it; {@code reason} is a message-key suffix. */
public record FailedLogin(Instant at, String address, String reason) {
}
