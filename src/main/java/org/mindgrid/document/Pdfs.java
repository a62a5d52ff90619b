package org.mindgrid.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * Renders a Thymeleaf template to PDF with openhtmltopdf. Templates must produce well-formed XHTML (self-closed
 * void elements, no HTML-only entities) and use the font family {@link #FONT}; Noto Sans SC is TrueType, so
 * PDFBox can embed it (subset per document), rare name characters included.
 */
@Service
public class Pdfs {

	public static final String FONT = "Noto Sans SC";

	private final ITemplateEngine templates;

	private final ApplicationContext applicationContext;

	Pdfs(ITemplateEngine templates, ApplicationContext applicationContext) {
		this.templates = templates;
		this.applicationContext = applicationContext;
	}

	/** @param template a template name such as {@code mentoring/timeline-pdf} */
	public byte[] render(String template, Map<String, Object> model, Locale locale) {
		Context context = new Context(locale, model);
		// Templates may call display helpers by bean name (@classNames), as pages do; they word in the PDF's locale.
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(applicationContext, null));
		LocaleContext previous = LocaleContextHolder.getLocaleContext();
		String html;
		try {
			LocaleContextHolder.setLocale(locale);
			html = templates.process(template, context);
		}
		finally {
			LocaleContextHolder.setLocaleContext(previous);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useFont(() -> new ByteArrayInputStream(Fonts.REGULAR), FONT, 400, FontStyle.NORMAL, true);
			builder.useFont(() -> new ByteArrayInputStream(Fonts.BOLD), FONT, 700, FontStyle.NORMAL, true);
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		try {
			return ToUnicodeRepair.repair(out.toByteArray());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The font files (about 10 MB each), read once on first use rather than at every start. */
	private static final class Fonts {

		static final byte[] REGULAR = read("/fonts/NotoSansSC_400Regular.ttf");

		static final byte[] BOLD = read("/fonts/NotoSansSC_700Bold.ttf");

		private static byte[] read(String path) {
			try (InputStream in = Pdfs.class.getResourceAsStream(path)) {
				if (in == null) {
					throw new IllegalStateException("Missing font " + path);
				}
				return in.readAllBytes();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}
}
