/**
 * Demo data: a fictional city with two districts, two schools, their classes, students, staff and grids, loaded
 * on the first start of a demo deployment.
 */
@org.springframework.modulith.ApplicationModule(displayName = "demo")
package org.mindgrid.demo;
