package io.cryptotalks.gateway.posts;

import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.MalformedEventException;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.common.events.posts.CommentAdded;
import io.cryptotalks.common.events.posts.CommentRated;
import io.cryptotalks.common.events.posts.PostDeleted;
import io.cryptotalks.common.events.posts.PostRated;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Hears the posts topic for the open post pages on this instance: each gateway instance is its own consumer group
 * (a random suffix), from the latest offset. The post's events reach every instance whichever took the request;
 * posts nobody on this instance has open are skipped before any work. Never throws: nothing to retry per instance.
 */
@Component
class PostEventsListener {

    private static final Logger log = LoggerFactory.getLogger(PostEventsListener.class);

    private final PostStreams streams;
    private final PostScores scores;
    private final EventJson json;

    PostEventsListener(PostStreams streams, PostScores scores, EventJson json) {
        this.streams = streams;
        this.scores = scores;
        this.json = json;
    }

    @KafkaListener(
            id = "post-streams",
            idIsGroup = false,
            topics = Topics.POSTS,
            groupId = "${spring.application.name}-live-${random.uuid}",
            properties = {"auto.offset.reset=latest"})
    void on(ConsumerRecord<String, String> record) {
        try {
            EventEnvelope envelope = json.read(record.value());
            switch (envelope.payload()) {
                case CommentAdded added
                when streams.followed(added.postId()) ->
                    streams.comment(
                            added.postId(),
                            new PostResponses.Comment(
                                    added.commentId(),
                                    added.username(),
                                    added.payload(),
                                    envelope.occurredAt(),
                                    0,
                                    null,
                                    List.of()));
                case PostRated rated
                when streams.followed(rated.postId()) ->
                    scores.post(rated.postId()).ifPresent(rating -> streams.postScore(rated.postId(), rating));
                case CommentRated rated
                when streams.followed(rated.postId()) ->
                    scores.comment(rated.postId(), rated.commentId())
                            .ifPresent(rating -> streams.commentScore(rated.postId(), rated.commentId(), rating));
                case PostDeleted deleted -> streams.deleted(deleted.postId());
                default -> {}
            }
        } catch (MalformedEventException unreadable) {
            log.warn("ignored an unreadable record on {}: {}", record.topic(), unreadable.getMessage());
        } catch (RuntimeException e) {
            log.warn("a live post page was not sent {}: {}", record.key(), e.toString());
        }
    }
}
