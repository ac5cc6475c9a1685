package io.socialdesk.store.inbox;

import io.socialdesk.core.inbox.crisis.Baseline;
import io.socialdesk.core.inbox.crisis.CrisisState;
import io.socialdesk.core.inbox.crisis.CrisisStates;
import io.socialdesk.core.inbox.crisis.Mention;
import io.socialdesk.core.text.TabbedLines;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.store.ao.AoAccess;
import io.socialdesk.store.ao.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.java.ao.Query;

/**
 * {@link CrisisStates} in Active Objects: one row per account. Writes are last-writer-wins: the watch serialises one
 * account's calls within a node, and the import that feeds it runs on one node at a time (webhooks filed on two nodes
 * at the same instant can lose one count, which moves a usual level by a fraction of a mention).
 */
public final class AoCrisisStates implements CrisisStates {
    private final AoAccess ao;

    public AoCrisisStates(AoAccess ao) {
        this.ao = ao;
    }

    @Override
    public CrisisState get(String accountId) {
        CrisisStateEntity row = row(accountId);
        return row == null ? null : state(row);
    }

    @Override
    public void put(String accountId, CrisisState state) {
        for (int attempt = 1; ; attempt++) {
            try {
                ao.inTransaction(() -> {
                    CrisisStateEntity row = row(accountId);
                    if (row == null) {
                        Map<String, Object> values = new HashMap<>();
                        values.put("ACCOUNT_KEY", accountId);
                        row = ao.create(CrisisStateEntity.class, values);
                    }
                    write(row, state);
                    row.save();
                    return null;
                });
                return;
            } catch (StoreException | IllegalStateException e) {
                // Two nodes created the account's row at once: the second finds it now.
                if (attempt >= 3) throw e;
            }
        }
    }

    @Override
    public Set<String> accounts() {
        Set<String> keys = new LinkedHashSet<>();
        for (CrisisStateEntity row : ao.find(CrisisStateEntity.class, Query.select().order("ID"))) keys.add(row.getAccountKey());
        return keys;
    }

    private CrisisStateEntity row(String accountId) {
        CrisisStateEntity[] rows = ao.find(CrisisStateEntity.class, Query.select().where("ACCOUNT_KEY = ?", accountId));
        return rows.length == 0 ? null : rows[0];
    }

    private static void write(CrisisStateEntity row, CrisisState s) {
        Baseline b = s.baseline();
        row.setBucket(b.bucket());
        row.setWindowCount(b.count());
        row.setMean(b.mean());
        row.setVariance(b.variance());
        row.setWindows(b.windows());
        row.setSpike(b.spike());
        row.setCalm(b.calm());
        row.setTicketId(s.ticket() == null ? 0 : s.ticket().id());
        row.setTicketKey(s.ticket() == null ? null : s.ticket().key());
        row.setTicketUrl(s.ticket() == null ? null : s.ticket().url());
        row.setNegatives(s.negatives());
        row.setLinked(s.linked());
        StringBuilder pending = new StringBuilder();
        for (Mention m : s.pending()) {
            TabbedLines.line(pending, Arrays.asList(m.externalId(), nullable(m.url()), m.at().toString(), nullable(m.ticketKey())));
        }
        row.setPending(pending.toString());
    }

    private static CrisisState state(CrisisStateEntity row) {
        Baseline b = new Baseline(row.getBucket(), row.getWindowCount(), row.getMean(), row.getVariance(), row.getWindows(), row.getSpike(),
                row.getCalm());
        TrackedItem ticket = row.getTicketKey() == null ? null : new TrackedItem(row.getTicketId(), row.getTicketKey(), row.getTicketUrl());
        List<Mention> pending = new ArrayList<>();
        if (row.getPending() != null) {
            for (List<String> f : TabbedLines.lines(row.getPending())) {
                pending.add(new Mention(f.get(0), blank(f.get(1)), Instant.parse(f.get(2)), blank(f.get(3))));
            }
        }
        return new CrisisState(b, ticket, row.getNegatives(), row.getLinked(), pending);
    }

    private static String nullable(String s) {
        return s == null ? "" : s;
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
