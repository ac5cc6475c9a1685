package io.socialdesk.server.notification;

import io.socialdesk.core.notification.Notice;
import io.socialdesk.server.auth.ServerUser;
import io.socialdesk.server.render.BundleI18n;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * E-mails notices as plain text in the recipient's language, on a thread of its own: a slow or
 * broken mail server never holds up nor undoes the action that caused the notice. A failure is
 * logged (host, recipient, reason; never the password) and the in-app notice stays.
 */
public final class NoticeMailer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NoticeMailer.class);
    private static final String TIMEOUT_MILLIS = "20000";

    private final SmtpSettings settings;
    private final Supplier<String> publicUrl;
    private final Session session;
    private final ExecutorService executor;

    /** {@code publicUrl}: the address people open the server at, for the links (known once the server listens). */
    public NoticeMailer(SmtpSettings settings, Supplier<String> publicUrl) {
        this.settings = settings;
        this.publicUrl = publicUrl;
        this.session = Session.getInstance(properties(settings));
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "socialdesk-mail");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Queues the e-mail; returns at once. */
    public void mail(ServerUser to, String address, Notice notice, String actorName) {
        try {
            executor.execute(() -> send(to, address, notice, actorName));
        } catch (RejectedExecutionException e) {
            LOG.warn("Not e-mailing the {} notice for {} to {}: the server is stopping", notice.kind(), notice.itemKey(), to.user().key());
        }
    }

    private void send(ServerUser to, String address, Notice notice, String actorName) {
        try {
            MimeMessage message = compose(to.locale(), address, notice, actorName);
            if (settings.user().isPresent()) {
                Transport.send(message, settings.user().get(), settings.password().orElse(""));
            } else {
                Transport.send(message);
            }
        } catch (MessagingException | RuntimeException e) {
            // The exception's text is the server's answer or the network error; the password is never part of it.
            LOG.warn("Could not e-mail the {} notice for {} to {} via {}:{}: {}", notice.kind(), notice.itemKey(), to.user().key(),
                    settings.host(), settings.port(), e.toString());
        }
    }

    MimeMessage compose(Locale locale, String address, Notice notice, String actorName) throws MessagingException {
        String base = publicUrl.get();
        if (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        MailText text = MailText.of(new BundleI18n(locale), notice, actorName, base);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(settings.from(), true));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(address, true));
        message.setSubject(text.subject(), StandardCharsets.UTF_8.name());
        message.setText(text.body(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(notice.at()));
        return message;
    }

    /** A notice as an e-mail's subject and plain-text body. */
    record MailText(String subject, String body) {
        static MailText of(BundleI18n i18n, Notice notice, String actorName, String publicUrl) {
            String headline = i18n.getText(NoticeTexts.headlineKey(notice.kind()), actorName, notice.itemKey());
            // A title is one line in the subject, whatever it holds.
            String title = notice.title().replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
            String subject = i18n.getText("socialdesk.mail.subject", headline, title);
            StringBuilder body = new StringBuilder();
            body.append(headline).append('\n').append(title).append("\n\n");
            if (!notice.detail().isBlank()) body.append(i18n.getText("socialdesk.mail.detail", notice.detail())).append("\n\n");
            body.append(i18n.getText("socialdesk.mail.open", publicUrl + notice.itemUrl())).append('\n');
            body.append(i18n.getText("socialdesk.mail.all", publicUrl + "/notifications")).append('\n');
            return new MailText(subject, body.toString());
        }
    }

    private static Properties properties(SmtpSettings settings) {
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", String.valueOf(settings.port()));
        p.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        p.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        p.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        p.put("mail.smtp.auth", String.valueOf(settings.user().isPresent()));
        switch (settings.security()) {
            case STARTTLS -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
                p.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case TLS -> {
                p.put("mail.smtp.ssl.enable", "true");
                p.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> { }
        }
        return p;
    }

    /** Lets queued e-mails go out for a few seconds, then stops. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) executor.shutdownNow();
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
