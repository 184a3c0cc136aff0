import { useState } from 'react'
import { useAuth } from '../auth/AuthContext'
import { pageCount } from '../lib/posts'
import { usePagedList } from '../lib/usePagedList'
import { NoPosts, Pagination, PostList } from './posts'
import { LoadError } from './ui'

const SIZE = 5

/** A coin page's newest posts that name the coin (`$BTC`), paged. */
export function CoinPosts({ uuid, symbol }: { uuid: string; symbol: string }) {
  const { client } = useAuth()
  const [page, setPage] = useState(1)
  const list = usePagedList([uuid, page], () => client.coinPosts(uuid, page - 1, SIZE))
  const total = pageCount(list.count, SIZE)
  return (
    <section className="card coin-posts" aria-labelledby="coin-posts-heading" data-testid="coin-posts">
      <div className="section-head">
        <h2 id="coin-posts-heading">
          Posts about ${symbol}
          {list.count > 0 && <span className="muted"> ({list.count})</span>}
        </h2>
      </div>
      {list.error ? (
        <LoadError title="Could not load the posts" error={list.error} onRetry={list.retry} />
      ) : (
        <PostList
          posts={list.rows}
          loading={list.loading}
          skeletons={2}
          empty={
            <NoPosts title={`No posts mention $${symbol} yet`}>
              <p className="muted">Write ${symbol} in a post and it will be listed here.</p>
            </NoPosts>
          }
        />
      )}
      <Pagination page={Math.min(page, Math.max(total, 1))} total={total} onPage={setPage} />
    </section>
  )
}
