/**
 * Screening (心理普查, issue 9): campaigns over classes, parental consent, answer codes instead of accounts, the
 * scale engine that scores MSSMHS, MHRSP, PHQ-9 and GAD-7 from their data files, flags for the psychology teacher.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Screening")
package org.mindgrid.screening;
