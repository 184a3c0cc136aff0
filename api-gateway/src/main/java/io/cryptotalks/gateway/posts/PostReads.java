package io.cryptotalks.gateway.posts;

import io.cryptotalks.gateway.web.ApiError;
import org.springframework.stereotype.Service;

import java.util.UUID;

/** Reading one post by any slug it ever had (E20), as its author just wrote it. */
@Service
class PostReads {

    private final PostHeads heads;
    private final PostProjection projection;

    PostReads(PostHeads heads, PostProjection projection) {
        this.heads = heads;
        this.projection = projection;
    }

    PostResponses.Post bySlug(String slug, UUID caller, boolean toEdit) {
        PostHeads.Head head = heads.bySlug(slug).filter(found -> !found.deleted())
                .orElseThrow(ApiError.POST_NOT_FOUND::exception);
        if (toEdit && !head.userId().equals(caller)) {
            throw ApiError.WRONG_USER.exception();
        }
        PostView view = projection.load(head).orElseThrow(ApiError.POST_NOT_FOUND::exception);
        return PostResponses.Post.of(view, caller);
    }
}
