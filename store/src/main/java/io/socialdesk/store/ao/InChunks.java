package io.socialdesk.store.ao;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Reads by a list of values in as few queries as the databases allow: {@code IN (?, ...)} with at most
 * {@link #MAX} values each (Oracle, under Jira, refuses more than 1,000 in one list).
 */
public final class InChunks {
    public static final int MAX = 500;

    private InChunks() {}

    /** The rows of {@code type} of each of these posts, in insertion order (by ID), as values; an empty list for a post with none. */
    public static <E extends net.java.ao.RawEntity<K>, K, V> java.util.Map<Long, List<V>> byPost(AoAccess ao, Class<E> type, Collection<Long> postIds,
            java.util.function.ToLongFunction<E> postId, java.util.function.Function<E, V> value) {
        return byPost(ao, type, postIds, "", new Object[0], postId, value);
    }

    /**
     * The same, of the rows that also meet {@code condition} (SQL, {@code " AND ..."}, or empty) with its parameters. Read
     * only ({@link AoAccess#read}): the values are built from the rows, which are never saved.
     */
    public static <E extends net.java.ao.RawEntity<K>, K, V> java.util.Map<Long, List<V>> byPost(AoAccess ao, Class<E> type, Collection<Long> postIds,
            String condition, Object[] parameters, java.util.function.ToLongFunction<E> postId, java.util.function.Function<E, V> value) {
        java.util.Map<Long, List<V>> all = new java.util.HashMap<>();
        for (long id : postIds) all.put(id, new ArrayList<>());
        each(postIds, (in, ids) -> {
            Object[] values = java.util.Arrays.copyOf(ids, ids.length + parameters.length);
            System.arraycopy(parameters, 0, values, ids.length, parameters.length);
            for (E row : ao.read(type, net.java.ao.Query.select().where("POST_ID " + in + condition, values).order("ID ASC"))) {
                all.get(postId.applyAsLong(row)).add(value.apply(row));
            }
        });
        return all;
    }

    /** Calls {@code read} with {@code "IN (?, ?, ...)"} and its values, once per chunk of distinct {@code values}; never with none. */
    public static void each(Collection<?> values, BiConsumer<String, Object[]> read) {
        List<Object> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(values));
        for (int from = 0; from < distinct.size(); from += MAX) {
            List<Object> chunk = distinct.subList(from, Math.min(distinct.size(), from + MAX));
            read.accept("IN (" + "?, ".repeat(chunk.size() - 1) + "?)", chunk.toArray());
        }
    }
}
