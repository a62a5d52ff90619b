package org.mindgrid.warning.hospital;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;

import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.InputErrors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The hospital directory page: the list, the green channel explained, and the add form for those who keep it. */
@Controller
class HospitalPageController {

	private final Hospitals hospitals;

	private final MessageSource messages;

	HospitalPageController(Hospitals hospitals, MessageSource messages) {
		this.hospitals = hospitals;
		this.messages = messages;
	}

	@GetMapping("/hospitals")
	String page(Model model) {
		return show(model, null, Map.of());
	}

	@PostMapping("/hospitals")
	String create(@Valid @ModelAttribute("hospitalForm") HospitalInput form, BindingResult result, Model model,
			RedirectAttributes flash, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		result.getFieldErrors().forEach(fe -> errors.putIfAbsent(fe.getField(), InputErrors.message(messages, fe, locale)));
		if (errors.isEmpty()) {
			try {
				Hospital saved = hospitals.create(form);
				flash.addFlashAttribute("saved", saved.name());
				return "redirect:/hospitals";
			}
			catch (ApiProblem e) {
				if (e.isAccessRefusal()) {
					throw e;
				}
				errors.put("name", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
			}
		}
		return show(model, form, errors);
	}

	private String show(Model model, HospitalInput form, Map<String, String> errors) {
		model.addAttribute("hospitals", hospitals.list());
		model.addAttribute("creatable", hospitals.creatableScope().orElse(null));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "warning/hospitals";
	}
}
