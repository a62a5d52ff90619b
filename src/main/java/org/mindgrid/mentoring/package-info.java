/**
 * The mentor's ledger (导师台账): talks (谈心谈话), home visits following the seed's tool 3 outline, home-school
 * contacts, each of which can be escalated to the psychology teachers; and the student timeline over all records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "mentoring")
package org.mindgrid.mentoring;
