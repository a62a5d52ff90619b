/**
 * Identity: users, posts (role at a place), login, lockout, API tokens and the caller's scope.
 */
@org.springframework.modulith.ApplicationModule(displayName = "identity")
package org.mindgrid.identity;
