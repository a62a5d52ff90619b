package org.mindgrid.warning.hospital;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET|POST /api/v1/hospitals}: the directory the caller's school (or bureau) sees, and additions. */
@RestController
@RequestMapping("/api/v1/hospitals")
class HospitalApiController {

	record Items(List<Hospital> items) {
	}

	private final Hospitals hospitals;

	HospitalApiController(Hospitals hospitals) {
		this.hospitals = hospitals;
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "The hospital directory of the medical grid (医院名录)",
			description = "Hospitals the caller's school may refer to: the city's (attachment 7 of the referral "
					+ "procedure, with the green channel), its district's and its own. Public facts only: names, "
					+ "departments, addresses, switchboard numbers. {items}.")
	@GetMapping
	Items list() {
		return new Items(hospitals.list());
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Add a hospital to the directory",
			description = "School administrators and psychology teachers add their school's rows, district and city "
					+ "officers theirs. Fields: name (required), departments, address, phone, greenChannel, notes. "
					+ "Answers the new row; 409 when the name is listed already.")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Hospital create(@Valid @RequestBody HospitalInput input) {
		return hospitals.create(input);
	}
}
