package io.socialdesk.core.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** docs/workflow.md embeds the table {@link PostWorkflow#renderMarkdown()} prints; they must not drift apart. */
class WorkflowDocTest {
    static final String START = "<!-- workflow-table:start -->\n";
    static final String END = "<!-- workflow-table:end -->";

    static Path doc() {
        String root = System.getProperty("socialdesk.repo.root");
        if (root != null && !root.isBlank() && Files.isRegularFile(Paths.get(root, "docs", "workflow.md"))) {
            return Paths.get(root, "docs", "workflow.md");
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/workflow.md"))) return dir.resolve("docs/workflow.md");
        }
        throw new IllegalStateException("docs/workflow.md not found");
    }

    @Test
    void theDocumentedTableIsTheWorkflow() throws IOException {
        String text = Files.readString(doc(), StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertThat(start).as("the start marker").isNotNegative();
        assertThat(end).as("the end marker").isGreaterThan(start);
        assertThat(text.substring(start + START.length(), end))
                .as("paste PostWorkflow.get().renderMarkdown() between the markers of docs/workflow.md")
                .isEqualTo(PostWorkflow.get().renderMarkdown());
    }

    @Test
    void theDocumentedRuleIdsAreTheShippedOnes() throws IOException {
        String text = Files.readString(doc(), StandardCharsets.UTF_8);
        for (ContentRule rule : ContentRules.defaults().rules()) assertThat(text).contains("`" + rule.id() + "`");
    }
}
