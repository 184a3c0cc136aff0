package io.cryptotalks.gateway.posts;

import io.cryptotalks.gateway.follows.FollowResponses;
import io.cryptotalks.gateway.follows.FollowWrites;
import io.cryptotalks.gateway.follows.Follows;
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
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
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

@RestController
@Tag(name = "posts")
@ApiResponse(
        responseCode = "404",
        description = "post-not-found",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(
        responseCode = "400",
        description =
                "validation-error, bad-request (a page size or cursor out of range), tag-length, post-already-exists, wrong-user, wrong-rate, comment-doesnt-exist, wrong-2fa, phone-code-error",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
class PostController {

    private final PostService posts;
    private final PostReads reads;
    private final PostSearch search;
    private final PostFeed feed;
    private final Follows follows;
    private final FollowWrites followWrites;

    PostController(
            PostService posts,
            PostReads reads,
            PostSearch search,
            PostFeed feed,
            Follows follows,
            FollowWrites followWrites) {
        this.posts = posts;
        this.reads = reads;
        this.search = search;
        this.feed = feed;
        this.follows = follows;
        this.followWrites = followWrites;
    }

    @PostMapping("/api/posts/create")
    @ResponseStatus(HttpStatus.CREATED)
    @SecurityRequirement(name = "access-token")
    @Operation(
            summary = "Write a post",
            description = "Answers with the post's id and slug; the post opens by that slug at once.")
    PostRequests.Created create(
            @Parameter(hidden = true) @CurrentUser AuthenticatedUser user,
            @Valid @RequestBody PostRequests.NewPost body) {
        return posts.create(user.userId(), body);
    }

    @GetMapping("/api/posts/get/{slug}")
    @ApiResponse(responseCode = "200", description = "the post with the first page of its comments")
    @Operation(
            summary = "A post with the first page of its comments",
            description = "Any slug the post ever had "
                    + "works; `toEdit=yes` is for its author only. `postInfo.comments` holds the first 50 comments, oldest "
                    + "first, and `commentsCount` counts them all: the rest are at `/api/posts/comments/{postId}/{page}/{pageSize}`. "
                    + "`rates` and `commentRates` hold the caller's own vote only; `rating` counts every vote.")
    PostResponses.Post get(
            @PathVariable String slug,
            @Parameter(schema = @Schema(type = "string", allowableValues = "yes")) @RequestParam(required = false)
                    String toEdit,
            @Parameter(hidden = true) @CurrentUser(required = false) AuthenticatedUser user) {
        return reads.bySlug(slug, user == null ? null : user.userId(), "yes".equals(toEdit));
    }

    @GetMapping("/api/posts/comments/{postId}/{page}/{pageSize}")
    @ApiResponse(responseCode = "200", description = "a page of the comments and the count of all")
    @ApiResponse(
            responseCode = "400",
            description = "bad-request: bad page, pageSize or postId",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "404",
            description = "post-not-found (or deleted)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @Operation(
            summary = "A page of a post's comments",
            description = "Oldest first, as in the post; `page` from 0, "
                    + "`pageSize` 1 to 100 (else 400 `bad-request`); `count` counts all the post's comments. A comment or a "
                    + "vote reads back the moment its call returns; `myRate` is the caller's vote.")
    PostResponses.CommentPage comments(
            @PathVariable UUID postId,
            @PathVariable int page,
            @PathVariable int pageSize,
            @Parameter(hidden = true) @CurrentUser(required = false) AuthenticatedUser user) {
        return reads.comments(postId, new CommentWindow(page, pageSize), user == null ? null : user.userId());
    }

    @GetMapping("/api/posts/list/{page}/{pageSize}/{order}/{orderBy}")
    @Operation(
            summary = "List and search posts",
            description =
                    "orderBy: createdAt, title, rating, comments. "
                            + "With a valid access token and no `username`, only the caller's posts (the original's \"my posts\").")
    @ApiResponse(responseCode = "200", description = "a page of posts")
    PostResponses.Page list(
            @Parameter(example = "0") @PathVariable int page,
            @Parameter(example = "20") @PathVariable int pageSize,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = "string",
                                            allowableValues = {"DESC", "ASC"}))
                    @PathVariable
                    String order,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = "string",
                                            allowableValues = {"createdAt", "title", "rating", "comments"}))
                    @PathVariable
                    String orderBy,
            @RequestParam(required = false) String searchQuery,
            @RequestParam(required = false) String username,
            @Parameter(description = "comma-separated, any of them", example = "bitcoin")
                    @RequestParam(required = false)
                    String tags,
            @Parameter(hidden = true) @CurrentUser(required = false) AuthenticatedUser user) {
        boolean mine = user != null && (username == null || username.isBlank());
        List<String> tagList = tags == null || tags.isBlank()
                ? List.of()
                : Arrays.stream(tags.split(","))
                        .map(String::trim)
                        .filter(tag -> !tag.isEmpty())
                        .map(String::toLowerCase)
                        .toList();
        return search.page(new PostSearch.Query(
                page, pageSize, order, orderBy, searchQuery, username, mine ? user.userId() : null, tagList));
    }

    @GetMapping("/api/posts/tags")
    @Operation(summary = "Tags with their post counts, most used first")
    @ApiResponse(responseCode = "200", description = "the tags")
    List<PostResponses.Tag> tags() {
        return search.tags();
    }

    @GetMapping("/api/posts/tags/{tag}")
    @Operation(
            summary = "A tag's page header: its posts and followers",
            description = "Any well-formed tag answers "
                    + "(0 posts, 0 followers when nobody used it yet); with a token, whether the caller follows it.")
    @ApiResponse(responseCode = "200", description = "the tag's header")
    PostResponses.TagDetails tag(
            @PathVariable String tag, @Parameter(hidden = true) @CurrentUser(required = false) AuthenticatedUser user) {
        String clean = PostRules.tag(tag);
        FollowResponses.TagFollows tagFollows = follows.ofTag(clean, user == null ? null : user.userId());
        return new PostResponses.TagDetails(
                clean, search.postsWith(clean), tagFollows.followers(), tagFollows.followedByYou());
    }

    @PatchMapping("/api/posts/tags/{tag}/follow")
    @SecurityRequirement(name = "access-token")
    @Operation(
            summary = "Follow a tag",
            description =
                    "Its posts join the caller's feed. Twice is one follow; the " + "caller's reads show it at once.")
    MessageResponse followTag(@Parameter(hidden = true) @CurrentUser AuthenticatedUser user, @PathVariable String tag) {
        followWrites.followTag(user.userId(), PostRules.tag(tag));
        return MessageResponse.SUCCESS;
    }

    @DeleteMapping("/api/posts/tags/{tag}/follow")
    @SecurityRequirement(name = "access-token")
    @Operation(summary = "Unfollow a tag", description = "Unfollowing a tag not followed is fine.")
    MessageResponse unfollowTag(
            @Parameter(hidden = true) @CurrentUser AuthenticatedUser user, @PathVariable String tag) {
        followWrites.unfollowTag(user.userId(), PostRules.tag(tag));
        return MessageResponse.SUCCESS;
    }

    @GetMapping("/api/posts/feed")
    @SecurityRequirement(name = "access-token")
    @Operation(
            summary = "The caller's home feed",
            description = "Posts by the users the caller follows and posts "
                    + "with the tags they follow (not their own), newest first, each once. pageSize 1 to 100 (20); pass the "
                    + "answer's nextCursor as cursor for the next page: new posts never shift or repeat a page. "
                    + "followsAnything false: the caller follows nobody and no tag yet.")
    @ApiResponse(responseCode = "200", description = "a page of the feed")
    @ApiResponse(
            responseCode = "401",
            description = "invalid-token, token-expired, session-has-expired",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    PostResponses.Feed feed(
            @Parameter(hidden = true) @CurrentUser AuthenticatedUser user,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer pageSize) {
        return feed.page(user.userId(), cursor, pageSize);
    }

    @PatchMapping("/api/posts/update/{id}")
    @SecurityRequirement(name = "access-token")
    @Operation(
            summary = "Edit a post (its author only)",
            description = "A new title gives a new slug; the old one keeps resolving.")
    @ApiResponse(responseCode = "200", description = "edited; the post's slug now")
    PostRequests.Updated update(
            @Parameter(hidden = true) @CurrentUser AuthenticatedUser user,
            @PathVariable UUID id,
            @Valid @RequestBody PostRequests.PostChanges body) {
        return posts.update(user.userId(), id, body);
    }

    @DeleteMapping("/api/posts/delete/{id}")
    @SecurityRequirement(name = "access-token")
    @Operation(
            summary = "Delete a post (its author only)",
            description = "Needs the second factor when the author has one.")
    @ApiResponse(
            responseCode = "200",
            description = "success, or the second factor is needed: two-fa-required "
                    + "(repeat with twoFaCode), code-sent (repeat with the texted code)")
    MessageResponse delete(
            @Parameter(hidden = true) @CurrentUser AuthenticatedUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String twoFaCode) {
        return posts.delete(user.userId(), id, twoFaCode, code).orElse(MessageResponse.SUCCESS);
    }

    @PatchMapping("/api/posts/comment/{id}")
    @SecurityRequirement(name = "access-token")
    @Operation(summary = "Comment on a post")
    @ApiResponse(responseCode = "200", description = "the new comment's id")
    PostRequests.CreatedComment comment(
            @Parameter(hidden = true) @CurrentUser AuthenticatedUser user,
            @PathVariable UUID id,
            @Valid @RequestBody PostRequests.NewComment body) {
        return new PostRequests.CreatedComment(
                "success", posts.comment(user.userId(), id, body.comment()).toString());
    }

    @PatchMapping("/api/posts/rate/post/{id}")
    @SecurityRequirement(name = "access-token")
    @Operation(
            summary = "Vote on a post",
            description = "`+` or `-`; the same sign again withdraws the vote, the other flips it.")
    @ApiResponse(responseCode = "200", description = "success")
    MessageResponse ratePost(
            @Parameter(hidden = true) @CurrentUser AuthenticatedUser user,
            @PathVariable UUID id,
            @RequestBody PostRequests.Vote body) {
        posts.ratePost(user.userId(), id, body.rate());
        return MessageResponse.SUCCESS;
    }

    @PatchMapping("/api/posts/rate/comment/{postId}/{commentId}")
    @SecurityRequirement(name = "access-token")
    @Operation(summary = "Vote on a comment", description = "`+` or `-`, with the same toggle.")
    @ApiResponse(responseCode = "200", description = "success")
    MessageResponse rateComment(
            @Parameter(hidden = true) @CurrentUser AuthenticatedUser user,
            @PathVariable UUID postId,
            @PathVariable UUID commentId,
            @RequestBody PostRequests.Vote body) {
        posts.rateComment(user.userId(), postId, commentId, body.rate());
        return MessageResponse.SUCCESS;
    }
}
