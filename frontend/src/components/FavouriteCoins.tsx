import { useState } from 'react'
import { Link } from 'react-router'
import { pageCount } from '../lib/posts'
import { useCoinList } from '../lib/useMarket'
import { CoinListSkeleton, CoinMiniList, NoCoins } from './market'
import { Pagination } from './posts'
import { LoadError } from './ui'

const SIZE = 10

/**
 * A member's favourite coins, by rank. `mine` lists the signed-in caller's
 * own (list-favorites with the token and no username); otherwise the public
 * list with `username` and no token.
 */
export function FavouriteCoins({ username, mine = false }: { username: string; mine?: boolean }) {
  const [page, setPage] = useState(1)
  const list = useCoinList(
    { page: page - 1, pageSize: SIZE, sort: 'rank', order: 'ASC', username: mine ? undefined : username },
    { source: mine ? 'mine' : 'user' },
  )
  const total = pageCount(list.count, SIZE)
  return (
    <section
      className="card favourite-coins"
      aria-labelledby={mine ? 'my-coins-heading' : 'user-coins-heading'}
      data-testid={mine ? 'my-favourite-coins' : 'favourite-coins'}
    >
      <div className="section-head">
        <h2 id={mine ? 'my-coins-heading' : 'user-coins-heading'}>
          {mine ? 'My favourite coins' : `${username}’s favourite coins`}
          {list.count > 0 && <span className="muted"> ({list.count})</span>}
        </h2>
        {mine && (
          <Link to="/market" className="section-link">
            Market →
          </Link>
        )}
      </div>
      {list.error ? (
        <LoadError title="Could not load the favourite coins" error={list.error} onRetry={list.retry} />
      ) : list.loading && !list.coins ? (
        <CoinListSkeleton rows={2} />
      ) : !list.coins || list.coins.length === 0 ? (
        <NoCoins title={mine ? 'No favourite coins yet' : `${username} has no favourite coins yet`}>
          {mine && (
            <p className="muted">
              Star the coins you follow on the <Link to="/market">market</Link> and they will be listed here.
            </p>
          )}
        </NoCoins>
      ) : (
        <CoinMiniList coins={list.coins} loading={list.loading} />
      )}
      <Pagination page={Math.min(page, total)} total={total} onPage={setPage} />
    </section>
  )
}
