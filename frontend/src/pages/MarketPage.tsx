import { useId, useMemo, useRef } from 'react'
import { Link, useSearchParams } from 'react-router'
import { useAuth } from '../auth/AuthContext'
import { Change, CoinIcon, FavouriteStar, MarketStatsBar, NoCoins, SampleBadge, Sparkline } from '../components/market'
import { Pagination } from '../components/posts'
import { Alert, LoadError } from '../components/ui'
import {
  COIN_SORTS,
  formatCompactMoney,
  formatCount,
  formatPrice,
  MARKET_PAGE_SIZE,
  MAX_SEARCH,
  nextSort,
  readMarketView,
  writeMarketView,
  type CoinSortKey,
  type MarketView,
  type Order,
} from '../lib/market'
import { pageCount } from '../lib/posts'
import { useCoinList, useFavouriteIds, useMarketStats } from '../lib/useMarket'
import { useDocumentTitle } from '../lib/useDocumentTitle'
import { SearchBox } from '../components/SearchBox'

interface Column {
  key: CoinSortKey | null
  label: string
  /** Its cells' classes; `hide-*` drops the column on narrower screens (phones keep rank, coin, price, change). */
  className: string
}

const COLUMNS: Column[] = [
  { key: 'rank', label: '#', className: 'col-rank' },
  { key: 'name', label: 'Coin', className: 'col-coin' },
  { key: 'price', label: 'Price', className: 'col-num col-price' },
  { key: 'change', label: '24h', className: 'col-num col-change' },
  { key: 'marketCap', label: 'Market cap', className: 'col-num hide-phone' },
  { key: 'volume24h', label: 'Volume', className: 'col-num hide-tablet' },
  { key: null, label: 'Last 24h', className: 'col-spark hide-laptop' },
  { key: 'likes', label: 'Likes', className: 'col-num col-likes hide-laptop' },
]

const SORT_NAMES: Record<CoinSortKey, string> = {
  rank: 'rank',
  name: 'name',
  price: 'price',
  change: '24h change',
  marketCap: 'market cap',
  volume24h: '24h volume',
  likes: 'likes',
}

