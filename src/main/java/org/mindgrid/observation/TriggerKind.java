package org.mindgrid.observation;

/** The four must-visit triggers (四必访). */
public enum TriggerKind {
	/** 迟到、旷课或无故缺勤. */
	ABSENCE,
	/** 情绪异常. */
	ABNORMAL_EMOTION,
	/** 家庭变故. */
	FAMILY_CHANGE,
	/** 学业成绩明显下滑. */
	ACADEMIC_DROP;

	/** What a mentor records for the students they mentor; absence and grade drop are the head teacher's. */
	public static final java.util.List<TriggerKind> MENTOR_KINDS = java.util.List.of(ABNORMAL_EMOTION, FAMILY_CHANGE);
}
