package org.mindgrid.student.archive;

import java.time.Instant;

/** The archive with its version (for optimistic locking) and who last saved it. Version 0: never saved. */
public record ArchiveView(int version, GrowthArchive content, String updatedBy, Instant updatedAt) {
}
