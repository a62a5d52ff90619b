package org.mindgrid.shared.web;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/** Form lists grow only so far: "rows[100000].x=1" must not allocate a huge list (nor fill it with nulls). */
@ControllerAdvice
class BindingLimits {

	static final int MAX_LIST_INDEX = 64;

	@InitBinder
	void limit(WebDataBinder binder) {
		binder.setAutoGrowCollectionLimit(MAX_LIST_INDEX);
	}
}
