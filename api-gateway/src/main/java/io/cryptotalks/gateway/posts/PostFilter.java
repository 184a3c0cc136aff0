package io.cryptotalks.gateway.posts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WHERE clause of a list query over {@code posts p}, from the request's filters as bound parameters only. A
 * filter that names one author ({@code perAuthor}) selects few rows, which an index finds and counts exactly at once.
 */
record PostFilter(List<String> conditions, Map<String, Object> params, boolean perAuthor) {

    // a deletion is decided at once: a list never shows a deleted post while the worker catches up
    static final String NOT_DELETED =
            "not exists (select 1 from post_heads h where h.post_id = p.id and h.deleted_at is not null)";

    static PostFilter of(PostSearch.Query query) {
        List<String> conditions = new ArrayList<>(List.of(NOT_DELETED));
        Map<String, Object> params = new LinkedHashMap<>();
        boolean perAuthor = false;
        if (query.username() != null && !query.username().isBlank()) {
            conditions.add("lower(p.username) = lower(:username)");
            params.put("username", query.username().trim());
            perAuthor = true;
        }
        if (query.authorId() != null) {
            conditions.add("p.user_id = :authorId");
            params.put("authorId", query.authorId());
            perAuthor = true;
        }
        if (query.tags() != null && !query.tags().isEmpty()) {
            conditions.add("p.search_tags && cast(:tags as varchar[])");
            params.put("tags", query.tags().toArray(String[]::new));
        }
        return new PostFilter(List.copyOf(conditions), params, perAuthor);
    }

    /** This filter and one more condition, with its parameter. */
    PostFilter and(String condition, String name, Object value) {
        List<String> more = new ArrayList<>(conditions);
        more.add(condition);
        Map<String, Object> moreParams = new LinkedHashMap<>(params);
        moreParams.put(name, value);
        return new PostFilter(List.copyOf(more), moreParams, perAuthor);
    }

    String where() {
        return " where " + String.join(" and ", conditions);
    }

    /** Equal for equal filters (arrays compared by their elements), to key the count cache. */
    List<Object> key() {
        List<Object> key = new ArrayList<>(conditions);
        params.forEach((name, value) -> {
            key.add(name);
            key.add(value instanceof Object[] array ? Arrays.asList(array) : value);
        });
        return key;
    }
}
