import { useState } from 'react'
import { Link } from 'react-router'
import { NoPosts, Pagination, PostList } from './posts'
import { LoadError } from './ui'
import { pageCount } from '../lib/posts'
import { usePostList } from '../lib/usePostList'

const SIZE = 5

/**
 * A member's posts, newest first. `mine` lists the signed-in caller's own
 * posts (list endpoint with the token and no username); otherwise the public
 * list with `username` and no token.
 */
export function UserPosts({ username, mine = false }: { username: string; mine?: boolean }) {
  const [page, setPage] = useState(1)
  const list = usePostList(
    { page: page - 1, pageSize: SIZE, sort: 'newest', username: mine ? undefined : username },
    { mine },
  )
  const total = pageCount(list.count, SIZE)
  return (
    <section className="user-posts" aria-labelledby="user-posts-heading" data-testid={mine ? 'my-posts' : 'user-posts'}>
      <div className="section-head">
        <h2 id="user-posts-heading">
          {mine ? 'My posts' : `Posts by ${username}`}
          {list.count > 0 && <span className="muted"> ({list.count})</span>}
        </h2>
        {mine && (
          <Link to="/posts/new" className="button button-primary">
            Write a post
          </Link>
        )}
      </div>
      {list.error ? (
        <LoadError title="Could not load the posts" error={list.error} onRetry={list.retry} />
      ) : (
        <PostList
          posts={list.posts}
          loading={list.loading}
          showAuthor={false}
          skeletons={2}
          empty={
            <NoPosts title={mine ? 'You have not written a post yet' : `${username} has not written a post yet`}>
              {mine && <p className="muted">Your posts will be listed here.</p>}
            </NoPosts>
          }
        />
      )}
      <Pagination page={Math.min(page, total)} total={total} onPage={setPage} />
    </section>
  )
}
