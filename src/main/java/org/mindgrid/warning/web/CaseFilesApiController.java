package org.mindgrid.warning.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.shared.web.ApiError;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.warning.attachments.Attachment;
import org.mindgrid.warning.attachments.AttachmentKind;
import org.mindgrid.warning.attachments.CaseAttachments;
import org.mindgrid.warning.cases.CaseAccess;
import org.mindgrid.warning.cases.CaseWork;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A case's letters as PDFs and its files (issue 8 points 5–8): the clinical team of the school only, audited. */
@RestController
@RequestMapping("/api/v1/cases/{id}")
class CaseFilesApiController {

	private final CaseWork work;

	private final CaseAttachments attachments;

	private final CaseFileAnswers files;

	CaseFilesApiController(CaseWork work, CaseAttachments attachments, CaseFileAnswers files) {
		this.work = work;
		this.attachments = attachments;
		this.files = files;
	}

	@Operation(summary = "A letter of the case as a printable PDF (文书)",
			description = "notice (告知书), referral (转介信, three copies), contract (契约书), commitment (承诺书), "
					+ "return-recommendation (复学建议书), return-introduction (复学介绍信), filled from the case's data. "
					+ "The clinical team only; audited.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Case id")
	@Parameter(name = "kind", in = ParameterIn.PATH,
			description = "notice, referral, contract, commitment, return-recommendation or return-introduction")
	@GetMapping(value = "/documents/{kind}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable String kind) {
		return files.document(id, kind);
	}

	@Operation(summary = "Upload a file to the case (signed letters, scans, recordings)",
			description = "Multipart: file, kind (RECORDING, SIGNED_NOTICE, SIGNED_REFERRAL, SIGNED_CONTRACT, "
					+ "SIGNED_COMMITMENT, DIAGNOSIS_SCAN, RETURN_APPLICATION, MEDICAL_PROOF, "
					+ "SIGNED_RETURN_RECOMMENDATION, OTHER). PDF, JPEG, PNG or audio, checked by their bytes; up to "
					+ "20 MB. Answers the stored file's description.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Case id")
	@Parameter(name = "kind", in = ParameterIn.QUERY, description = "What the file is (see above)")
	@ApiError(status = 415, description = "Not a PDF, JPEG, PNG or audio file, or not what its type says")
	@PostMapping("/attachments")
	ResponseEntity<Attachment> upload(@PathVariable long id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) MultipartFile file) throws IOException {
		CurrentUser user = work.requireTier(id, CaseAccess.FULL);
		if (file == null) {
			throw ApiProblem.badRequest("attachment.empty").with("field", "file");
		}
		Attachment stored = attachments.store(id, AttachmentKind.parse(kind), file.getOriginalFilename(),
				file.getContentType(), file.getBytes(), user.id());
		return ResponseEntity.status(HttpStatus.CREATED).body(stored);
	}

	@Operation(summary = "The case's files", description = "Descriptions of the files, oldest first, without bytes.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Case id")
	@GetMapping("/attachments")
	Map<String, List<Attachment>> list(@PathVariable long id) {
		work.requireTier(id, CaseAccess.FULL);
		return Map.of("items", attachments.list(id));
	}

	@Operation(summary = "Download one file of the case", description = "The file as uploaded; the read is audited.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Case id")
	@Parameter(name = "attachmentId", in = ParameterIn.PATH, description = "File id")
	@GetMapping("/attachments/{attachmentId}")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
		return files.download(id, attachmentId);
	}
}
