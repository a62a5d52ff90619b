package org.mindgrid.audit;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit lines of one transaction, chained and inserted in {@link #beforeCommit}: the chain head's row lock is
 * then held only from that moment to the commit, so a long transaction never makes other writers wait and no
 * writer waits for anything else while it holds the lock (no deadlock). A read-only transaction (which a replica may
 * serve, ADR 0030) cannot insert: its lines go to the primary in a transaction of their own, at the same moments.
 */
final class PendingEvents implements TransactionSynchronization {

	private final AuditChainWriter writer;

	private final List<PendingEvent> events = new ArrayList<>();

	/** A new writing transaction (REQUIRES_NEW) for the lines of a read-only one. */
	private final TransactionOperations ownTransaction;

	private boolean flushed;

	private PendingEvents(AuditChainWriter writer, TransactionOperations ownTransaction) {
		this.writer = writer;
		this.ownTransaction = ownTransaction;
	}

	/** The list of the current transaction (suspended transactions keep their own). */
	static PendingEvents of(AuditChainWriter writer, TransactionOperations ownTransaction) {
		for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
			if (s instanceof PendingEvents pending && pending.writer == writer) {
				return pending;
			}
		}
		PendingEvents pending = new PendingEvents(writer, ownTransaction);
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
				pending.write(List.copyOf(pending.events),
						TransactionSynchronizationManager.isCurrentTransactionReadOnly());
				pending.events.clear();
			}
		}
	}

	void add(PendingEvent event) {
		if (flushed) {
			// Recorded by another synchronization after ours ran: still inside the transaction, write it now.
			write(List.of(event), TransactionSynchronizationManager.isCurrentTransactionReadOnly());
		}
		else {
			events.add(event);
		}
	}

	@Override
	public void beforeCommit(boolean readOnly) {
		flushed = true;
		if (!events.isEmpty()) {
			write(List.copyOf(events), readOnly);
			events.clear();
		}
	}

	private void write(List<PendingEvent> lines, boolean readOnly) {
		if (readOnly) {
			ownTransaction.executeWithoutResult(status -> writer.append(lines));
		}
		else {
			writer.append(lines);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
