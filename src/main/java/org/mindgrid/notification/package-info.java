/**
 * Notifications: the in-app inbox, and e-mail and webhook channels. A notification carries a title without
 * sensitive details and a link; the reader must still pass the scope checks to open it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "notification")
package org.mindgrid.notification;
