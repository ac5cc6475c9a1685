package io.socialdesk.jira.inbox;

import com.atlassian.beehive.ClusterLockService;
import com.atlassian.jira.bc.issue.IssueService;
import com.atlassian.jira.bc.issue.search.SearchService;
import com.atlassian.jira.bc.project.component.ProjectComponent;
import com.atlassian.jira.config.ConstantsManager;
import com.atlassian.jira.exception.CreateException;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.IssueInputParameters;
import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.issue.comments.Comment;
import com.atlassian.jira.issue.comments.CommentManager;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.label.LabelManager;
import com.atlassian.jira.issue.link.IssueLink;
import com.atlassian.jira.issue.link.IssueLinkManager;
import com.atlassian.jira.issue.link.IssueLinkType;
import com.atlassian.jira.issue.link.IssueLinkTypeManager;
import com.atlassian.jira.issue.priority.Priority;
import com.atlassian.jira.issue.search.SearchException;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.issue.status.category.StatusCategory;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import com.atlassian.jira.web.bean.PagerFilter;
import com.atlassian.jira.workflow.JiraWorkflow;
import com.atlassian.jira.workflow.WorkflowManager;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.opensymphony.workflow.loader.ActionDescriptor;
import com.opensymphony.workflow.loader.StepDescriptor;
import io.socialdesk.core.inbox.Route;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.tracker.Ticket;
import io.socialdesk.core.tracker.TicketStatus;
import io.socialdesk.core.tracker.TicketTracker;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.jira.store.JiraActiveObjectsAccess;
import io.socialdesk.jira.tracker.JiraIssueTracker;
import io.socialdesk.store.inbox.AoTicketKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * The inbox's tickets as Jira issues in the routed project: the route's issue type (else "Social mention"),
 * component, priority and assignee by name, its labels, the conversation as the description, reported by the
 * account's owner. Jira Service Management request types are a later step (the route carries one already).
 *
 * <p>Jira cannot refuse a second issue with the same key, so each opening holds a cluster lock on its key and goes
 * through {@link AoTicketKeys}: the key is reserved before the issue is created and the issue recorded after; the
 * issue also carries the label {@code sd-<hash of the key>}. A crash between creating and recording leaves a
 * reservation without issue, and the next opening looks for the issue by that label (as the reporter) before creating
 * one. Comments are written once per key under a lock on the key: the inbox's texts are deterministic, so a comment
 * whose body is already on the issue is not written again.
 */
@Named
public final class JiraTickets implements TicketTracker, io.socialdesk.core.tracker.TicketRedaction {
    /** Every inbox issue carries it, besides its route's labels. */
    public static final String INBOX_LABEL = "socialdesk-inbox";
    private static final System.Logger LOG = System.getLogger(JiraTickets.class.getName());
    private static final int LOCK_SECONDS = 30;

    private final IssueService issues;
    private final IssueManager issueManager;
    private final ProjectManager projects;
    private final UserManager users;
    private final ConstantsManager constants;
    private final LabelManager labels;
    private final CommentManager comments;
    private final IssueLinkManager links;
    private final IssueLinkTypeManager linkTypes;
    private final SearchService search;
    private final WorkflowManager workflows;
    private final ClusterLockService locks;
    private final ApplicationProperties application;
    private final AoTicketKeys keys;
    private final Clock clock;

    @Inject
    public JiraTickets(IssueService issues, IssueManager issueManager, ProjectManager projects, UserManager users, ConstantsManager constants,
            LabelManager labels, CommentManager comments, IssueLinkManager links, IssueLinkTypeManager linkTypes, SearchService search,
            WorkflowManager workflows, ClusterLockService locks, ApplicationProperties application, JiraActiveObjectsAccess ao) {
        this(issues, issueManager, projects, users, constants, labels, comments, links, linkTypes, search, workflows, locks, application,
                new AoTicketKeys(ao), Clock.systemUTC());
    }

