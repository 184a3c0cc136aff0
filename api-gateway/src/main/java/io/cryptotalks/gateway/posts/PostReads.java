package io.cryptotalks.gateway.posts;

import io.cryptotalks.common.events.posts.Cashtag;
import io.cryptotalks.gateway.market.CoinDirectory;
import io.cryptotalks.gateway.web.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Reading one post by any slug it ever had (E20) with the first page of its comments, and further pages of them, as
 * their authors just wrote them, with which of their {@code @names} and {@code $SYMBOLS} name users and coins (the
 * post's cashtags priced now).
 */
@Service
class PostReads {

    private final PostHeads heads;
    private final PostProjection projection;
    private final References references;
    private final CoinDirectory coins;

    PostReads(PostHeads heads, PostProjection projection, References references, CoinDirectory coins) {
        this.heads = heads;
        this.projection = projection;
        this.references = references;
        this.coins = coins;
    }

    PostResponses.Post bySlug(String slug, UUID caller, boolean toEdit) {
        PostHeads.Head head =
                heads.bySlug(slug).filter(found -> !found.deleted()).orElseThrow(ApiError.POST_NOT_FOUND::exception);
        if (toEdit && !head.userId().equals(caller)) {
            throw ApiError.WRONG_USER.exception();
        }
        PostView view =
                projection.load(head, caller, CommentWindow.FIRST).orElseThrow(ApiError.POST_NOT_FOUND::exception);
        List<String> texts = new ArrayList<>(List.of(view.title, view.preview));
        texts.addAll(view.content);
        texts.addAll(commentTexts(view));
        return PostResponses.Post.of(
                view,
                caller,
                coins.prices(view.cashtags.stream().map(Cashtag::coinUuid).toList()),
                references.in(texts));
    }

    PostResponses.CommentPage comments(UUID postId, CommentWindow window, UUID caller) {
        PostHeads.Head head =
                heads.byId(postId).filter(found -> !found.deleted()).orElseThrow(ApiError.POST_NOT_FOUND::exception);
        PostView view = projection.load(head, caller, window).orElseThrow(ApiError.POST_NOT_FOUND::exception);
        return PostResponses.CommentPage.of(view, caller, references.in(commentTexts(view)));
    }

    private static List<String> commentTexts(PostView view) {
        return view.comments.stream().map(comment -> comment.payload).toList();
    }
}
