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
	ACADEMIC_DROP
}
