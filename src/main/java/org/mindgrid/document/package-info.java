/**
 * Documents: PDF rendering of ledgers and official letters from Thymeleaf templates, with a TrueType CJK font
 * inside the jar so they render the same on any machine.
 */
@org.springframework.modulith.ApplicationModule(displayName = "document")
package org.mindgrid.document;