function SortHeader({
  column,
  view,
  onSort,
}: {
  column: Column
  view: MarketView
  onSort: (key: CoinSortKey) => void
}) {
  const className = column.className
  if (!column.key) {
    return (
      <th scope="col" className={className}>
        {column.label}
      </th>
    )
  }
  const key = column.key
  const sorted = view.sort === key
  const next = nextSort(view, key).order
  return (
    <th
      scope="col"
      className={className}
      aria-sort={sorted ? (view.order === 'ASC' ? 'ascending' : 'descending') : undefined}
    >
      <button
        type="button"
        className={`sort-button${sorted ? ' is-sorted' : ''}`}
        onClick={() => onSort(key)}
        title={`Sort by ${SORT_NAMES[key]}, ${next === 'ASC' ? 'ascending' : 'descending'}`}
      >
        {key === 'rank' ? (
          <>
            <span aria-hidden="true">#</span>
            <span className="visually-hidden">Rank</span>
          </>
        ) : (
          column.label
        )}
        <span className="sort-mark" aria-hidden="true">
          {sorted ? (view.order === 'ASC' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  )
}

function TableSkeleton({ rows }: { rows: number }) {
  return (
    <tbody aria-hidden="true">
      {Array.from({ length: rows }, (_, i) => (
        <tr key={i} className="coin-row-skeleton" data-testid="coin-skeleton">
          {COLUMNS.map((column) => (
            <td key={column.label} className={column.className}>
              <span className="skeleton skeleton-line" />
            </td>
          ))}
          <td className="col-star">
            <span className="skeleton skeleton-line" />
          </td>
        </tr>
      ))}
    </tbody>
  )
}

/** `/market`: the global figures and a searchable, sortable, paged table of coins (all in the URL). */
export function MarketPage() {
  const [params, setParams] = useSearchParams()
  const view = readMarketView(params)
  const { status } = useAuth()
  const sortId = useId()
  const listTop = useRef<HTMLDivElement>(null)
  const stats = useMarketStats()
  const favourites = useFavouriteIds()
  useDocumentTitle(view.search ? `“${view.search}” · Market` : 'Market')

  const update = (patch: Partial<MarketView>, replace = false) =>
    setParams(writeMarketView({ ...view, page: 1, ...patch }), { replace })

  const query = useMemo(
    () => ({
      page: view.page - 1,
      pageSize: MARKET_PAGE_SIZE,
      sort: view.sort,
      order: view.order,
      search: view.search,
    }),
    [view.page, view.sort, view.order, view.search],
  )
  const list = useCoinList(query)
  const total = pageCount(list.count, MARKET_PAGE_SIZE)
  const syncing = stats.state.kind === 'error' && stats.state.syncing

  function goToPage(page: number) {
    update({ page })
    listTop.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' })
  }

  const sample = stats.state.kind === 'ready' && stats.state.stats.sample

  return (
    <div className="container market-page">
      <div className="page-head">
        <div>
          <h1>Market</h1>
          <p className="muted">Prices, market caps and 24-hour moves of the top coins. Star the ones you follow.</p>
        </div>
      </div>
      {sample && <SampleBadge />}
      {/* Before the first sync the empty table says so (with one "Try again" for both). */}
      {!(syncing && list.coins?.length === 0) && <MarketStatsBar state={stats.state} onRetry={stats.retry} />}

      <div className="posts-toolbar card market-toolbar">
        <SearchBox
          label="Search coins"
          placeholder="Search by name or symbol…"
          committed={view.search}
          onSearch={(search) => update({ search }, true)}
          maxLength={MAX_SEARCH}
        />
        <div className="sort-box market-sort">
          <label htmlFor={sortId} className="field-label">
            Sort
          </label>
          <select
            id={sortId}
            className="input select"
            value={`${view.sort}:${view.order}`}
            onChange={(e) => {
              const [sort, order] = e.target.value.split(':') as [CoinSortKey, Order]
              update({ sort, order })
            }}
          >
            {COIN_SORTS.flatMap((s) =>
              (['ASC', 'DESC'] as Order[]).map((order) => (
                <option key={`${s.key}:${order}`} value={`${s.key}:${order}`}>
                  {s.label} {order === 'ASC' ? (s.key === 'name' ? 'A–Z' : '↑') : s.key === 'name' ? 'Z–A' : '↓'}
                </option>
              )),
            )}
          </select>
        </div>
      </div>

      {favourites.error && (
        <Alert tone="error" title="Your favourites did not change">
          {favourites.error}{' '}
          <button type="button" className="link-button" onClick={favourites.dismissError}>
            Dismiss
          </button>
        </Alert>
      )}

      <div ref={listTop} className="list-top" />
      {!list.loading && !list.error && list.count > 0 && (
        <p className="muted small result-count" aria-live="polite">
          {list.count === 1 ? '1 coin' : `${formatCount(list.count)} coins`}
        </p>
      )}
      {list.error ? (
        <LoadError title="Could not load the market" error={list.error} onRetry={list.retry} />
      ) : !list.loading && list.coins?.length === 0 ? (
        view.search ? (
          <NoCoins title={`No coins match “${view.search}”`}>
            <p className="muted">Try another name or symbol — a few letters are enough.</p>
            <button type="button" className="button button-secondary" onClick={() => update({ search: '' })}>
              Clear the search
            </button>
          </NoCoins>
        ) : syncing ? (
          <NoCoins title="The market is loading — try again in a minute">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                stats.retry()
                list.retry()
              }}
            >
              Try again
            </button>
          </NoCoins>
        ) : (
          <NoCoins title="No coins yet">
            <p className="muted">The market fills in after its first update.</p>
          </NoCoins>
        )
      ) : (
        <div className="card coin-table-card">
          <table
            className={`coin-table${list.loading && list.coins ? ' is-refreshing' : ''}`}
            aria-busy={list.loading || undefined}
          >
            <caption className="visually-hidden">
              Coins, sorted by {SORT_NAMES[view.sort]} {view.order === 'ASC' ? 'ascending' : 'descending'}
            </caption>
            <thead>
              <tr>
                {COLUMNS.map((column) => (
                  <SortHeader
                    key={column.label}
                    column={column}
                    view={view}
                    onSort={(key) => update(nextSort(view, key))}
                  />
                ))}
                <th scope="col" className="col-star">
                  <span className="visually-hidden">Favourite</span>
                </th>
              </tr>
            </thead>
            {list.loading && !list.coins ? (
              <TableSkeleton rows={8} />
            ) : (
              <tbody>
                {(list.coins ?? []).map((coin) => (
                  <tr key={coin.uuid} data-testid="coin-row">
                    <td className="col-rank">{coin.rank}</td>
                    <td className="col-coin">
                      <div className="coin-cell">
                        <CoinIcon coin={coin} size={28} />
                        <span className="coin-names">
                          <Link to={`/market/${encodeURIComponent(coin.uuid)}`} className="coin-name-link">
                            {coin.name}
                          </Link>
                          <span className="coin-symbol">{coin.symbol}</span>
                        </span>
                      </div>
                    </td>
                    <td className="col-num col-price">{formatPrice(coin.price)}</td>
                    <td className="col-num col-change">
                      <Change value={coin.change} />
                    </td>
                    <td className="col-num hide-phone">{formatCompactMoney(coin.marketCap)}</td>
                    <td className="col-num hide-tablet">{formatCompactMoney(coin.volume24h)}</td>
                    <td className="col-spark hide-laptop">
                      <Sparkline values={coin.sparkline ?? []} label={`${coin.name}, last 24 hours`} />
                    </td>
                    <td className="col-num col-likes hide-laptop">{formatCount(coin.likes ?? 0)}</td>
                    <td className="col-star">
                      <FavouriteStar
                        name={coin.name}
                        on={status === 'authenticated' && favourites.ids.has(coin.uuid)}
                        busy={favourites.busy.has(coin.uuid)}
                        onToggle={(current) => void favourites.toggle(coin.uuid, current)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            )}
          </table>
        </div>
      )}
      <Pagination page={Math.min(view.page, total)} total={total} onPage={goToPage} />
    </div>
  )
}
