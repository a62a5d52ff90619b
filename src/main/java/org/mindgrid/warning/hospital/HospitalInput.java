package org.mindgrid.warning.hospital;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new directory row, from the API (JSON) or the page (form). Messages are keys of i18n/warning. Phone numbers:
 * digits and the separators people write (one number per line for several campuses).
 */
public record HospitalInput(
		@NotBlank(message = "{hospital.v.name}") @Size(max = 200, message = "{hospital.v.too-long}") String name,
		@Size(max = 500, message = "{hospital.v.too-long}") String departments,
		@NotBlank(message = "{hospital.v.address}") @Size(max = 1000, message = "{hospital.v.too-long}") String address,
		@NotBlank(message = "{hospital.v.phone}") @Size(max = 200, message = "{hospital.v.too-long}")
		@Pattern(regexp = PHONE, message = "{hospital.v.phone-format}") String phone,
		Boolean greenChannel,
		@Size(max = 1000, message = "{hospital.v.too-long}") String notes) {

	static final String PHONE = "[0-9+()（）\\-\\s,，、/转]*[0-9][0-9+()（）\\-\\s,，、/转]*";

	public boolean green() {
		return Boolean.TRUE.equals(greenChannel);
	}
}
