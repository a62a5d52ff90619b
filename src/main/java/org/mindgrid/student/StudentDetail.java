package org.mindgrid.student;

import java.time.LocalDate;

import org.mindgrid.student.archive.ArchiveView;

/**
 * A student as {@code GET /api/v1/students/{id}} shows them. Personal and guardian fields and the archive are
 * present only when the caller may read the archive; otherwise they are null.
 */
public record StudentDetail(long id, String studentNo, String name, String gender, long schoolId, long classId,
		String className, String status, LocalDate birthDate, String ethnicity, String nativePlace, String address,
		String guardianName, String guardianPhone, boolean archiveReadable, ArchiveView archive) {
}
