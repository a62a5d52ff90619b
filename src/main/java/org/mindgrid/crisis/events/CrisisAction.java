package org.mindgrid.crisis.events;

import static org.mindgrid.crisis.events.Reach.HEAD_TEACHER;
import static org.mindgrid.crisis.events.Reach.RAISER;
import static org.mindgrid.crisis.events.Reach.TEAM;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Everything that can be recorded on an event, listed once with its API code and who may do it (issue 10 points 2
 * and 4). The five first-time actions may be ticked by whoever is at the scene: the team, the head teacher, the
 * raiser. Aftercare, follow-up and cooperation are the school team's and the head teacher's; naming the student,
 * voiding an entry and closing the event are the team's. Nothing is recorded on a closed event.
 */
public enum CrisisAction {

	CALL_DOCTOR("call-doctor", TEAM, HEAD_TEACHER, RAISER),
	SEND_TO_HOSPITAL("send-to-hospital", TEAM, HEAD_TEACHER, RAISER),
	INFORM_POLICE("inform-police", TEAM, HEAD_TEACHER, RAISER),
	NOTIFY_PARENTS("notify-parents", TEAM, HEAD_TEACHER, RAISER),
	REPORT_UPWARD("report-upward", TEAM, HEAD_TEACHER, RAISER),
	/** One of the five does not apply (no injury: no hospital), with the reason. */
	NOT_APPLICABLE("not-applicable", TEAM, HEAD_TEACHER, RAISER),
	/** Psychological support given to an affected student, staff member or family (避免急性应激障碍). */
	AFTERCARE("aftercare", TEAM, HEAD_TEACHER),
	/** A person at risk (a witness, a close friend, the class) to follow up: opens a duty for its owner. */
	FOLLOW_UP("follow-up", TEAM, HEAD_TEACHER),
	/** Work with another department: police, health, cyberspace, justice, the press office. */
	COOPERATION("cooperation", TEAM, HEAD_TEACHER),
	/** The student was "unknown yet": the team names them, which opens or joins their case. */
	IDENTIFY_STUDENT("identify-student", TEAM),
	/** A wrong entry is voided with a reason; the entry stays. */
	VOID("void", TEAM),
	/** The event is over: its report is in and each first-time action is done or does not apply. */
	CLOSE("close", TEAM);

	private final String code;

	private final Set<Reach> performers;

	CrisisAction(String code, Reach first, Reach... more) {
		this.code = code;
		this.performers = EnumSet.of(first, more);
	}

	public String code() {
		return code;
	}

	public boolean allowedFor(Reach reach) {
		return performers.contains(reach);
	}

	/** The first-time action this ticks, if it is one. */
	public Optional<FirstStep> step() {
		return FirstStep.ofCode(code);
	}

	public static Optional<CrisisAction> ofCode(String code) {
		return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
	}
}
