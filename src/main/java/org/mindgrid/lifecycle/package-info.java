/**
 * The archive's life (issue 14): the confidentiality agreement staff accept before reading students' records
 * (`agreement/`), the hand-over of a student's file to the next school by the national student number and the
 * signed export for schools outside MindGrid (`handover/`), and sealing or destruction on leaving under a school
 * leader's approval (`disposal/`).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Archive lifecycle")
package org.mindgrid.lifecycle;
