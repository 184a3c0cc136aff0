package io.cryptotalks.posts;

import io.cryptotalks.common.consumer.EventHandlers;
import io.cryptotalks.common.events.posts.CommentAdded;
import io.cryptotalks.common.events.posts.CommentRated;
import io.cryptotalks.common.events.posts.PostCreated;
import io.cryptotalks.common.events.posts.PostDeleted;
import io.cryptotalks.common.events.posts.PostRated;
import io.cryptotalks.common.events.posts.PostUpdated;
import io.cryptotalks.common.events.users.UserAccountClosed;
import io.cryptotalks.common.events.users.UserProfileUpdated;
import io.cryptotalks.posts.authors.Renaming;
import io.cryptotalks.posts.closing.ClosedAccountContent;
import io.cryptotalks.posts.comments.Commenting;
import io.cryptotalks.posts.post.PostAuthoring;
import io.cryptotalks.posts.ratings.Votes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the posts-service applies from the topics it consumes (posts-service.yml: cryptotalks.messaging.consumes). */
@Configuration(proxyBeanMethods = false)
class PostsEvents {

    @Bean
    EventHandlers eventHandlers(
            PostAuthoring authoring,
            Commenting commenting,
            Votes votes,
            ClosedAccountContent closedAccount,
            Renaming renaming) {
        return EventHandlers.builder()
                .on(PostCreated.class, authoring::created)
                .on(PostUpdated.class, authoring::updated)
                .on(PostDeleted.class, authoring::deleted)
                .on(CommentAdded.class, commenting)
                .on(PostRated.class, votes::postRated)
                .on(CommentRated.class, votes::commentRated)
                .on(UserAccountClosed.class, closedAccount)
                .on(UserProfileUpdated.class, renaming)
                .build();
    }
}
