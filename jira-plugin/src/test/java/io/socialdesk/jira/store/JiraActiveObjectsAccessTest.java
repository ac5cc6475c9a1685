package io.socialdesk.jira.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.sal.api.transaction.TransactionCallback;
import io.socialdesk.core.problem.NotFoundException;
import io.socialdesk.store.ao.StoreException;
import io.socialdesk.store.post.PostEntity;
import java.util.Map;
import net.java.ao.Query;
import org.junit.jupiter.api.Test;

class JiraActiveObjectsAccessTest {
    private final ActiveObjects ao = mock(ActiveObjects.class);
    private final JiraActiveObjectsAccess access = new JiraActiveObjectsAccess(ao);
    private final PostEntity post = mock(PostEntity.class);

    @Test
    void delegatesEveryOperationToActiveObjects() {
        Query query = Query.select();
        Map<String, Object> values = Map.of("TITLE", "Hello");
        when(ao.create(PostEntity.class, values)).thenReturn(post);
        when(ao.get(PostEntity.class, 7)).thenReturn(post);
        when(ao.find(PostEntity.class, query)).thenReturn(new PostEntity[] {post});
        when(ao.count(PostEntity.class, query)).thenReturn(1);

        assertThat(access.create(PostEntity.class, values)).isSameAs(post);
        assertThat(access.get(PostEntity.class, 7)).isSameAs(post);
        assertThat(access.find(PostEntity.class, query)).containsExactly(post);
        assertThat(access.count(PostEntity.class, query)).isEqualTo(1);
        access.delete(post);
        verify(ao).delete(post);
    }

    @Test
    void runsWorkInAnActiveObjectsTransaction() {
        when(ao.executeInTransaction(any())).thenAnswer(call -> call.<TransactionCallback<?>>getArgument(0).doInTransaction());
        assertThat(access.inTransaction(() -> "done")).isEqualTo("done");
        verify(ao).executeInTransaction(any());
    }

    @Test
    void letsTheWorksOwnExceptionsThroughUnchanged() {
        when(ao.executeInTransaction(any())).thenAnswer(call -> call.<TransactionCallback<?>>getArgument(0).doInTransaction());
        assertThatThrownBy(() -> access.inTransaction(() -> { throw new NotFoundException("No post with id 3"); }))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void turnsDatabaseFailuresIntoStoreExceptionsWithoutValues() {
        when(ao.create(any(), any(Map.class))).thenThrow(new IllegalStateException("ORA-01401: value 'secret' too large"));
        assertThatThrownBy(() -> access.create(PostEntity.class, Map.of("TITLE", "secret")))
                .isInstanceOf(StoreException.class)
                .hasMessage("Active Objects could not create PostEntity")
                .hasRootCauseInstanceOf(IllegalStateException.class);
    }
}
