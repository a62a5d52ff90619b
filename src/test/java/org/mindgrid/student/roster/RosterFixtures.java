package org.mindgrid.student.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Roster files for tests: CSV in any charset, xlsx with real date cells, and generated rosters of any size. */
final class RosterFixtures {

	static final String HEADER = "学号,姓名,性别,出生日期,年级,班级,民族,籍贯,家庭住址,监护人,监护人电话";

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周" };

	private static final String[] GIVEN = { "子涵", "欣怡", "梓轩", "浩然", "一诺", "雨桐", "宇轩", "思远", "佳怡", "俊杰" };

	private RosterFixtures() {
	}

	static byte[] csv(Charset charset, String... lines) {
		return String.join("\r\n", lines).concat("\r\n").getBytes(charset);
	}

	/** {@code n} junior-high students 学号 prefix+i, in grades 7–9 and classes 1–25, born 12–15 years ago. */
	static List<String[]> generated(String prefix, int n) {
		LocalDate base = LocalDate.now().minusYears(15);
		List<String[]> rows = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			rows.add(new String[] { prefix + String.format("%05d", i), SURNAMES[i % 10] + GIVEN[(i / 10) % 10],
					i % 2 == 0 ? "男" : "女", base.plusDays(i % 1000).toString(), String.valueOf(7 + i % 3),
					(1 + (i / 3) % 25) + "班", "汉族", "浙江宁波", "宁波市海曙区中山西路" + (i % 300) + "号", "家长" + SURNAMES[i % 10],
					String.format("139%08d", i) });
		}
		return rows;
	}

	static byte[] csv(Charset charset, List<String[]> rows) {
		StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
		for (String[] r : rows) {
			sb.append(String.join(",", r)).append("\r\n");
		}
		return sb.toString().getBytes(charset);
	}

	/** An xlsx as Excel writes it: 学号 and phone as numbers, the birth date as a real date cell. */
	static byte[] xlsx(List<String[]> rows) {
		try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle date = wb.createCellStyle();
			date.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d"));
			var sheet = wb.createSheet("名册");
			Row header = sheet.createRow(0);
			String[] names = HEADER.split(",");
			for (int i = 0; i < names.length; i++) {
				header.createCell(i).setCellValue(names[i]);
			}
			for (int r = 0; r < rows.size(); r++) {
				String[] v = rows.get(r);
				Row row = sheet.createRow(r + 1);
				for (int i = 0; i < v.length; i++) {
					if (i == 3) {
						row.createCell(i).setCellValue(LocalDate.parse(v[i]));
						row.getCell(i).setCellStyle(date);
					}
					else if (i == 10 || (i == 0 && v[i].matches("\\d{1,15}"))) {
						row.createCell(i).setCellValue(Double.parseDouble(v[i]));
					}
					else {
						row.createCell(i).setCellValue(v[i]);
					}
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
