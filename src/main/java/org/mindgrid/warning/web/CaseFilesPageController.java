package org.mindgrid.warning.web;

import java.io.IOException;

import org.mindgrid.identity.CurrentUser;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.warning.attachments.AttachmentKind;
import org.mindgrid.warning.attachments.CaseAttachments;
import org.mindgrid.warning.cases.CaseAccess;
import org.mindgrid.warning.cases.CaseWork;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The case page's letters and files over the page session (the API's need a token). */
@Controller
class CaseFilesPageController {

	private final CaseFileAnswers files;

	private final CaseWork work;

	private final CaseAttachments attachments;

	CaseFilesPageController(CaseFileAnswers files, CaseWork work, CaseAttachments attachments) {
		this.files = files;
		this.work = work;
		this.attachments = attachments;
	}

	@GetMapping("/cases/{id}/documents/{kind}.pdf")
	ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable String kind) {
		return files.document(id, kind);
	}

	@GetMapping("/cases/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
		return files.download(id, attachmentId);
	}

	/** A signed letter's scan, a diagnosis or a recording; back to the case's files with a message on refusal. */
	@PostMapping("/cases/{id}/attachments")
	String upload(@PathVariable long id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
		CurrentUser user = work.requireTier(id, CaseAccess.FULL);
		try {
			if (file == null || file.isEmpty()) {
				throw ApiProblem.badRequest("attachment.empty");
			}
			attachments.store(id, AttachmentKind.parse(kind), file.getOriginalFilename(), file.getContentType(),
					file.getBytes(), user.id());
			redirect.addFlashAttribute("fileStored", true);
		}
		catch (ApiProblem problem) {
			if (problem.isAccessRefusal()) {
				throw problem;
			}
			redirect.addFlashAttribute("fileError", problem.messageKey());
			redirect.addFlashAttribute("fileErrorArgs", problem.args());
		}
		return "redirect:/cases/" + id + "#case-files";
	}
}
