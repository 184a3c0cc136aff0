package io.cryptotalks.gateway.posts;

import io.cryptotalks.gateway.security.AuthenticatedUser;
import io.cryptotalks.gateway.security.CurrentUser;
import io.cryptotalks.gateway.web.ErrorBody;
import io.cryptotalks.gateway.web.MessageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@RestController
@Tag(name = "posts")
@ApiResponse(responseCode = "404", description = "post-not-found", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "400", description = "validation-error, bad-request, tag-length, post-already-exists, wrong-user, wrong-rate, comment-doesnt-exist, wrong-2fa, phone-code-error",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
class PostController {

    private final PostService posts;
    private final PostReads reads;
    private final PostSearch search;

    PostController(PostService posts, PostReads reads, PostSearch search) {
        this.posts = posts;
        this.reads = reads;
        this.search = search;
    }

    @PostMapping("/api/posts/create")
    @ResponseStatus(HttpStatus.CREATED)
    @SecurityRequirement(name = "access-token")
    @Operation(summary = "Write a post", description = "Answers with the post's id and slug; the post opens by that slug at once.")
    PostRequests.Created create(@Parameter(hidden = true) @CurrentUser AuthenticatedUser user,
                                @Valid @RequestBody PostRequests.NewPost body) {
        return posts.create(user.userId(), body);
    }

    @GetMapping("/api/posts/get/{slug}")
    @ApiResponse(responseCode = "200", description = "the post with the first page of its comments")
    @Operation(summary = "A post with the first page of its comments", description = "Any slug the post ever had "
            + "works; `toEdit=yes` is for its author only. `postInfo.comments` holds the first 50 comments, oldest "
            + "first, and `commentsCount` counts them all: the rest are at `/api/posts/comments/{postId}/{page}/{pageSize}`. "
            + "`rates` and `commentRates` hold the caller's own vote only; `rating` counts every vote.")
    PostResponses.Post get(@PathVariable String slug, @RequestParam(required = false) String toEdit,
                           @Parameter(hidden = true) @CurrentUser(required = false) AuthenticatedUser user) {
        return reads.bySlug(slug, user == null ? null : user.userId(), "yes".equals(toEdit));
    }

    @GetMapping("/api/posts/comments/{postId}/{page}/{pageSize}")
    @ApiResponse(responseCode = "200", description = "a page of the comments and the count of all")
    @ApiResponse(responseCode = "400", description = "bad-request: bad page, pageSize or postId",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "post-not-found (or deleted)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @Operation(summary = "A page of a post's comments", description = "Oldest first, as in the post; `page` from 0, "
            + "`pageSize` 1 to 100 (else 400 `bad-request`); `count` counts all the post's comments. A comment or a "
            + "vote reads back the moment its call returns; `myRate` is the caller's vote.")
    PostResponses.CommentPage comments(@PathVariable UUID postId, @PathVariable int page, @PathVariable int pageSize,
                                       @Parameter(hidden = true) @CurrentUser(required = false) AuthenticatedUser user) {
        return reads.comments(postId, new CommentWindow(page, pageSize), user == null ? null : user.userId());
    }

    @GetMapping("/api/posts/list/{page}/{pageSize}/{order}/{orderBy}")
    @Operation(summary = "List and search posts", description = "orderBy: createdAt, title, rating, comments. "
            + "With a valid access token and no `username`, only the caller's posts (the original's \"my posts\").")
    PostResponses.Page list(@PathVariable int page, @PathVariable int pageSize, @PathVariable String order,
                            @PathVariable String orderBy, @RequestParam(required = false) String searchQuery,
                            @RequestParam(required = false) String username, @RequestParam(required = false) String tags,
                            @Parameter(hidden = true) @CurrentUser(required = false) AuthenticatedUser user) {
        boolean mine = user != null && (username == null || username.isBlank());
        List<String> tagList = tags == null || tags.isBlank() ? List.of()
                : Arrays.stream(tags.split(",")).map(String::trim).filter(tag -> !tag.isEmpty()).map(String::toLowerCase).toList();
        return search.page(new PostSearch.Query(page, pageSize, order, orderBy, searchQuery, username,
                mine ? user.userId() : null, tagList));
    }

    @GetMapping("/api/posts/tags")
    @Operation(summary = "Tags with their post counts, most used first")
    List<PostResponses.Tag> tags() {
        return search.tags();
    }

    @PatchMapping("/api/posts/update/{id}")
    @SecurityRequirement(name = "access-token")
    @Operation(summary = "Edit a post (its author only)", description = "A new title gives a new slug; the old one keeps resolving.")
    PostRequests.Updated update(@Parameter(hidden = true) @CurrentUser AuthenticatedUser user, @PathVariable UUID id,
                                @Valid @RequestBody PostRequests.PostChanges body) {
        return posts.update(user.userId(), id, body);
    }

    @DeleteMapping("/api/posts/delete/{id}")
    @SecurityRequirement(name = "access-token")
    @Operation(summary = "Delete a post (its author only)", description = "Needs the second factor when the author has one.")
    MessageResponse delete(@Parameter(hidden = true) @CurrentUser AuthenticatedUser user, @PathVariable UUID id,
                           @RequestParam(required = false) String code, @RequestParam(required = false) String twoFaCode) {
        return posts.delete(user.userId(), id, twoFaCode, code).orElse(MessageResponse.SUCCESS);
    }

    @PatchMapping("/api/posts/comment/{id}")
    @SecurityRequirement(name = "access-token")
    @Operation(summary = "Comment on a post")
    PostRequests.CreatedComment comment(@Parameter(hidden = true) @CurrentUser AuthenticatedUser user,
                                        @PathVariable UUID id, @Valid @RequestBody PostRequests.NewComment body) {
        return new PostRequests.CreatedComment("success", posts.comment(user.userId(), id, body.comment()).toString());
    }

    @PatchMapping("/api/posts/rate/post/{id}")
    @SecurityRequirement(name = "access-token")
    @Operation(summary = "Vote on a post", description = "`+` or `-`; the same sign again withdraws the vote, the other flips it.")
    MessageResponse ratePost(@Parameter(hidden = true) @CurrentUser AuthenticatedUser user, @PathVariable UUID id,
                             @RequestBody PostRequests.Vote body) {
        posts.ratePost(user.userId(), id, body.rate());
        return MessageResponse.SUCCESS;
    }

    @PatchMapping("/api/posts/rate/comment/{postId}/{commentId}")
    @SecurityRequirement(name = "access-token")
    @Operation(summary = "Vote on a comment", description = "`+` or `-`, with the same toggle.")
    MessageResponse rateComment(@Parameter(hidden = true) @CurrentUser AuthenticatedUser user, @PathVariable UUID postId,
                                @PathVariable UUID commentId, @RequestBody PostRequests.Vote body) {
        posts.rateComment(user.userId(), postId, commentId, body.rate());
        return MessageResponse.SUCCESS;
    }
}
