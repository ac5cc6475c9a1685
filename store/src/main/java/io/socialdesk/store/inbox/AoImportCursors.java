package io.socialdesk.store.inbox;

import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.ImportCursors;
import io.socialdesk.store.ao.AoAccess;
import io.socialdesk.store.ao.StoreException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import net.java.ao.Query;

/** {@link ImportCursors} over Active Objects: one row per account and stream, keyed uniquely by "accountId:STREAM". */
public final class AoImportCursors implements ImportCursors {
    private final AoAccess ao;

    public AoImportCursors(AoAccess ao) {
        this.ao = ao;
    }

    @Override
    public Optional<String> cursor(long accountId, Stream stream) {
        ImportCursorEntity[] rows = ao.find(ImportCursorEntity.class, Query.select().where("CURSOR_KEY = ?", key(accountId, stream)));
        return rows.length == 0 ? Optional.empty() : Optional.ofNullable(rows[0].getCursorValue());
    }

    @Override
    public void save(long accountId, Stream stream, String cursor, Instant at) {
        String key = key(accountId, stream);
        for (int attempt = 1; ; attempt++) {
            try {
                ao.inTransaction(() -> {
                    ImportCursorEntity[] rows = ao.find(ImportCursorEntity.class, Query.select().where("CURSOR_KEY = ?", key));
                    if (rows.length == 0) {
                        ao.create(ImportCursorEntity.class, Map.of("CURSOR_KEY", key, "ACCOUNT_ID", accountId, "STREAM", stream.name(),
                                "CURSOR_VALUE", cursor, "UPDATED_AT", Date.from(at)));
                    } else {
                        rows[0].setCursorValue(cursor);
                        rows[0].setUpdatedAt(Date.from(at));
                        rows[0].save();
                    }
                    return null;
                });
                return;
            } catch (StoreException | IllegalStateException e) {
                // Two savers created the row at once: the second finds it now.
                if (attempt >= 3) throw e;
            }
        }
    }

    private static String key(long accountId, Stream stream) {
        return accountId + ":" + stream.name();
    }
}
