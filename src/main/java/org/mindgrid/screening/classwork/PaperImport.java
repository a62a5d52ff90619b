package org.mindgrid.screening.classwork;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.mindgrid.audit.AuditLog;
import org.mindgrid.screening.campaigns.CampaignViews.CampaignClass;
import org.mindgrid.screening.campaigns.CampaignViews.InvitedStudent;
import org.mindgrid.screening.campaigns.Campaigns;
import org.mindgrid.screening.scales.Scale;
import org.mindgrid.screening.scales.ScaleMode;
import org.mindgrid.screening.scales.ScaleOption;
import org.mindgrid.screening.sessions.Ratings;
import org.mindgrid.screening.sessions.Responses;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paper questionnaires typed into the class's template and uploaded. Every row and cell is checked first (student
 * unknown, of another class, without consent, already scored, named differently; an item missing; a value not
 * allowed); <b>when any row has an error nothing is saved</b> and the whole list comes back, as with the roster: the
 * head teacher corrects the file and uploads it again, so a half-imported class never has to be untangled. A clean
 * file is saved through the core in one transaction: each answered row is saved and submitted (scored), observer
 * scales through {@link Ratings#save}/{@link Ratings#submit}, self-report scales through the staff-side
 * {@link Ratings#savePaper}/{@link Ratings#submitPaper}. Rows without any answer are skipped.
 */
@Service
public class PaperImport {

	static final int MAX_ROWS = 200;

	static final int MAX_ERRORS = 300;

	private final ClassScreening classes;

	private final Campaigns campaigns;

	private final Responses responses;

	private final Ratings ratings;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	PaperImport(ClassScreening classes, Campaigns campaigns, Responses responses, Ratings ratings, JdbcClient jdbc,
			AuditLog audit) {
		this.classes = classes;
		this.campaigns = campaigns;
		this.responses = responses;
		this.ratings = ratings;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** A problem of the file: Excel's row number (1 = header), the column's header, the row's 学号, a bundle key. */
	public record ImportError(int row, String column, String studentNo, String messageKey, Object[] args) {
	}

	/** {@code applied}: saved (no errors). {@code submitted}: rows scored; {@code skipped}: rows without answers. */
	public record ImportResult(String scaleId, int rows, int submitted, int skipped, List<ImportError> errors,
			int moreErrors, boolean applied) {
	}

	/** The class's template for one of its scales (any mode: paper questionnaires are typed in by staff). */
	public Template template(long campaignId, long classId, String scaleId) {
		CampaignClass schoolClass = classes.require(campaignId, classId);
		Scale scale = scaleOf(campaignId, schoolClass, scaleId);
		var campaign = campaigns.load(campaignId).orElseThrow();
		List<InvitedStudent> consented = campaigns.invited(campaignId, classId)
			.stream()
			.filter(s -> Boolean.TRUE.equals(s.consent()))
			.toList();
		audit.record("SCREENING_PAPER_TEMPLATE", "screening-campaign/" + campaignId + "/classes/" + classId
				+ "/template/" + scale.id(), null, consented.size() + " students");
		return new Template(PaperTemplate.filename(scale, schoolClass.className()),
				PaperTemplate.xlsx(scale, campaign.name(), schoolClass.className(), consented));
	}

	public record Template(String filename, byte[] content) {
	}

	Scale scaleOf(long campaignId, CampaignClass schoolClass, String scaleId) {
		if (scaleId == null || scaleId.isBlank()) {
			throw ApiProblem.badRequest("classwork.import.scale-required");
		}
		return responses.scalesFor(campaignId, schoolClass.gradeLevel())
			.stream()
			.filter(s -> s.id().equals(scaleId.strip().toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> ApiProblem.badRequest("classwork.import.scale-not-in-class", scaleId));
	}

	@Transactional
	public ImportResult importFile(long campaignId, long classId, String scaleId, String filename, byte[] content) {
		CampaignClass schoolClass = classes.require(campaignId, classId);
		Scale scale = scaleOf(campaignId, schoolClass, scaleId);
		List<List<String>> lines = read(filename, content);
		List<ImportError> errors = new ArrayList<>();
		// the header
		List<String> header = lines.isEmpty() ? List.of() : lines.get(0);
		int noColumn = -1;
		int nameColumn = -1;
		Map<Integer, Integer> itemColumn = new LinkedHashMap<>();
		for (int i = 0; i < header.size(); i++) {
			String h = clean(header.get(i));
			String lower = h.toLowerCase(Locale.ROOT);
			if (h.equals(PaperTemplate.STUDENT_NO) || lower.equals("student no") || lower.equals("student no.")) {
				noColumn = i;
			}
			else if (h.equals(PaperTemplate.NAME) || lower.equals("name")) {
				nameColumn = i;
			}
			else {
				Integer no = itemNumber(h);
				if (no != null && scale.item(no).isPresent() && !itemColumn.containsKey(no)) {
					itemColumn.put(no, i);
				}
			}
		}
		if (noColumn < 0) {
			errors.add(new ImportError(1, PaperTemplate.STUDENT_NO, "", "classwork.import.column-missing",
					new Object[] { PaperTemplate.STUDENT_NO }));
		}
		List<Integer> missingColumns = scale.itemNumbers().stream().filter(n -> !itemColumn.containsKey(n)).toList();
		if (!missingColumns.isEmpty()) {
			errors.add(new ImportError(1, String.valueOf(missingColumns.get(0)), "",
					"classwork.import.items-missing", new Object[] { missingColumns.size(), join(missingColumns) }));
		}
		if (!errors.isEmpty()) {
			return finish(campaignId, classId, scale, 0, 0, 0, errors, false);
		}
		if (lines.size() - 1 > MAX_ROWS) {
			throw ApiProblem.badRequest("classwork.import.too-many-rows", MAX_ROWS);
		}
		Map<String, InvitedStudent> invited = new HashMap<>();
		for (InvitedStudent s : campaigns.invited(campaignId, classId)) {
			invited.put(s.studentNo(), s);
		}
		Set<Long> submittedAlready = new HashSet<>(jdbc.sql("""
				select student_id from screening_response
				 where campaign_id = :c and class_id = :k and scale_id = :s and submitted_at is not null""")
			.param("c", campaignId)
			.param("k", classId)
			.param("s", scale.id())
			.query(Long.class)
			.list());
		record Good(InvitedStudent student, Map<String, Integer> answers) {
		}
		List<Good> good = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		int rows = 0;
		int skipped = 0;
		for (int r = 1; r < lines.size(); r++) {
			List<String> line = lines.get(r);
			int excelRow = r + 1;
			String studentNo = clean(cell(line, noColumn));
			String name = nameColumn < 0 ? "" : clean(cell(line, nameColumn));
			boolean anyAnswer = itemColumn.values().stream().anyMatch(c -> !clean(cell(line, c)).isEmpty());
			if (!anyAnswer) {
				if (!studentNo.isEmpty() || !name.isEmpty()) {
					skipped++;
				}
				continue;
			}
			rows++;
			List<ImportError> rowErrors = new ArrayList<>();
			InvitedStudent student = null;
			if (studentNo.isEmpty()) {
				rowErrors.add(new ImportError(excelRow, PaperTemplate.STUDENT_NO, "", "classwork.import.no-missing",
						null));
			}
			else if (!seen.add(studentNo)) {
				rowErrors.add(new ImportError(excelRow, PaperTemplate.STUDENT_NO, studentNo,
						"classwork.import.duplicate", null));
			}
			else {
				student = invited.get(studentNo);
				if (student == null) {
					rowErrors.add(new ImportError(excelRow, PaperTemplate.STUDENT_NO, studentNo,
							otherClass(campaignId, studentNo) ? "classwork.import.other-class"
									: "classwork.import.unknown-student",
							new Object[] { schoolClass.className() }));
				}
				else if (!Boolean.TRUE.equals(student.consent())) {
					rowErrors.add(new ImportError(excelRow, PaperTemplate.STUDENT_NO, studentNo,
							Boolean.FALSE.equals(student.consent()) ? "classwork.import.refused"
									: "classwork.import.no-consent",
							null));
				}
				else if (submittedAlready.contains(student.studentId())) {
					rowErrors.add(new ImportError(excelRow, PaperTemplate.STUDENT_NO, studentNo,
							"classwork.import.submitted", null));
				}
				else if (!name.isEmpty() && !clean(student.name()).equals(name)) {
					rowErrors.add(new ImportError(excelRow, PaperTemplate.NAME, studentNo,
							"classwork.import.name-mismatch", new Object[] { name }));
				}
			}
			Map<String, Integer> answers = new LinkedHashMap<>();
			List<Integer> missing = new ArrayList<>();
			for (var e : itemColumn.entrySet()) {
				String raw = clean(cell(line, e.getValue()));
				if (raw.isEmpty()) {
					missing.add(e.getKey());
					continue;
				}
				Integer value = value(scale, raw);
				if (value == null) {
					rowErrors.add(new ImportError(excelRow, String.valueOf(e.getKey()), studentNo,
							"classwork.import.value", new Object[] { raw, allowed(scale) }));
				}
				else {
					answers.put(String.valueOf(e.getKey()), value);
				}
			}
			if (!missing.isEmpty()) {
				rowErrors.add(new ImportError(excelRow, String.valueOf(missing.get(0)), studentNo,
						"classwork.import.item-missing", new Object[] { missing.size(), join(missing) }));
			}
			if (rowErrors.isEmpty()) {
				good.add(new Good(student, answers));
			}
			errors.addAll(rowErrors);
		}
		if (rows == 0 && errors.isEmpty()) {
			errors.add(new ImportError(0, "", "", "classwork.import.nothing", null));
		}
		if (!errors.isEmpty()) {
			return finish(campaignId, classId, scale, rows, 0, skipped, errors, false);
		}
		boolean observer = scale.mode() == ScaleMode.OBSERVER;
		for (Good g : good) {
			long studentId = g.student().studentId();
			if (observer) {
				ratings.save(campaignId, studentId, scale.id(), g.answers());
				ratings.submit(campaignId, studentId, scale.id());
			}
			else {
				ratings.savePaper(campaignId, studentId, scale.id(), g.answers());
				ratings.submitPaper(campaignId, studentId, scale.id());
			}
		}
		return finish(campaignId, classId, scale, rows, good.size(), skipped, errors, true);
	}

	private ImportResult finish(long campaignId, long classId, Scale scale, int rows, int submitted, int skipped,
			List<ImportError> errors, boolean applied) {
		audit.record(applied ? "SCREENING_PAPER_IMPORTED" : "SCREENING_PAPER_REFUSED",
				"screening-campaign/" + campaignId + "/classes/" + classId + "/import/" + scale.id(), null,
				"rows " + rows + ", scored " + submitted + ", skipped " + skipped + ", errors " + errors.size());
		int more = Math.max(0, errors.size() - MAX_ERRORS);
		return new ImportResult(scale.id(), rows, submitted, skipped,
				List.copyOf(errors.subList(0, Math.min(errors.size(), MAX_ERRORS))), more, applied);
	}

	private boolean otherClass(long campaignId, String studentNo) {
		return jdbc.sql("""
				select exists (select 1 from student s join screening_campaign c on c.school_id = s.school_id
				                where c.id = :c and s.student_no = :no)""")
			.param("c", campaignId)
			.param("no", studentNo)
			.query(Boolean.class)
			.single();
	}

	/** A number among the options' values, or an option's words (没有 / 偶尔 / 经常, English too). */
	static Integer value(Scale scale, String raw) {
		String v = raw.strip();
		for (ScaleOption o : scale.options()) {
			if (v.equals(String.valueOf(o.value())) || v.equals(o.labelZh())
					|| (o.labelEn() != null && v.equalsIgnoreCase(o.labelEn()))) {
				return o.value();
			}
		}
		return null;
	}

	static String allowed(Scale scale) {
		return String.join("/", scale.options().stream().map(o -> String.valueOf(o.value())).toList());
	}

	/** 12, 题12, 第12题, Q12, 12. → 12; anything else null. */
	static Integer itemNumber(String header) {
		String h = header.replace("第", "").replace("题", "").replace("Q", "").replace("q", "").replace(".", "").strip();
		if (h.isEmpty() || h.length() > 3) {
			return null;
		}
		for (int i = 0; i < h.length(); i++) {
			if (h.charAt(i) < '0' || h.charAt(i) > '9') {
				return null;
			}
		}
		return Integer.valueOf(h);
	}

	private static String join(List<Integer> numbers) {
		String shown = String.join(", ", numbers.stream().limit(15).map(String::valueOf).toList());
		return numbers.size() > 15 ? shown + " …" : shown;
	}

	private static String cell(List<String> line, int index) {
		return index >= 0 && index < line.size() && line.get(index) != null ? line.get(index) : "";
	}

	/** NFKC (full-width digits typed with a Chinese input method become 0-9), trimmed, invisible spaces gone. */
	static String clean(String raw) {
		if (raw == null) {
			return "";
		}
		String s = Normalizer.normalize(raw, Normalizer.Form.NFKC);
		return s.replace("\u200b", "").replace("\ufeff", "").strip();
	}

	/** The first sheet's cells as text, row by row (index 0 = Excel's row 1); .xlsx only. */
	static List<List<String>> read(String filename, byte[] content) {
		if (content == null || content.length == 0) {
			throw ApiProblem.badRequest("classwork.file.empty");
		}
		boolean zip = content.length > 4 && content[0] == 0x50 && content[1] == 0x4B && content[2] == 0x03
				&& content[3] == 0x04;
		String name = filename == null ? "" : filename.strip().toLowerCase(Locale.ROOT);
		if (!name.endsWith(".xlsx") || !zip) {
			throw ApiProblem.badRequest("classwork.file.not-xlsx");
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			if (workbook.getNumberOfSheets() == 0) {
				throw ApiProblem.badRequest("classwork.file.unreadable");
			}
			Sheet sheet = workbook.getSheetAt(0);
			List<List<String>> lines = new ArrayList<>();
			for (Row row : sheet) {
				int index = row.getRowNum();
				if (index > MAX_ROWS + 1) {
					throw ApiProblem.badRequest("classwork.import.too-many-rows", MAX_ROWS);
				}
				while (lines.size() < index) {
					lines.add(List.of());
				}
				int last = Math.min(Math.max(row.getLastCellNum(), 0), 400);
				List<String> cells = new ArrayList<>(last);
				for (int i = 0; i < last; i++) {
					cells.add(text(row.getCell(i, Row.MissingCellPolicy.RETURN_BLANK_AS_NULL)));
				}
				lines.add(cells);
			}
			return lines;
		}
		catch (ApiProblem e) {
			throw e;
		}
		catch (Exception | OutOfMemoryError e) {
			throw ApiProblem.badRequest("classwork.file.unreadable");
		}
	}

	private static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		if (type == CellType.STRING) {
			return cell.getStringCellValue();
		}
		if (type == CellType.NUMERIC) {
			return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
		}
		if (type == CellType.BOOLEAN) {
			return String.valueOf(cell.getBooleanCellValue());
		}
		return "";
	}
}
