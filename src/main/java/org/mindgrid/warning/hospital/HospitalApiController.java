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

	@GetMapping
	Items list() {
		return new Items(hospitals.list());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Hospital create(@Valid @RequestBody HospitalInput input) {
		return hospitals.create(input);
	}
}
