package org.mindgrid.audit.web;

import org.mindgrid.audit.ChainCheck;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The 访问记录完整性 page of school leaders: pick the days, see whether their chains hold. */
@Controller
class IntegrityPageController {

	private final IntegrityChecks checks;

	IntegrityPageController(IntegrityChecks checks) {
		this.checks = checks;
	}

	@GetMapping("/audit/integrity")
	String check(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			Model model) {
		ChainCheck result = checks.check(from, to);
		model.addAttribute("result", result);
		model.addAttribute("first", result.firstBreak());
		return "audit/integrity";
	}
}
