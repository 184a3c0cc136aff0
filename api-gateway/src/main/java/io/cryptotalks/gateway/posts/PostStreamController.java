package io.cryptotalks.gateway.posts;

import io.cryptotalks.gateway.web.ErrorBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** An open post page's live updates (issue 10): a server-sent event stream anyone may read, as the post itself. */
@RestController
@Tag(name = "posts")
class PostStreamController {

    private final PostStreams streams;

    PostStreamController(PostStreams streams) {
        this.streams = streams;
    }

    // no "produces": the API negotiates JSON only (JsonOnly); an SseEmitter sets text/event-stream itself
    @GetMapping("/api/posts/stream/{postId}")
    @Operation(
            summary = "A post's new comments and score changes, live",
            description = "text/event-stream. `comment` events (a Comment, as in the post), `post-score` events"
                    + " ({\"postId\", \"rating\"}), `comment-score` events ({\"commentId\", \"rating\"});"
                    + " `: keep-alive` comments every 20 s. No resume ids: after a reconnect, reload the comments"
                    + " after the last one shown. The stream ends when the post is deleted.")
    @ApiResponse(
            responseCode = "200",
            description = "the stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @ApiResponse(
            responseCode = "400",
            description = "bad-request: postId is not a UUID",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "404",
            description = "post-not-found (or deleted)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    SseEmitter stream(@PathVariable UUID postId, HttpServletResponse response) {
        response.setHeader("X-Accel-Buffering", "no");
        return streams.open(postId);
    }
}
