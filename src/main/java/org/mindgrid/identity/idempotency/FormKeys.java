package org.mindgrid.identity.idempotency;

import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * A fresh idempotency key for each rendering of a create form ({@code fragments/idempotency :: key}), made on the
 * server: {@code crypto.randomUUID()} exists only on HTTPS pages, and schools also run MindGrid over plain HTTP.
 */
@Component("formKeys")
public class FormKeys {

	public String next() {
		return UUID.randomUUID().toString();
	}
}
