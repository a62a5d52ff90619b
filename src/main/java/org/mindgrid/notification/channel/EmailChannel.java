package org.mindgrid.notification.channel;

import org.mindgrid.notification.NoticeTexts;
import org.mindgrid.notification.NotificationSent;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * E-mails a notification's title (rendered in Chinese) and link to the user's address, after commit and off the
 * request thread; only when SMTP is configured ({@code spring.mail.host}) and the user has an e-mail address.
 * Failures are logged.
 */
@Component
@ConditionalOnProperty(name = "spring.mail.host")
class EmailChannel {

	private final ObjectProvider<JavaMailSender> mailSender;

	private final JdbcClient jdbc;

	private final ChannelExecutor executor;

	private final NoticeTexts texts;

	private final String from;

	private final String baseUrl;

	EmailChannel(ObjectProvider<JavaMailSender> mailSender, JdbcClient jdbc, ChannelExecutor executor, NoticeTexts texts,
			@Value("${mindgrid.notification.mail-from:${spring.mail.username:mindgrid@localhost}}") String from,
			@Value("${mindgrid.base-url:http://localhost:8080}") String baseUrl) {
		this.mailSender = mailSender;
		this.jdbc = jdbc;
		this.executor = executor;
		this.texts = texts;
		this.from = from;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(NotificationSent sent) {
		JavaMailSender sender = mailSender.getIfAvailable();
		if (sender == null) {
			return;
		}
		executor.submit("e-mail", () -> {
			String to = jdbc.sql("select email from app_user where id = :id and enabled and email is not null")
				.param("id", sent.userId())
				.query(String.class)
				.optional()
				.orElse(null);
			if (to == null || to.isBlank()) {
				return;
			}
			String title = texts.render(sent.key(), sent.args(), NoticeTexts.CHANNELS);
			SimpleMailMessage message = new SimpleMailMessage();
			message.setFrom(from);
			message.setTo(to);
			message.setSubject("【心网格】" + title);
			message.setText(title + "\n\n" + baseUrl + "/notifications/" + sent.notificationId()
					+ "\n\n请登录心网格查看详情。本邮件不含学生信息，请勿转发。");
			sender.send(message);
		});
	}
}
