package io.cryptotalks.gateway.posts;

import io.cryptotalks.gateway.web.ApiError;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Reading one post by any slug it ever had (E20) with the first page of its comments, and further pages of them, as
 * their authors just wrote them.
 */
@Service
class PostReads {

    private final PostHeads heads;
    private final PostProjection projection;

    PostReads(PostHeads heads, PostProjection projection) {
        this.heads = heads;
        this.projection = projection;
    }

    PostResponses.Post bySlug(String slug, UUID caller, boolean toEdit) {
        PostHeads.Head head =
                heads.bySlug(slug).filter(found -> !found.deleted()).orElseThrow(ApiError.POST_NOT_FOUND::exception);
        if (toEdit && !head.userId().equals(caller)) {
            throw ApiError.WRONG_USER.exception();
        }
        PostView view =
                projection.load(head, caller, CommentWindow.FIRST).orElseThrow(ApiError.POST_NOT_FOUND::exception);
        return PostResponses.Post.of(view, caller);
    }

    PostResponses.CommentPage comments(UUID postId, CommentWindow window, UUID caller) {
        PostHeads.Head head =
                heads.byId(postId).filter(found -> !found.deleted()).orElseThrow(ApiError.POST_NOT_FOUND::exception);
        PostView view = projection.load(head, caller, window).orElseThrow(ApiError.POST_NOT_FOUND::exception);
        return PostResponses.CommentPage.of(view, caller);
    }
}
