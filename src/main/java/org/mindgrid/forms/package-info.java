/**
 * The workbook's record forms (一生一档工作手册, issue 13, ADR 0035): forms defined as data files checked at start,
 * their records stored as versioned answer documents that are never deleted, and who may fill and read each form
 * by role and the grid's scope, in SQL.
 */
@org.springframework.modulith.ApplicationModule(displayName = "forms")
package org.mindgrid.forms;
