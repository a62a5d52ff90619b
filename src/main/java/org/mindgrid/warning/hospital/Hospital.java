package org.mindgrid.warning.hospital;

/**
 * A hospital of the medical grid as the directory lists it: public facts only. {@code address} and {@code phone}
 * may hold one line per campus. {@code greenChannel}: the city's priority booking for students (绿色通道).
 */
public record Hospital(long id, String name, String departments, String address, String phone,
		boolean greenChannel, HospitalScope scope, String notes) {
}
