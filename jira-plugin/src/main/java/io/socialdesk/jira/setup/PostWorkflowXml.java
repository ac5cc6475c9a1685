package io.socialdesk.jira.setup;

import io.socialdesk.core.approval.Action;
import io.socialdesk.core.approval.PostWorkflow;
import io.socialdesk.core.approval.StateNames;
import io.socialdesk.core.approval.Transition;
import io.socialdesk.core.approval.Who;
import io.socialdesk.core.post.PostState;
import io.socialdesk.jira.workflow.ApprovalsCompleteCondition;
import io.socialdesk.jira.workflow.ContentValidForNetworksValidator;
import io.socialdesk.jira.workflow.RequestApprovalsFunction;
import io.socialdesk.jira.workflow.ScheduleForPublishingFunction;
import io.socialdesk.jira.workflow.SocialDeskOnlyCondition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The default Jira workflow "Social Desk post workflow", written from {@link PostWorkflow}: one step
 * (and status) per engine state, named as docs/workflow.md names it, and one transition per row
 * that changes the state, named as the row's action. People take "Submit for review" (validator:
 * content valid; post-function: request approvals) and "Schedule" (condition: approvals complete;
 * validator; post-function: schedule) in Jira; every other transition carries "Only Social Desk",
 * so Jira follows the engine and nobody moves the issue where the post is not.
 *
 * <p>The shipped copy ({@value #RESOURCE}, readable by admins who build their own workflow) is this
 * class's output; a test keeps the two equal. Status ids are placeholders ({@code @status.DRAFT@})
 * that the set-up fills in with the ids of the statuses it finds or creates.
 */
public final class PostWorkflowXml {
    public static final String RESOURCE = "workflow/social-desk-post-workflow.xml";
    public static final String NAME = "Social Desk post workflow";
    static final String PLUGIN_KEY = "io.socialdesk.jira";
    /** Module keys in atlassian-plugin.xml; Jira's full module key is the plugin key and the module key run together. */
    public static final String APPROVALS_COMPLETE = "socialdesk-approvals-complete";
    public static final String SOCIAL_DESK_ONLY = "socialdesk-only";
    public static final String CONTENT_VALID = "socialdesk-content-valid";
    public static final String REQUEST_APPROVALS = "socialdesk-request-approvals";
    public static final String SCHEDULE_FOR_PUBLISHING = "socialdesk-schedule-for-publishing";
    private static final int GENERIC_EVENT = 13;

    private PostWorkflowXml() {}

    /** The placeholder for a state's status id. */
    public static String placeholder(PostState state) {
        return "@status." + state.name() + "@";
    }

    /** The step id of a state: its position in {@link PostState}, from 1. */
    public static int step(PostState state) {
        return state.ordinal() + 1;
    }

    /** The transition's name in Jira: the action's words, capitalised ("Request changes"). */
    public static String transitionName(Action action) {
        String label = action.label();
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    /** The shipped XML, status ids still as placeholders. */
    public static String shipped() {
        try (InputStream in = PostWorkflowXml.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The XML with each state's placeholder replaced by its Jira status id. */
    public static String withStatusIds(String xml, Map<PostState, String> statusIds) {
        String filled = xml;
        for (PostState state : PostState.values()) {
            String id = statusIds.get(state);
            if (id == null) throw new IllegalArgumentException("no status id for " + state);
            filled = filled.replace(placeholder(state), id);
        }
        return filled;
    }

    /** Writes the workflow from {@link PostWorkflow}. */
    public static String render() {
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<!DOCTYPE workflow PUBLIC \"-//OpenSymphony Group//DTD OSWorkflow 2.8//EN\" \"http://www.opensymphony.com/osworkflow/workflow_2_8.dtd\">\n");
        x.append("<!-- Generated from io.socialdesk.core.approval.PostWorkflow by io.socialdesk.jira.setup.PostWorkflowXml; do not edit by hand. -->\n");
        x.append("<workflow>\n");
        x.append("  <meta name=\"jira.description\">Social Desk: a social post from draft to published; Jira follows the post's state.</meta>\n");
        x.append("  <initial-actions>\n");
        x.append("    <action id=\"1\" name=\"Create\">\n");
        x.append("      <validators>\n");
        x.append("        <validator name=\"\" type=\"class\">\n");
        x.append("          <arg name=\"permission\">Create Issue</arg>\n");
        x.append("          <arg name=\"class.name\">com.atlassian.jira.workflow.validator.PermissionValidator</arg>\n");
        x.append("        </validator>\n");
        x.append("      </validators>\n");
        x.append("      <results>\n");
        x.append("        <unconditional-result old-status=\"null\" status=\"open\" step=\"").append(step(PostState.DRAFT)).append("\">\n");
        x.append("          <post-functions>\n");
        jiraFunction(x, "com.atlassian.jira.workflow.function.issue.IssueCreateFunction");
        jiraFunction(x, "com.atlassian.jira.workflow.function.issue.IssueReindexFunction");
        x.append("            <function type=\"class\">\n");
        x.append("              <arg name=\"class.name\">com.atlassian.jira.workflow.function.event.FireIssueEventFunction</arg>\n");
        x.append("              <arg name=\"eventTypeId\">1</arg>\n");
        x.append("            </function>\n");
        x.append("          </post-functions>\n");
        x.append("        </unconditional-result>\n");
        x.append("      </results>\n");
        x.append("    </action>\n");
        x.append("  </initial-actions>\n");
        x.append("  <steps>\n");
        int nextAction = 11;
        for (PostState state : PostState.values()) {
            x.append("    <step id=\"").append(step(state)).append("\" name=\"").append(StateNames.label(state)).append("\">\n");
            x.append("      <meta name=\"jira.status.id\">").append(placeholder(state)).append("</meta>\n");
            List<String> actions = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (Transition t : PostWorkflow.get().transitions()) {
                if (t.from() != state) continue;
                List<PostState> targets = new ArrayList<>(List.of(t.to()));
                t.otherwise().ifPresent(targets::add);
                for (PostState target : targets) {
                    if (target == state) continue;
                    String name = transitionName(t.action());
                    if (!names.add(name)) name = name + " to " + StateNames.label(target);
                    actions.add(action(nextAction++, name, t, target));
                }
            }
            if (!actions.isEmpty()) {
                x.append("      <actions>\n");
                actions.forEach(x::append);
                x.append("      </actions>\n");
            }
            x.append("    </step>\n");
        }
        x.append("  </steps>\n");
        x.append("</workflow>\n");
        return x.toString();
    }

    private static String action(int id, String name, Transition t, PostState target) {
        boolean people = !t.who().equals(Set.of(Who.SYSTEM));
        boolean submit = people && t.action() == Action.SUBMIT;
        boolean schedule = people && t.action() == Action.SCHEDULE;
        List<String[]> conditions = new ArrayList<>();
        if (!submit && !schedule) conditions.add(module(SOCIAL_DESK_ONLY, SocialDeskOnlyCondition.class));
        if (schedule || target == PostState.APPROVED && t.action() == Action.APPROVE) {
            conditions.add(module(APPROVALS_COMPLETE, ApprovalsCompleteCondition.class));
        }
        StringBuilder a = new StringBuilder();
        a.append("        <action id=\"").append(id).append("\" name=\"").append(name).append("\">\n");
        a.append("          <meta name=\"jira.description\">").append(describe(t, target)).append("</meta>\n");
        if (!conditions.isEmpty()) {
            a.append("          <restrict-to>\n");
            a.append("            <conditions type=\"AND\">\n");
            for (String[] c : conditions) {
                a.append("              <condition type=\"class\">\n");
                args(a, "                ", c);
                a.append("              </condition>\n");
            }
            a.append("            </conditions>\n");
            a.append("          </restrict-to>\n");
        }
        if (submit || schedule) {
            a.append("          <validators>\n");
            a.append("            <validator name=\"\" type=\"class\">\n");
            args(a, "              ", module(CONTENT_VALID, ContentValidForNetworksValidator.class));
            a.append("            </validator>\n");
            a.append("          </validators>\n");
        }
        a.append("          <results>\n");
        a.append("            <unconditional-result old-status=\"null\" status=\"null\" step=\"").append(step(target)).append("\">\n");
        a.append("              <post-functions>\n");
        // Ours first: when the engine refuses, nothing has changed on the issue yet.
        if (submit) ourFunction(a, module(REQUEST_APPROVALS, RequestApprovalsFunction.class));
        if (schedule) ourFunction(a, module(SCHEDULE_FOR_PUBLISHING, ScheduleForPublishingFunction.class));
        for (String jira : List.of("com.atlassian.jira.workflow.function.issue.UpdateIssueStatusFunction",
                "com.atlassian.jira.workflow.function.misc.CreateCommentFunction",
                "com.atlassian.jira.workflow.function.issue.GenerateChangeHistoryFunction",
                "com.atlassian.jira.workflow.function.issue.IssueReindexFunction")) {
            a.append("                <function type=\"class\">\n");
            a.append("                  <arg name=\"class.name\">").append(jira).append("</arg>\n");
            a.append("                </function>\n");
        }
        a.append("                <function type=\"class\">\n");
        a.append("                  <arg name=\"class.name\">com.atlassian.jira.workflow.function.event.FireIssueEventFunction</arg>\n");
        a.append("                  <arg name=\"eventTypeId\">").append(GENERIC_EVENT).append("</arg>\n");
        a.append("                </function>\n");
        a.append("              </post-functions>\n");
        a.append("            </unconditional-result>\n");
        a.append("          </results>\n");
        a.append("        </action>\n");
        return a.toString();
    }

    private static String describe(Transition t, PostState target) {
        String how = t.who().equals(Set.of(Who.SYSTEM)) ? "Taken by Social Desk's publishing engine."
                : t.action() == Action.SUBMIT || t.action() == Action.SCHEDULE ? "Taken in Jira or in the Social Desk panel."
                : "Take it in the Social Desk panel; Jira follows.";
        return StateNames.label(t.from()) + " to " + StateNames.label(target) + ". " + how;
    }

    private static String[] module(String key, Class<?> type) {
        return new String[] {PLUGIN_KEY + key, type.getName()};
    }

    private static void args(StringBuilder a, String indent, String[] module) {
        a.append(indent).append("<arg name=\"full.module.key\">").append(module[0]).append("</arg>\n");
        a.append(indent).append("<arg name=\"class.name\">").append(module[1]).append("</arg>\n");
    }

    private static void ourFunction(StringBuilder a, String[] module) {
        a.append("                <function type=\"class\">\n");
        args(a, "                  ", module);
        a.append("                </function>\n");
    }

    private static void jiraFunction(StringBuilder x, String className) {
        x.append("            <function type=\"class\">\n");
        x.append("              <arg name=\"class.name\">").append(className).append("</arg>\n");
        x.append("            </function>\n");
    }
}
