package io.cryptotalks.gateway.posts;

import io.cryptotalks.gateway.web.ErrorBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "crypto")
class CoinPostsController {

    private final CoinPosts posts;

    CoinPostsController(CoinPosts posts) {
        this.posts = posts;
    }

    @GetMapping("/api/crypto/posts/{uuid}/{page}/{pageSize}")
    @Operation(
            summary = "The newest posts that name a coin ($SYMBOL)",
            description = "Newest mention first; page from 0, pageSize 1 to 100; count is every such post. A post "
                    + "shows here once the posts-service has applied it (within moments of writing it).")
    @ApiResponse(responseCode = "200", description = "a page of posts")
    @ApiResponse(
            responseCode = "400",
            description = "bad-request: bad page or pageSize",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "404",
            description = "no-crypto",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    PostResponses.Page posts(
            @PathVariable String uuid,
            @Parameter(example = "0") @PathVariable int page,
            @Parameter(example = "20") @PathVariable int pageSize) {
        return posts.page(uuid, page, pageSize);
    }
}
