package org.mindgrid.warning.hospital;

/** Who keeps a directory row: the city bureau, a district bureau or one school. */
public enum HospitalScope {
	CITY, DISTRICT, SCHOOL
}
