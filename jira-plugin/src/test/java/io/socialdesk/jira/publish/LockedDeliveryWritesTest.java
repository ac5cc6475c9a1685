package io.socialdesk.jira.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;
import io.socialdesk.store.ao.AoAccess;
import io.socialdesk.store.ao.StoreException;
import io.socialdesk.store.publish.DeliveryEntity;
import io.socialdesk.store.publish.LockedDeliveryWrites;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.java.ao.Query;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/** Jira's claim on a delivery: its cluster lock, then the revision checked under it; either missing, nothing is written. */
class LockedDeliveryWritesTest {
    private final AoAccess ao = mock(AoAccess.class);
    private final ClusterLockService locks = mock(ClusterLockService.class);
    private final ClusterLock lock = mock(ClusterLock.class);
    private final LockedDeliveryWrites writes = new LockedDeliveryWrites(ao, locks::getLockForName);
    private final Map<String, Object> columns = new LinkedHashMap<>();

    @BeforeEach
    void setUp() {
        when(locks.getLockForName("io.socialdesk.delivery.42")).thenReturn(lock);
        when(ao.inTransaction(any())).thenAnswer(call -> ((Supplier<?>) call.getArgument(0)).get());
        columns.put("STATE", "IN_FLIGHT");
        columns.put("ATTEMPTS", 1);
        columns.put("NEXT_AT", new Date(120_000));
        columns.put("OWNER", "node-2");
        columns.put("SENT_AT", null);
    }

    @Test
    void aLockNotHadWritesNothing() throws InterruptedException {
        when(lock.tryLock(5, TimeUnit.SECONDS)).thenReturn(false);

        assertThat(writes.replaceIfRevision(42, 3, columns)).isFalse();

        verifyNoInteractions(ao);
        verify(lock, never()).unlock();
    }

    @Test
    void aRevisionThatMovedWritesNothingAndReleasesTheLock() throws InterruptedException {
        when(lock.tryLock(5, TimeUnit.SECONDS)).thenReturn(true);
        when(ao.find(eq(DeliveryEntity.class), any(Query.class))).thenReturn(new DeliveryEntity[0]);

        assertThat(writes.replaceIfRevision(42, 3, columns)).isFalse();

        ArgumentCaptor<Query> query = ArgumentCaptor.forClass(Query.class);
        verify(ao).find(eq(DeliveryEntity.class), query.capture());
        assertThat(query.getValue().getWhereClause()).isEqualTo("ID = ? AND REVISION = ?");
        assertThat(query.getValue().getWhereParams()).containsExactly(42L, 3);
        verify(lock).unlock();
    }

    @Test
    void underTheLockAtTheExpectedRevisionTheRowIsWrittenAsTheNextRevision() throws InterruptedException {
        when(lock.tryLock(5, TimeUnit.SECONDS)).thenReturn(true);
        DeliveryEntity row = mock(DeliveryEntity.class);
        when(ao.find(eq(DeliveryEntity.class), any(Query.class))).thenReturn(new DeliveryEntity[] {row});

        assertThat(writes.replaceIfRevision(42, 3, columns)).isTrue();

        InOrder order = inOrder(lock, ao, row);
        order.verify(lock).tryLock(5, TimeUnit.SECONDS);
        order.verify(ao).inTransaction(any());
        order.verify(row).setState("IN_FLIGHT");
        order.verify(row).setRevision(4);
        order.verify(row).save();
        order.verify(lock).unlock();
        verify(row).setAttempts(1);
        verify(row).setNextAt(new Date(120_000));
        verify(row).setOwner("node-2");
        verify(row).setSentAt(null);
    }

    @Test
    void theLockIsReleasedWhenTheWriteFails() throws InterruptedException {
        when(lock.tryLock(5, TimeUnit.SECONDS)).thenReturn(true);
        when(ao.find(eq(DeliveryEntity.class), any(Query.class))).thenThrow(new StoreException("database gone", null));

        assertThatThrownBy(() -> writes.replaceIfRevision(42, 3, columns)).isInstanceOf(StoreException.class);

        verify(lock).unlock();
    }

    @Test
    void anInterruptedWaitForTheLockWritesNothing() throws InterruptedException {
        when(lock.tryLock(5, TimeUnit.SECONDS)).thenThrow(new InterruptedException());

        assertThat(writes.replaceIfRevision(42, 3, columns)).isFalse();

        assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
        verifyNoInteractions(ao);
    }
}