    JiraTickets(IssueService issues, IssueManager issueManager, ProjectManager projects, UserManager users, ConstantsManager constants,
            LabelManager labels, CommentManager comments, IssueLinkManager links, IssueLinkTypeManager linkTypes, SearchService search,
            WorkflowManager workflows, ClusterLockService locks, ApplicationProperties application, AoTicketKeys keys, Clock clock) {
        this.issues = issues;
        this.issueManager = issueManager;
        this.projects = projects;
        this.users = users;
        this.constants = constants;
        this.labels = labels;
        this.comments = comments;
        this.links = links;
        this.linkTypes = linkTypes;
        this.search = search;
        this.workflows = workflows;
        this.locks = locks;
        this.application = application;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public Optional<TrackedItem> find(String externalKey) {
        return keys.find(externalKey).map(AoTicketKeys.Recorded::ticket);
    }

    @Override
    public TrackedItem open(Ticket ticket) {
        return locked("io.socialdesk.ticket." + keyLabel(ticket.externalKey()), () -> {
            Optional<AoTicketKeys.Recorded> recorded = keys.find(ticket.externalKey());
            if (recorded.isPresent() && recorded.get().ticket() != null) return recorded.get().ticket();
            ApplicationUser reporter = user(ticket.reporter().key());
            if (recorded.isPresent()) {
                // Reserved, and then the node died: the issue may exist. Its label says.
                Optional<TrackedItem> found = byLabel(keyLabel(ticket.externalKey()), reporter);
                if (found.isPresent()) {
                    keys.ticketOf(ticket.externalKey(), found.get());
                    return found.get();
                }
            } else {
                keys.record(ticket.externalKey(), null, clock.instant());
            }
            TrackedItem created = create(ticket, reporter);
            keys.ticketOf(ticket.externalKey(), created);
            return created;
        });
    }

    private TrackedItem create(Ticket ticket, ApplicationUser reporter) {
        Route route = ticket.route();
        Project project = projects.getProjectObjByKey(route.project());
        if (project == null) {
            throw new InvalidInputException("route.project", "unknown-project", "The route names the Jira project " + route.project()
                    + ", which does not exist: a Jira admin creates it, or the routing rules send this elsewhere");
        }
        IssueInputParameters input = issues.newIssueInputParameters()
                .setProjectId(project.getId())
                .setIssueTypeId(issueType(project, route.issueType()).getId())
                .setSummary(ticket.summary())
                .setDescription(ticket.description())
                .setReporterId(reporter.getUsername());
        if (route.priority() != null) priority(route.priority()).ifPresent(p -> input.setPriorityId(p.getId()));
        if (route.component() != null) component(project, route.component()).ifPresent(c -> input.setComponentIds(c.getId()));
        if (route.assignee() != null) {
            ApplicationUser assignee = users.getUserByName(route.assignee());
            if (assignee != null) input.setAssigneeId(assignee.getUsername());
        }
        IssueService.CreateValidationResult validation = issues.validateCreate(reporter, input);
        if (!validation.isValid()) throw JiraIssueTracker.rejectedIssue(validation.getErrorCollection());
        IssueService.IssueResult created = issues.create(reporter, validation);
        if (!created.isValid()) throw JiraIssueTracker.rejectedIssue(created.getErrorCollection());
        MutableIssue issue = created.getIssue();
        Set<String> all = new LinkedHashSet<>();
        route.labels().forEach(label -> all.add(label.replaceAll("\\s+", "-")));
        all.add(INBOX_LABEL);
        all.add(keyLabel(ticket.externalKey()));
        labels.setLabels(reporter, issue.getId(), all, false, false);
        return new TrackedItem(issue.getId(), issue.getKey(), browseUrl(issue.getKey()));
    }

    private Optional<TrackedItem> byLabel(String label, ApplicationUser searcher) {
        SearchService.ParseResult parsed = search.parseQuery(searcher, "labels = \"" + label + "\"");
        if (!parsed.isValid()) return Optional.empty();
        try {
            List<Issue> found = search.search(searcher, parsed.getQuery(), new PagerFilter(0, 1)).getResults();
            return found.stream().findFirst().map(i -> new TrackedItem(i.getId(), i.getKey(), browseUrl(i.getKey())));
        } catch (SearchException e) {
            throw new IllegalStateException("Jira could not search for the issue labelled " + label, e);
        }
    }

    @Override
    public void comment(TrackedItem ticket, String key, String text) {
        locked("io.socialdesk.comment." + keyLabel(ticket.id() + "|" + key), () -> {
            MutableIssue issue = issue(ticket);
            for (Comment existing : comments.getComments(issue)) {
                if (text.equals(existing.getBody())) return null;
            }
            comments.create(issue, issue.getReporter(), text, true);
            return null;
        });
    }

    /**
     * Forgetting a person: Jira keeps no comment keys, so each comment is found by the text the inbox wrote into it (a
     * message's text, or a digest line's first words), under the issue's comment lock; the summary and description are
     * replaced without notifying watchers (nothing new to tell them).
     */
    @Override
    public void redact(TrackedItem ticket, boolean summaryAndDescription, java.util.Map<String, String> texts, String placeholder) {
        locked("io.socialdesk.redact." + ticket.id(), () -> {
            MutableIssue issue = issue(ticket);
            if (summaryAndDescription) {
                issue.setSummary(placeholder);
                issue.setDescription(placeholder);
                issueManager.updateIssue(issue.getReporter(), issue, com.atlassian.jira.event.type.EventDispatchOption.DO_NOT_DISPATCH, false);
            }
            for (Comment existing : comments.getComments(issue)) {
                String body = existing.getBody();
                if (body == null || texts.values().stream().noneMatch(t -> t != null && !t.isEmpty() && body.contains(t))) continue;
                com.atlassian.jira.issue.comments.MutableComment changed = comments.getMutableComment(existing.getId());
                changed.setBody(placeholder);
                comments.update(changed, false);
            }
            return null;
        });
    }

    /**
     * Forgetting a person: their handle leaves the comments Social Desk wrote, which it writes as the issue's reporter
     * (the account's owner); comments by anyone else stay.
     */
    @Override
    public void forgetNames(TrackedItem ticket, java.util.Set<String> names, String replacement) {
        locked("io.socialdesk.redact." + ticket.id(),
                () -> rewriteOwnComments(issue(ticket), body -> io.socialdesk.core.tracker.TicketRedaction.withoutNames(body, names, replacement)));
    }

    /**
     * Forgetting a person: their mentions' links leave every crisis issue (found by the keys they were opened with), in
     * the description (updated without notifying watchers) and in the comments Social Desk wrote as the reporter.
     */
    @Override
    public int forgetCrisisMentions(java.util.Set<String> mentions, String replacement) {
        if (mentions.isEmpty()) return 0;
        int changed = 0;
        for (TrackedItem crisis : keys.ticketsStartingWith(io.socialdesk.core.inbox.crisis.TicketCrisisDesk.KEY_PREFIX)) {
            if (issueManager.getIssueObject(crisis.id()) == null) continue; // deleted since
            boolean touched = locked("io.socialdesk.redact." + crisis.id(), () -> {
                boolean any = false;
                MutableIssue issue = issue(crisis);
                String description = io.socialdesk.core.tracker.TicketRedaction.withoutMentions(issue.getDescription(), mentions, replacement);
                if (description != null && !description.equals(issue.getDescription())) {
                    issue.setDescription(description);
                    issueManager.updateIssue(issue.getReporter(), issue, com.atlassian.jira.event.type.EventDispatchOption.DO_NOT_DISPATCH, false);
                    any = true;
                }
                return rewriteOwnComments(issue, body -> io.socialdesk.core.tracker.TicketRedaction.withoutMentions(body, mentions, replacement)) || any;
            });
            if (touched) changed++;
        }
        return changed;
    }

    /** Rewrites the comments Social Desk wrote (as the issue's reporter) that {@code change} changes; whether any did. */
    private boolean rewriteOwnComments(MutableIssue issue, java.util.function.UnaryOperator<String> change) {
        ApplicationUser reporter = issue.getReporter();
        boolean any = false;
        for (Comment existing : comments.getComments(issue)) {
            String body = existing.getBody();
            if (body == null || reporter == null || existing.getAuthorApplicationUser() == null
                    || !java.util.Objects.equals(reporter.getKey(), existing.getAuthorApplicationUser().getKey())) continue;
            String changed = change.apply(body);
            if (changed.equals(body)) continue;
            com.atlassian.jira.issue.comments.MutableComment edit = comments.getMutableComment(existing.getId());
            edit.setBody(changed);
            comments.update(edit, false);
            any = true;
        }
        return any;
    }

    @Override
    public TicketStatus status(TrackedItem ticket) {
        MutableIssue issue = issue(ticket);
        if (issue.getResolutionDate() != null) return TicketStatus.resolvedAt(issue.getResolutionDate().toInstant());
        Status status = issue.getStatus();
        if (status != null && status.getStatusCategory() != null && StatusCategory.COMPLETE.equals(status.getStatusCategory().getKey())) {
            // Done without a resolution (a workflow that sets none): resolved when it was last changed.
            return TicketStatus.resolvedAt(issue.getUpdated() == null ? Instant.EPOCH : issue.getUpdated().toInstant());
        }
        return TicketStatus.OPEN;
    }

    /** Takes the first valid transition from the current status to a status that is not done, as the reporter, then says why. */
    @Override
    public void reopen(TrackedItem ticket, String why) {
        MutableIssue issue = issue(ticket);
        if (!status(ticket).resolved()) return;
        ApplicationUser actor = issue.getReporter();
        JiraWorkflow workflow = workflows.getWorkflow(issue);
        StepDescriptor step = workflow.getLinkedStep(issue.getStatus());
        boolean reopened = false;
        if (step != null) {
            for (ActionDescriptor action : step.getActions()) {
                int target = action.getUnconditionalResult().getStep();
                if (target < 0) continue;
                Status to = workflow.getLinkedStatusObject(workflow.getDescriptor().getStep(target));
                if (to == null || to.getStatusCategory() == null || StatusCategory.COMPLETE.equals(to.getStatusCategory().getKey())) continue;
                IssueService.TransitionValidationResult validation =
                        issues.validateTransition(actor, issue.getId(), action.getId(), issues.newIssueInputParameters());
                if (validation.isValid() && issues.transition(actor, validation).isValid()) {
                    reopened = true;
                    break;
                }
            }
        }
        if (!reopened) {
            LOG.log(System.Logger.Level.INFO, "No transition of workflow \"" + workflow.getName() + "\" reopens " + ticket.key()
                    + "; the new message is added as a comment");
        }
        comments.create(issue, actor, why, true);
    }

    @Override
    public void link(TrackedItem ticket, TrackedItem earlier) {
        Optional<IssueLinkType> relates = linkTypes.getIssueLinkTypesByName("Relates").stream().findFirst();
        if (relates.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "Jira has no \"Relates\" link type; " + ticket.key() + " names " + earlier.key() + " in its description");
            return;
        }
        for (IssueLink existing : links.getOutwardLinks(ticket.id())) {
            if (existing.getDestinationId() != null && existing.getDestinationId() == earlier.id()) return;
        }
        try {
            links.createIssueLink(ticket.id(), earlier.id(), relates.get().getId(), 1L, issue(ticket).getReporter());
        } catch (CreateException e) {
            throw new IllegalStateException("Jira could not link " + ticket.key() + " to " + earlier.key(), e);
        }
    }

