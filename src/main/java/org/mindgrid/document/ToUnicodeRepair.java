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

	private static final Pattern BFCHAR_BLOCK = Pattern.compile("beginbfchar(.*?)endbfchar", Pattern.DOTALL);

	/** One bfchar entry: source code and target, any length (a target outside the BMP is 8 digits). */
	private static final Pattern PAIR = Pattern.compile("(<[0-9A-Fa-f]+>\\s*)<([0-9A-Fa-f]+)>");

	private static final Pattern BFRANGE_BLOCK = Pattern
		.compile("(\\d+)\\s+beginbfrange\\s*(.*?)endbfrange", Pattern.DOTALL);

	/** One bfrange entry, read whole so that entries never run into each other: low, high, target or array. */
	private static final Pattern RANGE = Pattern
		.compile("<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>\\s*(?:<([0-9A-Fa-f]+)>|\\[[^\\]]*\\])");

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
				// only a 4-digit target can be a radical; others (outside the BMP, arrays) stay as they are
				if (r.group(3) == null || r.group(3).length() != 4) {
					kept.add(r.group());
					continue;
				}
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
		// Targets are rewritten inside bfchar blocks only, entry by entry: elsewhere (ranges, code space) a pair of
		// codes is two sources, glyph ids that may fall in the radicals' block.
		Matcher blocksOfChars = BFCHAR_BLOCK.matcher(result);
		StringBuilder out = new StringBuilder();
		while (blocksOfChars.find()) {
			Matcher m = PAIR.matcher(blocksOfChars.group(1));
			StringBuilder entries = new StringBuilder();
			while (m.find()) {
				String replacement = m.group();
				if (m.group(2).length() == 4) {
					int cp = Integer.parseInt(m.group(2), 16);
					String unified = radical(cp) ? unified(cp) : "";
					if (unified.length() == 1) {
						replacement = m.group(1) + String.format("<%04X>", (int) unified.charAt(0));
					}
				}
				m.appendReplacement(entries, Matcher.quoteReplacement(replacement));
			}
			m.appendTail(entries);
			blocksOfChars.appendReplacement(out, Matcher.quoteReplacement("beginbfchar" + entries + "endbfchar"));
		}
		blocksOfChars.appendTail(out);
		return out.toString();
	}

	/**
	 * The unified ideograph a radical's glyph stands for: NFKC for the Kangxi radicals; for the CJK radicals
	 * supplement, which has no compatibility mapping, the simplified forms' equivalents (Unicode's
	 * EquivalentUnifiedIdeograph): 家⻓ → 家长, 出⻔ → 出门. Our text never contains a radical itself, so a radical in the
	 * ToUnicode map always came from a glyph it shares with one of these.
	 */
	static String unified(int cp) {
		String mapped = SUPPLEMENT.get(cp);
		if (mapped != null) {
			return mapped;
		}
		return Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
	}

	private static final java.util.Map<Integer, String> SUPPLEMENT = supplement();

	private static java.util.Map<Integer, String> supplement() {
		java.util.Map<Integer, String> m = new java.util.HashMap<>();
		String pairs = "2E8C小 2E96忄 2E97心 2E98扌 2E99攵 2E9C日 2E9D月 2E9F母 2EA0民 2EA1氵 2EA3灬 2EA4爫 2EA6丬 2EA7牛 "
				+ "2EA8犭 2EA9王 2EAB目 2EAD礻 2EAE竹 2EAF糸 2EB0纟 2EB2罒 2EB6羊 2EB9耂 2EBC月 2EBE艹 2EC2衤 2EC3覀 2EC4西 "
				+ "2EC5见 2EC6角 2EC8讠 2EC9贝 2ECA足 2ECB车 2ECC辶 2ECF阝 2ED0钅 2ED1長 2ED3长 2ED4门 2ED6阝 2ED7雨 2ED8青 "
				+ "2ED9韦 2EDA页 2EDB风 2EDC飞 2EDD食 2EE0饣 2EE2马 2EE3骨 2EE4鬼 2EE5鱼 2EE6鸟 2EE7卤 2EE8麦 2EE9黄 2EEA黾 "
				+ "2EEC齐 2EEE齿 2EF0龙 2EF3龟";
		for (String pair : pairs.split(" ")) {
			m.put(Integer.parseInt(pair.substring(0, 4), 16), pair.substring(4));
		}
		return java.util.Map.copyOf(m);
	}

	/** Kangxi radicals and the CJK radicals supplement: shapes shared with unified ideographs. */
	private static boolean radical(int cp) {
		return (cp >= 0x2E80 && cp <= 0x2EFF) || (cp >= 0x2F00 && cp <= 0x2FDF);
	}
}
