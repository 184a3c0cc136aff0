package io.cryptotalks.gateway.posts;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.posts.Cashtag;
import io.cryptotalks.common.events.posts.CommentAdded;
import io.cryptotalks.common.events.posts.CommentRated;
import io.cryptotalks.common.events.posts.PostCreated;
import io.cryptotalks.common.events.posts.PostRated;
import io.cryptotalks.common.events.posts.PostUpdated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A post as the reader should see it: the posts-service's projection with the post's events that are still on their
 * way applied on top, by the same rules the worker applies (toggling votes included). It holds one window of the
 * comments (all of them would grow without bound) with the count of all, and only the votes the overlay needs: the
 * caller's, and those of the users with a vote still on its way (a toggle needs their previous vote to move the
 * rating right); the ratings themselves are the projection's counters.
 */
final class PostView {

    UUID id;
    UUID userId;
    String username;
    String title;
    String slug;
    List<String> content;
    String preview;
    List<String> searchTags;
    /** The coins the post names, each with its price when first named. */
    List<Cashtag> cashtags = List.of();

    Instant createdAt;
    Instant updatedAt;
    int rating;
    /** All the post's comments, the window's and the others, pending ones included. */
    long commentsCount;

    final CommentWindow window;
    final Map<UUID, Vote> votes = new LinkedHashMap<>();
    /** The comments in {@link #window}, oldest first. */
    final List<Comment> comments = new ArrayList<>();

    PostView(CommentWindow window) {
        this.window = window;
    }

    record Vote(String username, String rate) {}

    static final class Comment {
        final UUID id;
        final UUID userId;
        final String username;
        final String payload;
        final Instant createdAt;
        int rating;
        final Map<UUID, Vote> votes = new LinkedHashMap<>();

        Comment(UUID id, UUID userId, String username, String payload, Instant createdAt, int rating) {
            this.id = id;
            this.userId = userId;
            this.username = username;
            this.payload = payload;
            this.createdAt = createdAt;
            this.rating = rating;
        }
    }

    /** Applies one pending event; returns the view (a new one for a post not yet in the projection). */
    static PostView apply(PostView view, CommentWindow window, DomainEvent event, Instant occurredAt) {
        if (event instanceof PostCreated created) {
            PostView post = view != null ? view : new PostView(window);
            post.id = created.postId();
            post.userId = created.userId();
            post.username = created.username();
            post.title = created.title();
            post.slug = created.slug();
            post.content = created.content();
            post.preview = created.preview();
            post.searchTags = created.searchTags();
            post.cashtags = created.cashtags();
            post.createdAt = post.createdAt == null ? occurredAt : post.createdAt;
            post.updatedAt = occurredAt;
            return post;
        }
        if (view == null) {
            return null;
        }
        if (event instanceof PostUpdated updated) {
            view.title = updated.title();
            view.slug = updated.slug();
            view.content = updated.content();
            view.preview = updated.preview();
            view.searchTags = updated.searchTags();
            if (updated.cashtags() != null) {
                view.cashtags = updated.cashtags();
            }
            view.updatedAt = occurredAt;
        } else if (event instanceof CommentAdded added
                && view.comments.stream().noneMatch(comment -> comment.id.equals(added.commentId()))) {
            // it comes after every applied comment (the worker applies the post's events in order): the last one
            if (view.window.contains(view.commentsCount)) {
                view.comments.add(new Comment(
                        added.commentId(), added.userId(), added.username(), added.payload(), occurredAt, 0));
            }
            view.commentsCount++;
        } else if (event instanceof PostRated rated) {
            view.rating += toggle(view.votes, rated.userId(), new Vote(rated.username(), rated.rate()));
        } else if (event instanceof CommentRated rated) {
            view.comments.stream()
                    .filter(comment -> comment.id.equals(rated.commentId()))
                    .findFirst()
                    .ifPresent(comment -> comment.rating +=
                            toggle(comment.votes, rated.userId(), new Vote(rated.username(), rated.rate())));
        }
        return view;
    }

    /** The contract's toggle: a first vote counts, the same sign again withdraws it, the other sign flips it. */
    static int toggle(Map<UUID, Vote> votes, UUID userId, Vote vote) {
        Vote previous = votes.get(userId);
        int value = "+".equals(vote.rate()) ? 1 : -1;
        if (previous == null) {
            votes.put(userId, vote);
            return value;
        }
        if (previous.rate().equals(vote.rate())) {
            votes.remove(userId);
            return -value;
        }
        votes.put(userId, vote);
        return 2 * value;
    }
}
