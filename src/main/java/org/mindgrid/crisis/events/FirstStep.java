package org.mindgrid.crisis.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The five first-time actions (五个第一时间, measure 14: 第一时间联系校医、送医抢救、报告警方、通知家长、向上汇报), in the
 * seed's order, with their API codes.
 */
public enum FirstStep {

	CALL_DOCTOR("call-doctor"), SEND_TO_HOSPITAL("send-to-hospital"), INFORM_POLICE("inform-police"),
	NOTIFY_PARENTS("notify-parents"), REPORT_UPWARD("report-upward");

	private final String code;

	FirstStep(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static Optional<FirstStep> ofCode(String code) {
		return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
	}
}
