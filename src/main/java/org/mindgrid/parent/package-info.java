/**
 * The parents' side (issue 14 point 5): parents have no account; each document that needs a parent's answer gets a
 * one-time code, answered on a phone page and signed with the parent's name and the phone number's last four digits.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Parents")
package org.mindgrid.parent;
