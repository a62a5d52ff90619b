package org.mindgrid.crisis.events;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The green channel's emergency line for acute cases (referral procedure, attachment 2): 宁波市康宁医院儿童青少年心理
 * 门诊, 17857803090, 8:00–11:20 and 13:30–16:30 on working days. A property, so another city sets its own.
 */
@ConfigurationProperties("mindgrid.crisis.emergency-line")
public record EmergencyLine(String hospital, String phone, String hours) {

	public EmergencyLine {
		hospital = hospital == null ? "宁波市康宁医院儿童青少年心理门诊" : hospital;
		phone = phone == null ? "17857803090" : phone;
		hours = hours == null ? "8:00–11:20, 13:30–16:30" : hours;
	}
}
