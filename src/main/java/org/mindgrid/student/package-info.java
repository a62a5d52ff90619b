/**
 * Students: the roster (with import from Excel/CSV) and each student's growth archive (一生一档), every read
 * scoped by the caller's posts in SQL and audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "student")
package org.mindgrid.student;
