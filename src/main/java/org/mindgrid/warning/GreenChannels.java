package org.mindgrid.warning;

import java.util.List;

import org.mindgrid.warning.hospital.Hospital;
import org.mindgrid.warning.hospital.Hospitals;

import org.springframework.stereotype.Service;

/**
 * The hospitals with a green channel (绿色通道) a school reaches, for pages outside the medical grid that must show
 * the emergency line (a crisis event, issue 10 point 2). Public facts of the directory.
 */
@Service
public class GreenChannels {

	/** A green-channel hospital as a crisis page shows it. */
	public record GreenChannel(String name, String departments, String phone, String notes) {
	}

	private final Hospitals hospitals;

	GreenChannels(Hospitals hospitals) {
		this.hospitals = hospitals;
	}

	public List<GreenChannel> forSchool(long schoolId) {
		return hospitals.forSchool(schoolId).stream().filter(Hospital::greenChannel)
			.map(h -> new GreenChannel(h.name(), h.departments(), h.phone(), h.notes()))
			.toList();
	}
}
