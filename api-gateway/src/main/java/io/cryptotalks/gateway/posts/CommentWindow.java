package io.cryptotalks.gateway.posts;

import io.cryptotalks.gateway.web.ApiError;

/**
 * Which of a post's comments a read returns: page {@code page} (0-based) of {@code pageSize}, oldest first. A post
 * embeds only {@link #FIRST}; the rest are read a page at a time, so neither answer grows with the comments.
 */
record CommentWindow(int page, int pageSize) {

    static final int MAX_PAGE_SIZE = 100;
    static final CommentWindow FIRST = new CommentWindow(0, 50);

    CommentWindow {
        if (page < 0 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw ApiError.BAD_REQUEST.exception("page must be 0 or more and pageSize 1 to " + MAX_PAGE_SIZE);
        }
    }

    long offset() {
        return (long) page * pageSize;
    }

    /** Whether the comment at {@code index} (0-based, oldest first, over all the post's comments) is in the window. */
    boolean contains(long index) {
        return index >= offset() && index < offset() + pageSize;
    }
}
