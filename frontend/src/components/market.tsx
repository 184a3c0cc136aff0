import { useId, useState, type ReactNode } from 'react'
import { Link, useLocation, useNavigate } from 'react-router'
import type { CoinRow, MarketStats } from '../api/client'
import { useAuth } from '../auth/AuthContext'
import { useBundledIcon } from '../lib/coinIcons'
import {
  formatCompactMoney,
  formatCount,
  formatPercent,
  formatPrice,
  seriesTrend,
  sparklinePath,
  trend,
} from '../lib/market'
import type { StatsState } from '../lib/useMarket'
import { formatRelative } from '../lib/time'
import { ChartIcon } from './icons'
import { EmptyState, LoadError } from './ui'

// ------------------------------------------------------------------ icon

function webUrl(value: string | null | undefined): string | null {
  return value && /^https?:\/\//i.test(value) ? value : null
}

/** A stable hue per symbol, for the letter avatar. */
function hueOf(symbol: string): number {
  let hash = 0
  for (const char of symbol) hash = (hash * 31 + char.charCodeAt(0)) % 360
  return hash
}

/**
 * The coin's icon: the bundled SVG for its symbol, else the server's
 * `iconUrl` (a CDN that may be unreachable), else its first letter.
 */
export function CoinIcon({ coin, size = 28 }: { coin: Pick<CoinRow, 'symbol' | 'iconUrl'>; size?: number }) {
  const bundled = useBundledIcon(coin.symbol)
  const sources = [bundled, webUrl(coin.iconUrl)].filter((s, i, all): s is string => !!s && all.indexOf(s) === i)
  const key = sources.join(' ')
  const [failed, setFailed] = useState<{ key: string; count: number }>({ key, count: 0 })
  const tried = failed.key === key ? failed.count : 0
  const src = sources[tried]
  if (bundled === undefined) {
    // The list of bundled icons is still loading: keep the place, show nothing yet.
    return <span className="coin-icon coin-icon-pending" aria-hidden="true" style={{ width: size, height: size }} />
  }
  if (src) {
    return (
      <img
        className="coin-icon"
        src={src}
        alt=""
        width={size}
        height={size}
        referrerPolicy="no-referrer"
        data-testid="coin-icon"
        onError={() => setFailed({ key, count: tried + 1 })}
      />
    )
  }
  const letter = (coin.symbol || '?').slice(0, 1).toUpperCase()
  return (
    <span
      className="coin-icon coin-letter"
      aria-hidden="true"
      data-testid="coin-letter"
      style={{
        width: size,
        height: size,
        fontSize: size * 0.45,
        background: `hsl(${hueOf(coin.symbol || '?')} 55% 48%)`,
      }}
    >
      {letter}
    </span>
  )
}

// ------------------------------------------------------------------ numbers

/** The 24 h change, green up or red down, with its sign and an arrow (colour is never the only cue). */
export function Change({ value, className }: { value: number | string | null | undefined; className?: string }) {
  const way = trend(value)
  return (
    <span className={`coin-change is-${way}${className ? ` ${className}` : ''}`} data-testid="coin-change">
      {way !== 'flat' && (
        <span className="change-arrow" aria-hidden="true">
          {way === 'up' ? '▲' : '▼'}
        </span>
      )}
      {formatPercent(value)}
    </span>
  )
}

/** A small line of the last 24 hours' prices. */
export function Sparkline({
  values,
  label,
  width = 96,
  height = 32,
}: {
  values: readonly (string | number | null)[]
  label: string
  width?: number
  height?: number
}) {
  const d = sparklinePath(values, width, height, 2)
  if (!d) return <span className="sparkline-none muted small">—</span>
  const way = seriesTrend(values)
  return (
    <svg
      className={`sparkline is-${way}`}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={label}
      data-testid="sparkline"
    >
      <path d={d} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  )
}

// ------------------------------------------------------------------ favourite

/**
 * The favourite star. Signed-out visitors are sent to sign in (and come back
 * here); `onToggle` gets the current state.
 */
