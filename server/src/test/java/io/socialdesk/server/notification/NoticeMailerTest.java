package io.socialdesk.server.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.socialdesk.core.approval.ApproverQuorum;
import io.socialdesk.core.approval.Department;
import io.socialdesk.core.approval.DepartmentRule;
import io.socialdesk.core.notification.Notice;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import io.socialdesk.server.auth.ServerUser;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Notices e-mailed through a real SMTP server (GreenMail, in this JVM), in each recipient's language. */
class NoticeMailerTest {
    static final String PASSWORD = "pa55-never-logged";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("socialdesk@example.org", "socialdesk", PASSWORD));

    final List<ServerUser> everyone = List.of(
            person("alice", "Alice Martin", Role.MARKETING_AUTHOR, Locale.ENGLISH, "alice@example.org"),
            person("marc", "Marc Dubois", Role.MARKETING_LEAD, Locale.FRENCH, "marc@example.org"),
            person("mia", "Mia", Role.MARKETING_LEAD, Locale.ENGLISH, "mia@example.org"),
            person("max", "Max", Role.MARKETING_LEAD, Locale.ENGLISH, null));
    final ServerNotifier.People people = new ServerNotifier.People() {
        @Override
        public List<ServerUser> withRole(Role role) {
            return everyone.stream().filter(u -> u.user().has(role)).toList();
        }

        @Override
        public Optional<ServerUser> find(String key) {
            return everyone.stream().filter(u -> u.user().key().equals(key)).findFirst();
        }
    };
    final NoticeInbox inbox = mock(NoticeInbox.class);

    @Test
    void eachReviewerWithAnAddressGetsAPlainTextMailInTheirLanguage() throws Exception {
        SmtpSettings smtp = new SmtpSettings("127.0.0.1", SMTP.getSmtp().getPort(), SmtpSettings.Security.NONE, "socialdesk@example.org",
                Optional.of("socialdesk"), Optional.of(PASSWORD));
        try (NoticeMailer mailer = new NoticeMailer(smtp, () -> "https://social.example.org/")) {
            Notice notice = reviewRequest("Winter <b>launch</b>\r\nBcc: victim@example.org");
            new ServerNotifier(people, inbox, Optional.of(mailer)).send(notice);
        }
        assertThat(SMTP.waitForIncomingEmail(10_000, 2)).isTrue();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2);

        MimeMessage toMarc = sentTo(received, "marc@example.org");
        assertThat(((InternetAddress) toMarc.getFrom()[0]).getAddress()).isEqualTo("socialdesk@example.org");
        assertThat(toMarc.getAllRecipients()).hasSize(1);
        assertThat(toMarc.getSubject()).isEqualTo("[Social Desk] Alice Martin vous demande de relire SD-7 \u2014 Winter <b>launch</b> Bcc: victim@example.org");
        assertThat(toMarc.getContentType()).startsWith("text/plain");
        String body = (String) toMarc.getContent();
        assertThat(body).contains("Alice Martin vous demande de relire SD-7", "D\u00e9tails : Only 19,99 \u20ac is a price claim",
                "Ouvrir : https://social.example.org/items/SD-7", "https://social.example.org/notifications");

        MimeMessage toMia = sentTo(received, "mia@example.org");
        assertThat(toMia.getSubject()).startsWith("[Social Desk] Alice Martin asks for your review of SD-7");
        assertThat((String) toMia.getContent()).contains("Open it: https://social.example.org/items/SD-7");
        verify(inbox).deliver(Set.of("marc", "mia", "max"), reviewRequest("Winter <b>launch</b>\r\nBcc: victim@example.org"));
    }

    @Test
    void aRefusedPasswordIsLoggedWithoutThePasswordAndTheNoticeStays() throws Exception {
        String wrong = "wrong-" + PASSWORD;
        int port = SMTP.getSmtp().getPort();
        SmtpSettings smtp = new SmtpSettings("127.0.0.1", port, SmtpSettings.Security.NONE, "socialdesk@example.org",
                Optional.of("socialdesk"), Optional.of(wrong));
        assertThat(smtp.toString()).doesNotContain(wrong);
        PrintStream originalErr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Notice notice = reviewRequest("Winter launch");
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try (NoticeMailer mailer = new NoticeMailer(smtp, () -> "http://localhost:8080")) {
            new ServerNotifier(people, inbox, Optional.of(mailer)).send(notice);
        } finally {
            System.setErr(originalErr);
        }
        verify(inbox).deliver(Set.of("marc", "mia", "max"), notice);
        String logged = log.toString(StandardCharsets.UTF_8);
        assertThat(logged).contains("Could not e-mail the REVIEW_REQUESTED notice for SD-7 to marc via 127.0.0.1:" + port)
                .contains("535").doesNotContain(wrong);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    static Notice reviewRequest(String title) {
        DepartmentRule marketing = new DepartmentRule(Department.MARKETING, Role.MARKETING_LEAD, Optional.empty(), ApproverQuorum.ANY_ONE);
        return new Notice(Notice.Kind.REVIEW_REQUESTED, 7, "SD-7", "/items/SD-7", title, "alice", List.of(marketing), Set.of(),
                "Only 19,99 \u20ac is a price claim", Instant.parse("2026-11-22T10:00:00Z"));
    }

    static MimeMessage sentTo(MimeMessage[] received, String address) {
        return Arrays.stream(received).filter(m -> {
            try {
                return ((InternetAddress) m.getAllRecipients()[0]).getAddress().equals(address);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).findFirst().orElseThrow(() -> new AssertionError("no mail to " + address));
    }

    static ServerUser person(String key, String name, Role role, Locale locale, String email) {
        return new ServerUser(new User(key, name, Set.of(role), ZoneId.of("Europe/Paris")), locale, Optional.ofNullable(email));
    }
}
