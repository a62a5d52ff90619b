/**
 * Shared infrastructure every module may use: embedded database, clock, problem details, paging, i18n.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.mindgrid.shared;
