package org.mindgrid.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;

/**
 * Noto Sans SC draws 生 and the Kangxi radical ⽣ (U+2F63) with one glyph. PDFBox writes the lowest code point of a
 * glyph into the ToUnicode map, so copied or searched text would read "学⽣" instead of "学生" and a search for a
 * name could fail. This rewrites such targets to their compatibility form (NFKC: ⽣ → 生); what is drawn does not
 * change.
 */
final class ToUnicodeRepair {

	private static final Pattern BFCHAR = Pattern.compile("(<[0-9A-Fa-f]+>\\s*)<([0-9A-Fa-f]{4})>");

	private static final Pattern BFRANGE_BLOCK = Pattern
		.compile("(\\d+)\\s+beginbfrange\\s*(.*?)endbfrange", Pattern.DOTALL);

	private static final Pattern RANGE = Pattern.compile("<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]{4})>");

	private ToUnicodeRepair() {
	}

	static byte[] repair(byte[] pdf) throws IOException {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			Set<COSStream> seen = Collections.newSetFromMap(new IdentityHashMap<>());
			boolean changed = false;
			for (PDPage page : doc.getPages()) {
				PDResources resources = page.getResources();
				if (resources == null) {
					continue;
				}
				for (COSName name : resources.getFontNames()) {
					COSDictionary font = resources.getCOSObject().getCOSDictionary(COSName.FONT) == null ? null
							: resources.getCOSObject().getCOSDictionary(COSName.FONT).getCOSDictionary(name);
					COSBase toUnicode = font == null ? null : font.getDictionaryObject(COSName.TO_UNICODE);
					if (toUnicode instanceof COSStream stream && seen.add(stream)) {
						changed |= rewrite(stream);
					}
				}
			}
			if (!changed) {
				return pdf;
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length);
			doc.save(out);
			return out.toByteArray();
		}
	}

	private static boolean rewrite(COSStream stream) throws IOException {
		String cmap;
		try (InputStream in = stream.createInputStream()) {
			cmap = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
		String fixed = fix(cmap);
		if (fixed.equals(cmap)) {
			return false;
		}
		try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
			out.write(fixed.getBytes(StandardCharsets.ISO_8859_1));
		}
		return true;
	}

	/** Rewrites single mappings in place; ranges that cover a radical become single mappings. */
	static String fix(String cmap) {
		List<String> extra = new ArrayList<>();
		Matcher blocks = BFRANGE_BLOCK.matcher(cmap);
		StringBuilder withoutRadicalRanges = new StringBuilder();
		while (blocks.find()) {
			List<String> kept = new ArrayList<>();
			Matcher r = RANGE.matcher(blocks.group(2));
			while (r.find()) {
				int lo = Integer.parseInt(r.group(1), 16);
				int hi = Integer.parseInt(r.group(2), 16);
				int dst = Integer.parseInt(r.group(3), 16);
				if (radical(dst) || radical(dst + hi - lo)) {
					for (int c = lo; c <= hi; c++) {
						extra.add(String.format("<%0" + r.group(1).length() + "X> <%04X>", c, dst + c - lo));
					}
				}
				else {
					kept.add(r.group());
				}
			}
			String block = kept.isEmpty() ? ""
					: kept.size() + " beginbfrange\n" + String.join("\n", kept) + "\nendbfrange";
			blocks.appendReplacement(withoutRadicalRanges, Matcher.quoteReplacement(block));
		}
		blocks.appendTail(withoutRadicalRanges);
		String result = withoutRadicalRanges.toString();
		if (!extra.isEmpty()) {
			StringBuilder chars = new StringBuilder();
			for (int i = 0; i < extra.size(); i += 100) {
				List<String> chunk = extra.subList(i, Math.min(extra.size(), i + 100));
				chars.append(chunk.size()).append(" beginbfchar\n").append(String.join("\n", chunk))
					.append("\nendbfchar\n");
			}
			int end = result.lastIndexOf("endcmap");
			result = result.substring(0, end) + chars + result.substring(end);
		}
		Matcher m = BFCHAR.matcher(result);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			int cp = Integer.parseInt(m.group(2), 16);
			String replacement = m.group();
			if (radical(cp)) {
				String unified = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
				if (unified.length() == 1) {
					replacement = m.group(1) + String.format("<%04X>", (int) unified.charAt(0));
				}
			}
			m.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		m.appendTail(out);
		return out.toString();
	}

	/** Kangxi radicals and the CJK radicals supplement: shapes shared with unified ideographs. */
	private static boolean radical(int cp) {
		return (cp >= 0x2E80 && cp <= 0x2EFF) || (cp >= 0x2F00 && cp <= 0x2FDF);
	}
}
