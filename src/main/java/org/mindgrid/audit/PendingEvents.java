package org.mindgrid.audit;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit lines of one transaction, chained and inserted in {@link #beforeCommit}: the chain head's row lock is
 * then held only from that moment to the commit, so a long transaction never makes other writers wait and no
 * writer waits for anything else while it holds the lock (no deadlock).
 */
final class PendingEvents implements TransactionSynchronization {

	private final AuditChainWriter writer;

	private final List<PendingEvent> events = new ArrayList<>();

	private boolean flushed;

	private PendingEvents(AuditChainWriter writer) {
		this.writer = writer;
	}

	/** The list of the current transaction (suspended transactions keep their own). */
	static PendingEvents of(AuditChainWriter writer) {
		for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
			if (s instanceof PendingEvents pending && pending.writer == writer) {
				return pending;
			}
		}
		PendingEvents pending = new PendingEvents(writer);
		TransactionSynchronizationManager.registerSynchronization(pending);
		return pending;
	}

	/**
	 * Writes this transaction's lines now, so that a read of the log in the same transaction sees them; the
	 * chain's lock is then held from here to the commit.
	 */
	static void flushCurrent(AuditChainWriter writer) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
			if (s instanceof PendingEvents pending && pending.writer == writer && !pending.events.isEmpty()) {
				writer.append(List.copyOf(pending.events));
				pending.events.clear();
			}
		}
	}

	void add(PendingEvent event) {
		if (flushed) {
			// Recorded by another synchronization after ours ran: still inside the transaction, write it now.
			writer.append(List.of(event));
		}
		else {
			events.add(event);
		}
	}

	@Override
	public void beforeCommit(boolean readOnly) {
		flushed = true;
		if (!events.isEmpty()) {
			writer.append(List.copyOf(events));
			events.clear();
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
