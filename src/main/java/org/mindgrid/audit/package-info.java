/**
 * Audit: the append-only log of every read of a student's record and every write.
 */
@org.springframework.modulith.ApplicationModule(displayName = "audit")
package org.mindgrid.audit;
