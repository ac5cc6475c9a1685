package io.socialdesk.jira.setup;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.approval.Action;
import io.socialdesk.core.approval.PostWorkflow;
import io.socialdesk.core.approval.StateNames;
import io.socialdesk.core.approval.Transition;
import io.socialdesk.core.post.PostState;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The shipped default workflow is PostWorkflow's: every state a status, every state change a transition with the right modules. */
class PostWorkflowXmlTest {
    private record JiraTransition(PostState from, String name, PostState to, List<String> modules) {}

    @Test
    void theShippedXmlIsWhatPostWorkflowGenerates() {
        assertThat(PostWorkflowXml.shipped())
                .as("regenerate " + PostWorkflowXml.RESOURCE + " from PostWorkflowXml.render() after changing PostWorkflow")
                .isEqualTo(PostWorkflowXml.render());
    }

    @Test
    void everyStateIsAStepNamedAsDocsWorkflowMdNamesIt() throws Exception {
        Document xml = parse(PostWorkflowXml.shipped());
        NodeList steps = xml.getElementsByTagName("step");
        assertThat(steps.getLength()).isEqualTo(PostState.values().length);
        for (PostState state : PostState.values()) {
            Element step = (Element) steps.item(PostWorkflowXml.step(state) - 1);
            assertThat(step.getAttribute("name")).isEqualTo(StateNames.label(state));
            assertThat(step.getElementsByTagName("meta").item(0).getTextContent()).isEqualTo(PostWorkflowXml.placeholder(state));
        }
    }

    @Test
    void everyStateChangeOfPostWorkflowIsATransitionWithTheRightStatuses() throws Exception {
        List<JiraTransition> jira = transitions(parse(PostWorkflowXml.shipped()));
        for (Transition t : PostWorkflow.get().transitions()) {
            List<PostState> targets = new ArrayList<>(List.of(t.to()));
            t.otherwise().ifPresent(targets::add);
            for (PostState to : targets) {
                if (to == t.from()) continue;
                assertThat(jira).as(t.from() + " " + t.action() + " -> " + to)
                        .anySatisfy(j -> {
                            assertThat(j.from()).isEqualTo(t.from());
                            assertThat(j.to()).isEqualTo(to);
                            assertThat(j.name()).startsWith(PostWorkflowXml.transitionName(t.action()));
                        });
            }
        }
        assertThat(jira).allSatisfy(j -> assertThat(PostWorkflow.get().transitions()).anySatisfy(t -> {
            assertThat(t.from()).isEqualTo(j.from());
            assertThat(j.to() == t.to() || t.otherwise().equals(java.util.Optional.of(j.to()))).isTrue();
        }));
    }

    @Test
    void submitAndScheduleCarryTheModulesAndEveryOtherTransitionIsSocialDesksOnly() throws Exception {
        for (JiraTransition j : transitions(parse(PostWorkflowXml.shipped()))) {
            if (j.name().equals(PostWorkflowXml.transitionName(Action.SUBMIT))) {
                assertThat(j.modules()).containsExactly(PostWorkflowXml.CONTENT_VALID, PostWorkflowXml.REQUEST_APPROVALS);
            } else if (j.name().equals(PostWorkflowXml.transitionName(Action.SCHEDULE))) {
                assertThat(j.modules()).containsExactly(PostWorkflowXml.APPROVALS_COMPLETE, PostWorkflowXml.CONTENT_VALID,
                        PostWorkflowXml.SCHEDULE_FOR_PUBLISHING);
            } else if (j.to() == PostState.APPROVED && j.from() == PostState.IN_REVIEW) {
                assertThat(j.modules()).containsExactly(PostWorkflowXml.SOCIAL_DESK_ONLY, PostWorkflowXml.APPROVALS_COMPLETE);
            } else {
                assertThat(j.modules()).as(j.toString()).containsExactly(PostWorkflowXml.SOCIAL_DESK_ONLY);
            }
        }
    }

    @Test
    void theSetUpFillsInEveryStatusId() {
        Map<PostState, String> ids = new EnumMap<>(PostState.class);
        for (PostState state : PostState.values()) ids.put(state, Integer.toString(20000 + state.ordinal()));
        String filled = PostWorkflowXml.withStatusIds(PostWorkflowXml.shipped(), ids);
        assertThat(filled).doesNotContain("@status.").contains("<meta name=\"jira.status.id\">20003</meta>");
    }

    private static List<JiraTransition> transitions(Document xml) {
        Map<Integer, PostState> byStep = new HashMap<>();
        for (PostState state : PostState.values()) byStep.put(PostWorkflowXml.step(state), state);
        List<JiraTransition> found = new ArrayList<>();
        NodeList steps = xml.getElementsByTagName("step");
        for (int i = 0; i < steps.getLength(); i++) {
            Element step = (Element) steps.item(i);
            PostState from = byStep.get(Integer.parseInt(step.getAttribute("id")));
            NodeList actions = step.getElementsByTagName("action");
            for (int a = 0; a < actions.getLength(); a++) {
                Element action = (Element) actions.item(a);
                Element result = (Element) action.getElementsByTagName("unconditional-result").item(0);
                List<String> modules = new ArrayList<>();
                NodeList args = action.getElementsByTagName("arg");
                for (int g = 0; g < args.getLength(); g++) {
                    Element arg = (Element) args.item(g);
                    if (arg.getAttribute("name").equals("full.module.key")) {
                        modules.add(arg.getTextContent().substring(PostWorkflowXml.PLUGIN_KEY.length()));
                    }
                }
                found.add(new JiraTransition(from, action.getAttribute("name"), byStep.get(Integer.parseInt(result.getAttribute("step"))), modules));
            }
        }
        return found;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
