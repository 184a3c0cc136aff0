package io.cryptotalks.gateway.posts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The bodies of the post endpoints; only these fields bind (the author is the token's user, never the body's). */
final class PostRequests {

    private PostRequests() {}

    @Schema(name = "NewPost")
    record NewPost(
            @NotBlank(message = "is required")
            @Size(min = 3, max = 150, message = "must be 3 to 150 characters")
            @Schema(example = "Bitcoin halving explained")
            String title,

            @NotBlank(message = "is required") @Size(min = 10, max = 500, message = "must be 10 to 500 characters")
            String preview,

            @NotNull(message = "is required")
            @Size(min = 1, max = 2000, message = "must have 1 to 2000 lines")
            @Schema(description = "the Markdown, one string per line")
            List<String> content,

            @NotNull(message = "is required")
            @Schema(description = "1 to 5 tags of a-z, 0-9 and -, at most 20 characters")
            List<String> searchTags) {}

    @Schema(name = "PostChanges", description = "Only the fields given change.")
    record PostChanges(
            @Size(min = 3, max = 150, message = "must be 3 to 150 characters")
            String title,

            @Size(min = 10, max = 500, message = "must be 10 to 500 characters")
            String preview,

            @Size(min = 1, max = 2000, message = "must have 1 to 2000 lines")
            List<String> content,

            List<String> searchTags) {}

    @Schema(name = "NewComment")
    record NewComment(
            @NotBlank(message = "is required") @Size(max = 5000, message = "must be at most 5000 characters")
            String comment) {}

    @Schema(name = "Vote")
    record Vote(@Schema(allowableValues = {"+", "-"}) String rate) {}

    @Schema(name = "CreatedPost")
    record Created(String message, String id, String slug) {}

    @Schema(name = "UpdatedPost")
    record Updated(String message, String slug) {}

    @Schema(name = "CreatedComment")
    record CreatedComment(String message, String id) {}
}
