package io.socialdesk.jira.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.atlassian.jira.issue.Issue;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.atlassian.templaterenderer.TemplateRenderer;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.approval.Department;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.InboxItem;
import io.socialdesk.core.inbox.InboxStore;
import io.socialdesk.core.inbox.Route;
import io.socialdesk.core.inbox.Routed;
import io.socialdesk.core.inbox.Triage;
import io.socialdesk.core.inbox.answer.Reply;
import io.socialdesk.core.inbox.answer.ReplyService;
import io.socialdesk.core.inbox.answer.ReplyState;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import io.socialdesk.jira.inbox.JiraAnswering;
import io.socialdesk.jira.inbox.JiraInbox;
import io.socialdesk.jira.user.JiraCurrentUser;
import io.socialdesk.web.inbox.Answering;
import io.socialdesk.web.inbox.Inbox;
import io.socialdesk.web.page.AnswerPanel;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The replies panel on Jira's issue view (Jira's interfaces mocked): shown on inbox issues only, posting to the REST API. */
class InboxReplyPanelTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final User LAURA = new User("laura", "Laura", Set.of(Role.LEGAL), ZoneOffset.UTC);

    private final InboxStore store = mock(InboxStore.class);
    private final ReplyService replies = mock(ReplyService.class);
    private final JiraCurrentUser currentUser = mock(JiraCurrentUser.class);
    private final TemplateRenderer renderer = mock(TemplateRenderer.class);
    private final ApplicationProperties application = mock(ApplicationProperties.class);
    private final Issue issue = mock(Issue.class);
    private final InboxReplyPanel panel = new InboxReplyPanel(new JiraInbox(new Inbox(null, store, null)),
            new JiraAnswering(new Answering(replies, null, null)), currentUser, renderer, application);

    InboxReplyPanelTest() {
        when(currentUser.get()).thenReturn(Optional.of(LAURA));
        when(currentUser.locale()).thenReturn(Locale.FRENCH);
        when(application.getBaseUrl(UrlMode.RELATIVE)).thenReturn("/jira");
        when(issue.getId()).thenReturn(10042L);
        when(issue.getKey()).thenReturn("LEGAL-42");
    }

    @Test
    void anInboxIssueShowsItsRepliesWithLegalsApprovalAndFormsThatPostToRest() throws IOException {
        TrackedItem ticket = new TrackedItem(10042L, "LEGAL-42", "/jira/browse/LEGAL-42");
        when(store.onTicket("LEGAL-42", 500)).thenReturn(List.of(item(ticket)));
        Reply held = new Reply(7, ticket, "conv", 3, Network.BLUESKY, "LEGAL", false, "Please <b>write</b> to us", "3:BLUESKY:x", "did:pat",
                "pat.example", RemotePost.of("at://pat/1", null), null, "sam", ReplyState.HELD, Department.LEGAL, null, null, null, null, null, NOW,
                null, NOW, 0);
        when(replies.forTicket("LEGAL-42")).thenReturn(List.of(held));

        panel.getHtml(Map.of("issue", issue));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> context = ArgumentCaptor.forClass(Map.class);
        verify(renderer).render(eq(InboxReplyPanel.TEMPLATE), context.capture(), any());
        AnswerPanel shown = (AnswerPanel) context.getValue().get("answer");
        assertThat(shown.getReplyUrl()).isEqualTo("/jira/rest/socialdesk/1.0/inbox/tickets/LEGAL-42/replies");
        assertThat(shown.getReplies()).singleElement().satisfies(r -> {
            assertThat(r.getMayDecide()).as("Legal approves a reply written by sam").isTrue();
            assertThat(r.getActionUrl()).isEqualTo("/jira/rest/socialdesk/1.0/inbox/replies/7/");
            assertThat(r.getStateKey()).isEqualTo("socialdesk.answer.state.held");
            assertThat(r.getApprover()).isEqualTo("Legal");
        });
        assertThat(shown.getTargets()).extracting(AnswerPanel.Target::getKey).containsExactly("3:BLUESKY:item");
        assertThat(shown.getMayForget()).as("not an admin").isFalse();
    }

    @Test
    void thePanelOffersADirectMessageOnlyWhereTheNetworkAllowsIt() throws IOException {
        TrackedItem ticket = new TrackedItem(10042L, "LEGAL-42", "/jira/browse/LEGAL-42");
        Instant now = Instant.now();
        when(store.onTicket("LEGAL-42", 500)).thenReturn(List.of(
                item(ticket, Network.FACEBOOK, Stream.COMMENTS, "c_1", now.minusSeconds(60)),
                item(ticket, Network.FACEBOOK, Stream.DIRECT_MESSAGES, "m_1", now.minusSeconds(30)),
                item(ticket, Network.FACEBOOK, Stream.DIRECT_MESSAGES, "m_0", now.minus(java.time.Duration.ofDays(2)))));
        when(replies.forTicket("LEGAL-42")).thenReturn(List.of());

        AnswerPanel facebook = rendered();
        assertThat(facebook.getDirectAvailable()).isTrue();
        assertThat(facebook.getDirectNoteKey()).isEqualTo("socialdesk.answer.direct.meta");
        assertThat(facebook.getNetwork()).isEqualTo("Facebook Page");
        assertThat(facebook.getTargets()).extracting(AnswerPanel.Target::getKey, AnswerPanel.Target::getDirect)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("m_1", true), org.assertj.core.groups.Tuple.tuple("c_1", false),
                        org.assertj.core.groups.Tuple.tuple("m_0", false));

        when(store.onTicket("LEGAL-42", 500)).thenReturn(List.of(item(ticket, Network.LINKEDIN, Stream.COMMENTS, "urn:1", now)));
        org.mockito.Mockito.clearInvocations(renderer);
        AnswerPanel linkedIn = rendered();
        assertThat(linkedIn.getDirectAvailable()).isFalse();
        assertThat(linkedIn.getDirectNoteKey()).isEqualTo("socialdesk.answer.direct.direct-unsupported");
    }

    private AnswerPanel rendered() throws IOException {
        panel.getHtml(Map.of("issue", issue));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> context = ArgumentCaptor.forClass(Map.class);
        verify(renderer).render(eq(InboxReplyPanel.TEMPLATE), context.capture(), any());
        return (AnswerPanel) context.getValue().get("answer");
    }

    private static InboxItem item(TrackedItem ticket, Network network, Stream stream, String key, Instant at) {
        Inbound in = new Inbound(network, stream, key, stream == Stream.COMMENTS ? "comment" : null, "where is my parcel", at,
                new Inbound.Author("6100042", "pat", "Pat", 5L, null), null, null, null, "en");
        return new InboxItem(1, key, 3, in, new Triage("en", 0, Triage.Urgency.NORMAL, 0), new Routed(Route.to("SUPPORT"), null, List.of()),
                "conv", InboxItem.WEBHOOK, at, null, ticket, at);
    }

    @Test
    void anIssueOutsideTheInboxShowsNothing() throws IOException {
        when(store.onTicket("LEGAL-42", 500)).thenReturn(List.of());

        assertThat(panel.getHtml(Map.of("issue", issue))).isEmpty();
        verify(renderer, never()).render(any(), anyMap(), any());
    }

    @Test
    void forgettingAPersonInJiraSaysThatTheIssuesHistoryKeepsTheOldTextInEnglishAndFrench() throws IOException {
        String template = read(InboxReplyPanel.TEMPLATE);
        String forget = template.substring(template.indexOf("$answer.getMayForget()"));
        Matcher keys = Pattern.compile("getText\\(\"([\\w.]+)\"").matcher(forget);
        StringBuilder english = new StringBuilder();
        StringBuilder french = new StringBuilder();
        io.socialdesk.web.i18n.Messages en = new io.socialdesk.web.i18n.Messages(Locale.ENGLISH);
        io.socialdesk.web.i18n.Messages fr = new io.socialdesk.web.i18n.Messages(Locale.FRENCH);
        while (keys.find()) {
            english.append(en.getText(keys.group(1), "pat.example")).append('\n');
            french.append(fr.getText(keys.group(1), "pat.example")).append('\n');
        }
        // Next to the checkbox an admin ticks, and once more above the list: what forgetting cannot remove in Jira.
        assertThat(english.toString()).contains("Remove every message of pat.example").contains("History tab")
                .contains("old summary and description").contains("Jira offers apps no way to edit it");
        assertThat(french.toString()).contains("Retirer de Social Desk tous les messages de pat.example").contains("onglet Historique")
                .contains("l'ancien r\u00e9sum\u00e9");
    }

    @Test
    void everyGetterThePanelTemplateCallsIsAllowlisted() throws IOException {
        String template = read(InboxReplyPanel.TEMPLATE);
        String descriptor = read("atlassian-plugin.xml");
        Map<String, String> classes = Map.of("answer", "AnswerPanel", "reply", "AnswerPanel$ReplyRow", "target", "AnswerPanel$Target",
                "author", "AnswerPanel$Author");
        Matcher calls = Pattern.compile("\\$\\{?(answer|reply|target|author)\\.(get\\w+)\\(\\)").matcher(template);
        Set<String> called = new TreeSet<>();
        while (calls.find()) called.add("io.socialdesk.web.page." + classes.get(calls.group(1)) + "#" + calls.group(2) + "()");
        assertThat(called).hasSizeGreaterThan(10);
        assertThat(called).allSatisfy(method -> assertThat(descriptor).contains("<method>" + method + "</method>"));
    }

    private static InboxItem item(TrackedItem ticket) {
        Inbound in = new Inbound(Network.BLUESKY, Stream.MENTIONS, "at://pat/1", "mention", "my lawyer <script>", NOW,
                new Inbound.Author("did:pat", "pat.example", "Pat", 5L, null), null, null, null, "en");
        return new InboxItem(1, "3:BLUESKY:item", 3, in, new Triage("en", 0, Triage.Urgency.NORMAL, 0), new Routed(Route.to("LEGAL"), null, List.of()),
                "conv", InboxItem.WEBHOOK, NOW, null, ticket, NOW);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = InboxReplyPanelTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
