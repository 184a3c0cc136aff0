package io.cryptotalks.gateway.posts;

import io.cryptotalks.gateway.live.LiveStream;
import io.cryptotalks.gateway.live.LiveStreams;
import io.cryptotalks.gateway.live.LiveStreamsLifecycle;
import io.cryptotalks.gateway.web.ApiError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open post pages' live streams on this gateway instance: new comments and score changes, as the post's events
 * arrive from Kafka. Nothing to resume: a page that reconnects reloads the comments after the last it shows.
 */
@Component
class PostStreams {

    static final int STREAMS_PER_POST = 1_000;

    private final LiveStreams<UUID> streams;
    private final PostHeads heads;
    private final Duration lifetime;

    PostStreams(
            PostHeads heads,
            LiveStreamsLifecycle lifecycle,
            @Value("${cryptotalks.live.post-stream-lifetime:30m}") Duration lifetime) {
        this.streams = lifecycle.create(STREAMS_PER_POST);
        this.heads = heads;
        this.lifetime = lifetime;
    }

    SseEmitter open(UUID postId) {
        heads.byId(postId).filter(head -> !head.deleted()).orElseThrow(ApiError.POST_NOT_FOUND::exception);
        LiveStream stream = streams.open(postId, null, lifetime)
                .orElseThrow(() -> ApiError.TOO_MANY_REQUESTS.exception("too many readers of this post are live"));
        stream.send(SseEmitter.event().comment("following " + postId));
        return stream.emitter();
    }

    boolean followed(UUID postId) {
        return !streams.of(postId).isEmpty();
    }

    void comment(UUID postId, PostResponses.Comment comment) {
        send(postId, "comment", comment);
    }

    void postScore(UUID postId, int rating) {
        send(postId, "post-score", Map.of("postId", postId, "rating", rating));
    }

    void commentScore(UUID postId, UUID commentId, int rating) {
        send(postId, "comment-score", Map.of("commentId", commentId, "rating", rating));
    }

    /** The post is gone: its pages' streams end. */
    void deleted(UUID postId) {
        List.copyOf(streams.of(postId)).forEach(LiveStream::close);
    }

    @Scheduled(fixedDelayString = "${cryptotalks.live.keep-alive:20s}")
    void keepAlive() {
        streams.keepAlive();
    }

    private void send(UUID postId, String name, Object data) {
        streams.of(postId)
                .forEach(stream -> stream.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON)));
    }
}