export function FavouriteStar({
  name,
  on,
  busy,
  onToggle,
  withText = false,
}: {
  name: string
  on: boolean
  busy?: boolean
  onToggle: (current: boolean) => void
  withText?: boolean
}) {
  const { status } = useAuth()
  const navigate = useNavigate()
  const location = useLocation()
  const title =
    status !== 'authenticated'
      ? 'Sign in to keep favourite coins'
      : on
        ? `Remove ${name} from your favourites`
        : `Add ${name} to your favourites`
  return (
    <button
      type="button"
      className={`star-button${on ? ' is-on' : ''}${withText ? ' button button-secondary' : ''}`}
      aria-pressed={on}
      aria-label={`Favourite ${name}`}
      title={title}
      aria-busy={busy || undefined}
      data-testid="favourite-star"
      onClick={() => {
        if (status === 'loading' || busy) return
        if (status !== 'authenticated') {
          navigate('/sign-in', { state: { from: location.pathname + location.search } })
          return
        }
        onToggle(on)
      }}
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
        <path
          d="m12 3.2 2.7 5.5 6 .9-4.35 4.25 1.03 6L12 17l-5.38 2.85 1.03-6L3.3 9.6l6-.9Z"
          fill={on ? 'currentColor' : 'none'}
          stroke="currentColor"
          strokeWidth="1.7"
          strokeLinejoin="round"
        />
      </svg>
      {withText && <span>Favourite</span>}
    </button>
  )
}

// ------------------------------------------------------------------ market stats

/** "Sample data", with why, when the market is the bundled sample. */
export function SampleBadge() {
  const id = useId()
  const why = 'No Coinranking API key is set, so this is a bundled sample of the market, not live prices.'
  return (
    <span className="sample-note" data-testid="sample-badge">
      <span className="badge badge-sample" title={why} aria-describedby={id}>
        Sample data
      </span>
      <span id={id} className="muted small">
        {why}
      </span>
    </span>
  )
}

const STATS: { key: keyof MarketStats; label: string; money?: boolean }[] = [
  { key: 'totalMarketCap', label: 'Market cap', money: true },
  { key: 'total24hVolume', label: '24h volume', money: true },
  { key: 'totalCoins', label: 'Coins' },
  { key: 'totalMarkets', label: 'Markets' },
  { key: 'totalExchanges', label: 'Exchanges' },
]

/** The global figures, compact ("$1.26T"); skeletons while loading, an error with retry. */
export function MarketStatsBar({ state, onRetry }: { state: StatsState; onRetry: () => void }) {
  if (state.kind === 'error') {
    return (
      <LoadError
        title={state.syncing ? 'The market is loading' : 'Could not load the market figures'}
        error={state.text}
        onRetry={onRetry}
      />
    )
  }
  const stats = state.kind === 'ready' ? state.stats : null
  return (
    <section
      className="card market-stats"
      aria-label="Market overview"
      aria-busy={!stats || undefined}
      data-testid="market-stats"
    >
      <dl>
        {STATS.map(({ key, label, money }) => (
          <div key={key} className="market-stat">
            <dt>{label}</dt>
            <dd>
              {stats ? (
                money ? (
                  <span title={formatCount(stats[key] as string)}>{formatCompactMoney(stats[key] as string)}</span>
                ) : (
                  formatCount(stats[key] as number)
                )
              ) : (
                <span className="skeleton skeleton-line stat-skeleton" />
              )}
            </dd>
          </div>
        ))}
      </dl>
      {stats?.updatedAt && <p className="market-updated muted small">Updated {formatRelative(stats.updatedAt)}</p>}
    </section>
  )
}

// ------------------------------------------------------------------ compact list

export function CoinListSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <ul className="coin-mini-list" aria-busy="true" aria-label="Loading coins">
      {Array.from({ length: rows }, (_, i) => (
        <li key={i} className="coin-mini" data-testid="coin-skeleton">
          <span className="skeleton coin-icon-skeleton" />
          <span className="skeleton skeleton-line" style={{ width: '45%' }} />
          <span className="skeleton skeleton-line" style={{ width: 70, marginLeft: 'auto' }} />
        </li>
      ))}
    </ul>
  )
}

/** A compact list of coins: icon, name and symbol (a link to the coin), price and change. */
export function CoinMiniList({ coins, loading }: { coins: CoinRow[]; loading?: boolean }) {
  return (
    <ul className={`coin-mini-list${loading ? ' is-refreshing' : ''}`} aria-busy={loading || undefined}>
      {coins.map((coin) => (
        <li key={coin.uuid} className="coin-mini" data-testid="coin-mini">
          <CoinIcon coin={coin} size={28} />
          <span className="coin-mini-names">
            <Link to={`/market/${encodeURIComponent(coin.uuid)}`} className="coin-name-link">
              {coin.name}
            </Link>
            <span className="coin-symbol">{coin.symbol}</span>
          </span>
          <span className="coin-mini-figures">
            <span className="coin-price">{formatPrice(coin.price)}</span>
            <Change value={coin.change} />
          </span>
        </li>
      ))}
    </ul>
  )
}

export function NoCoins({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <EmptyState icon={<ChartIcon size={32} />} title={title}>
      {children}
    </EmptyState>
  )
}
