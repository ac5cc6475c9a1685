package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Connected;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.inbox.crisis.TicketCrisisDesk;
import io.socialdesk.core.notification.Notice;
import io.socialdesk.core.tracker.ItemKind;
import io.socialdesk.core.user.Role;
import io.socialdesk.server.notification.InboxNotice;
import io.socialdesk.server.tracker.BuiltInTracker;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crisis detection in the server as shipped (default bound, real triage): ordinary complaints through the signed
 * inbound webhook open no crisis; a spike opens one crisis ticket at the highest priority in the default route's queue,
 * alerts the marketing leads, and every text on it is escaped.
 */
class CrisisOverHttpTest {
    static final String SECRET = "inbound-secret-for-the-crisis-test";

    @TempDir
    static Path data;

    static TestServer server;
    static long hook;
    static int ids;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(io.socialdesk.server.db.DatabaseConfig.embedded(data), data, settings -> settings);
        server.addUser("sam", Role.SUPPORT_AGENT);
        server.addUser("laura", Role.MARKETING_LEAD);
        server.addUser("boss", Role.ADMIN);
        hook = server.app.accounts().connect(null, Network.WEBHOOK, URI.create("https://forum.example/hooks/social"),
                new Connected("forum", "Shop forum", "Shop forum", Credentials.bearer(SECRET)), "sam", server.clock.instant()).id();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSpikeOfAngryMentionsIsOneCrisisTicketAtTheHighestPriorityAndTheMarketingLeadsAreAlertedOnce() {
        // An administrator adds the support agent to the people alerted, on top of the marketing leads.
        TestServer.Reply saved = server.putJson("/rest/socialdesk/1.0/crisis/alerts", server.signIn("boss"), "{\"recipients\":[\" sam \"]}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("recipients").toString()).isEqualTo("[\"sam\"]");
        // Three ordinary hours: a couple of complaints every quarter of an hour, which is the account's usual level.
        for (int window = 0; window < 12; window++) {
            mention("The delivery was late again, disappointing");
            mention("Terrible wait on the hotline today");
            mention("Thanks, the new app is great");
            server.clock.advance(Duration.ofMinutes(15));
        }
        assertThat(crises()).as("ordinary complaints are not a crisis").isEmpty();

        for (int i = 0; i < 40; i++) {
            mention("Awful! You charged my card twice, this is a scam <script>alert(" + i + ")</script>");
            server.clock.advance(Duration.ofSeconds(10));
        }
        server.app.inbox().crisis().tick();

        List<BuiltInTracker.Item> crises = crises();
        assertThat(crises).hasSize(1);
        BuiltInTracker.Item crisis = crises.get(0);
        assertThat(crisis.queue()).isEqualTo("COMMUNITY");
        assertThat(crisis.priority()).isEqualTo(TicketCrisisDesk.PRIORITY);
        assertThat(crisis.summary()).startsWith("Crisis on account " + hook);
        List<InboxNotice> alerts = server.app.notices().list("laura", 50).stream().filter(n -> n.kind() == Notice.Kind.CRISIS).toList();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).itemKey()).isEqualTo(crisis.tracked().key());
        assertThat(server.app.notices().list("sam", 50)).filteredOn(n -> n.kind() == Notice.Kind.CRISIS).singleElement()
                .satisfies(n -> assertThat(n.itemKey()).isEqualTo(crisis.tracked().key()));

        String page = server.get(crisis.tracked().url(), server.signIn("sam")).body();
        assertThat(page).contains("Crisis on account").doesNotContain("<script>alert");
        assertThat(server.app.inbox().crisis().state(String.valueOf(hook)).ticket()).isNotNull();

        // Forgetting one of the angry customers takes their mention out of the crisis ticket's list, and only theirs.
        java.util.regex.Matcher listed = java.util.regex.Pattern.compile("(?m)^- forum:(\\d+) ").matcher(crisis.description());
        assertThat(listed.find()).as(crisis.description()).isTrue();
        String forgotten = listed.group(1);
        assertThat(listed.find()).as("the crisis lists more than one mention").isTrue();
        String kept = listed.group(1);
        TestServer.Reply forget = server.postJson("/rest/socialdesk/1.0/inbox/forget", server.signIn("boss"),
                "{\"network\":\"WEBHOOK\",\"author\":\"u-" + forgotten + "\"}");
        assertThat(forget.status()).as(forget.body()).isEqualTo(200);
        String after = server.app.tracker().item(crisis.tracked().key()).orElseThrow().description();
        assertThat(after).doesNotContain("- forum:" + forgotten + " ").contains("- forum:" + kept + " ")
                .contains("- " + io.socialdesk.core.inbox.answer.Forgetting.PLACEHOLDER + " (");
    }

    @Test
    void theAlertListIsEditedByAdminsOnItsPageValidatedAndReadOnlyForMarketingLeads() {
        String boss = server.signIn("boss");
        String laura = server.signIn("laura");
        String sam = server.signIn("sam");

        TestServer.Reply bad = server.putJson("/rest/socialdesk/1.0/crisis/alerts", boss,
                "{\"recipients\":[\"laura\",\"\",\"no body\",\"laura\",\"ghost\"]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("problems").findValuesAsText("field")).containsExactly("recipients[1]", "recipients[2]", "recipients[3]",
                "recipients[4]");
        assertThat(bad.json().get("problems").findValuesAsText("rule")).containsExactly("required", "user-key", "unique", "unknown-user");
        assertThat(server.putJson("/rest/socialdesk/1.0/crisis/alerts", laura, "{\"recipients\":[]}").status()).isEqualTo(403);
        assertThat(server.get("/rest/socialdesk/1.0/crisis/alerts", sam).status()).isEqualTo(403);
        assertThat(server.get("/rest/socialdesk/1.0/crisis/alerts", laura).status()).isEqualTo(200);

        String adminPage = server.get("/admin/crisis", boss).body();
        assertThat(adminPage).contains("id=\"sd-crisis-recipients\"").contains("id=\"sd-crisis-save\"").contains("Crisis alerts");
        String leadPage = server.get("/admin/crisis", laura).body();
        assertThat(leadPage).contains("id=\"sd-crisis-read-only\"").doesNotContain("id=\"sd-crisis-save\"");
        assertThat(server.get("/admin/crisis", sam).status()).isEqualTo(403);
        server.app.users().add(new io.socialdesk.server.auth.ServerUsers.NewUser("marc", "Marc", java.util.Set.of(Role.MARKETING_LEAD),
                "Europe/Paris", "fr", TestServer.PASSWORD));
        assertThat(server.get("/admin/crisis", server.signIn("marc")).body()).contains("Alertes de crise")
                .contains("Seul un administrateur modifie cette liste.");
    }

    private static List<BuiltInTracker.Item> crises() {
        return server.app.tracker().list(ItemKind.MENTION, 1000).stream().filter(t -> t.labels().contains(TicketCrisisDesk.LABEL)).toList();
    }

    private static void mention(String text) {
        String body = "{\"id\":\"forum:" + ++ids + "\",\"text\":\"" + text.replace("\"", "\\\"") + "\",\"author\":{\"id\":\"u-" + ids
                + "\",\"handle\":\"@customer" + ids + "\"}}";
        TestServer.Reply reply = server.inbound(hook, SECRET, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    }
}