    private MutableIssue issue(TrackedItem ticket) {
        MutableIssue issue = issueManager.getIssueObject(ticket.id());
        if (issue == null) throw new IllegalStateException("The issue " + ticket.key() + " is gone");
        return issue;
    }

    private ApplicationUser user(String key) {
        ApplicationUser user = users.getUserByKey(key);
        if (user == null) throw new InvalidInputException("reporter", "unknown-user", "Jira has no user with key " + key);
        return user;
    }

    /** The route's issue type by name, else "Social mention", as the project offers them. */
    private static IssueType issueType(Project project, String wanted) {
        for (String name : wanted == null ? List.of(JiraIssueTracker.MENTION_TYPE) : List.of(wanted, JiraIssueTracker.MENTION_TYPE)) {
            for (IssueType type : project.getIssueTypes()) {
                if (name.equalsIgnoreCase(type.getName())) return type;
            }
        }
        throw new InvalidInputException("route.issueType", "missing-issue-type", "The Jira project " + project.getKey() + " has no issue type \""
                + (wanted == null ? JiraIssueTracker.MENTION_TYPE : wanted) + "\": a Jira admin adds it to the project's issue type scheme");
    }

    private Optional<Priority> priority(String name) {
        return constants.getPriorities().stream().filter(p -> name.equalsIgnoreCase(p.getName())).findFirst();
    }

    private static Optional<ProjectComponent> component(Project project, String name) {
        return project.getComponents().stream().filter(c -> name.equalsIgnoreCase(c.getName())).findFirst();
    }

    private <T> T locked(String name, Supplier<T> work) {
        Lock lock = locks.getLockForName(name);
        boolean held;
        try {
            held = lock.tryLock(LOCK_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name, e);
        }
        if (!held) throw new IllegalStateException("Another node has held " + name + " for " + LOCK_SECONDS + " s");
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** A Jira label for a key: {@code sd-} and 24 hex digits of its SHA-256 (labels hold no spaces and at most 255 characters). */
    static String keyLabel(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "sd-" + HexFormat.of().formatHex(digest).substring(0, 24).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String browseUrl(String issueKey) {
        String base = application.getBaseUrl(UrlMode.CANONICAL);
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/browse/" + issueKey;
    }
}
