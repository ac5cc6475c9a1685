package io.socialdesk.store.inbox;

import io.socialdesk.store.ao.AoAccess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import net.java.ao.Query;
import net.java.ao.RawEntity;

/** Rows whose column is one of many values, read {@value #SIZE} bind parameters at a time (databases cap a statement's parameters). */
final class InChunks {
    static final int SIZE = 500;

    private InChunks() {}

    /** {@code fields} null: every column; {@code andBefore} (e.g. {@code "STATE = ? AND "}) with its {@code before} parameters. */
    static <T extends RawEntity<Integer>> List<T> find(AoAccess ao, Class<T> type, String fields, String column, Collection<?> values, String andBefore,
            Object... before) {
        List<T> out = new ArrayList<>();
        List<?> all = new ArrayList<>(new LinkedHashSet<>(values));
        for (int from = 0; from < all.size(); from += SIZE) {
            List<?> chunk = all.subList(from, Math.min(all.size(), from + SIZE));
            List<Object> parameters = new ArrayList<>(Arrays.asList(before));
            parameters.addAll(chunk);
            String in = chunk.stream().map(v -> "?").collect(Collectors.joining(", "));
            Query query = (fields == null ? Query.select() : Query.select(fields)).where(andBefore + column + " IN (" + in + ")", parameters.toArray());
            out.addAll(Arrays.asList(ao.find(type, query)));
        }
        return out;
    }
}
