import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { Link, useParams } from 'react-router'
import { NotFoundCard } from '../components/NotFoundCard'
import { ApiError, type Coin, type PriceHistory } from '../api/client'
import { useAuth } from '../auth/AuthContext'
import { CoinPosts } from '../components/CoinPosts'
import { Change, CoinIcon, FavouriteStar, SampleBadge } from '../components/market'
import { PriceChart } from '../components/PriceChart'
import { SafeHtml } from '../components/SafeHtml'
import { Alert, LoadError, PageLoading } from '../components/ui'
import { plainText } from '../lib/errors'
import {
  formatBtc,
  formatCompactMoney,
  formatCount,
  formatPrice,
  HISTORY_RANGES,
  toggleFavourite,
  type HistoryRange,
} from '../lib/market'
import { useMarketStats } from '../lib/useMarket'
import { useDocumentTitle } from '../lib/useDocumentTitle'
import { useOnChange } from '../lib/useOnChange'

type Load = { kind: 'loading' } | { kind: 'missing' } | { kind: 'error'; text: string } | { kind: 'ready'; coin: Coin }

/** `/market/:uuid`: one coin, its price chart, description and the favourite star. */
export function CoinPage() {
  const { uuid = '' } = useParams()
  const { client, status } = useAuth()
  const [load, setLoad] = useState<Load>({ kind: 'loading' })
  const [attempt, setAttempt] = useState(0)
  useDocumentTitle(
    load.kind === 'ready'
      ? `${load.coin.name} (${load.coin.symbol})`
      : load.kind === 'missing'
        ? 'Coin not found'
        : 'Coin',
  )
  // another coin: nothing of the last one is shown (a new read for the same coin, after sign-in or out, keeps it)
  useOnChange([uuid], () => setLoad({ kind: 'loading' }))

  useEffect(() => {
    // Wait for the session so `isFavorite` comes with the first read; read again after sign-in/out.
    if (status === 'loading') return
    let active = true
    client.getCoin(uuid).then(
      (coin) => active && setLoad({ kind: 'ready', coin }),
      (error) =>
        active &&
        setLoad(
          error instanceof ApiError && error.status === 404
            ? { kind: 'missing' }
            : { kind: 'error', text: plainText(error) },
        ),
    )
    return () => {
      active = false
    }
  }, [client, uuid, status, attempt])

  if (load.kind === 'loading') return <PageLoading label="Loading the coin…" />

  if (load.kind === 'missing') {
    return (
      <NotFoundCard
        testId="coin-not-found"
        title="This coin is not here"
        reason="We do not list a coin at this address — the link may be mistyped, or the coin left the top list."
      >
        <Link to="/market" className="button button-primary">
          Browse the market
        </Link>
      </NotFoundCard>
    )
  }

  if (load.kind === 'error') {
    return (
      <div className="container narrow">
        <LoadError
          title="Could not load this coin"
          error={load.text}
          onRetry={() => {
            setLoad({ kind: 'loading' })
            setAttempt((n) => n + 1)
          }}
        />
      </div>
    )
  }

  return <CoinView key={load.coin.uuid} coin={load.coin} onChange={(coin) => setLoad({ kind: 'ready', coin })} />
}

function CoinView({ coin, onChange }: { coin: Coin; onChange: (coin: Coin) => void }) {
  const { client } = useAuth()
  const stats = useMarketStats()
  const [range, setRange] = useState<HistoryRange>('24h')
  const [favouriteError, setFavouriteError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // the newest coin, for the toggle's rollback after its await
  const latest = useRef(coin)
  useLayoutEffect(() => {
    latest.current = coin
  })

  async function toggle(current: boolean) {
    setBusy(true)
    setFavouriteError(null)
    const before = latest.current.likes ?? 0
    try {
      await toggleFavourite(
        current,
        (on) =>
          onChange({
            ...latest.current,
            isFavorite: on,
            likes: Math.max(0, before + (on === current ? 0 : on ? 1 : -1)),
          }),
        (on) => client.setFavourite(coin.uuid, on),
      )
    } catch (error) {
      setFavouriteError(plainText(error))
    } finally {
      setBusy(false)
    }
  }

  const details: { label: string; value: string; testId?: string }[] = [
    { label: 'Rank', value: `#${coin.rank}` },
    { label: 'Market cap', value: formatCompactMoney(coin.marketCap) },
    { label: 'Volume (24h)', value: formatCompactMoney(coin.volume24h) },
    { label: 'Price in BTC', value: formatBtc(coin.btcPrice) },
    { label: 'Likes', value: formatCount(coin.likes ?? 0), testId: 'coin-likes' },
  ]

  return (
    <div className="container coin-page">
      <nav className="back-link small" aria-label="Breadcrumb">
        <Link to="/market">← Market</Link>
      </nav>
      {stats.state.kind === 'ready' && stats.state.stats.sample && <SampleBadge />}

      <section className="card coin-hero" aria-labelledby="coin-name">
        <div className="coin-hero-head">
          <CoinIcon coin={coin} size={56} />
          <div className="coin-hero-names">
            <h1 id="coin-name" className="break">
              {coin.name} <span className="coin-symbol coin-symbol-lg">{coin.symbol}</span>
            </h1>
            <p className="muted small">Rank #{coin.rank}</p>
          </div>
          <FavouriteStar
            name={coin.name}
            on={coin.isFavorite}
            busy={busy}
            onToggle={(current) => void toggle(current)}
            withText
          />
        </div>
        <div className="coin-hero-price">
          <span className="coin-price-big" data-testid="coin-price">
            {formatPrice(coin.price)}
          </span>
          <Change value={coin.change} className="change-lg" />
          <span className="muted small">24h</span>
        </div>
        {favouriteError && (
          <Alert tone="error" title="Your favourites did not change">
            {favouriteError}
          </Alert>
        )}
        <dl className="coin-details">
          {details.map((d) => (
            <div key={d.label} className="coin-detail">
              <dt>{d.label}</dt>
              <dd data-testid={d.testId}>{d.value}</dd>
            </div>
          ))}
        </dl>
        {coin.coinrankingUrl && /^https?:\/\//i.test(coin.coinrankingUrl) && (
          <p className="coin-source small">
            <a href={coin.coinrankingUrl} target="_blank" rel="noopener noreferrer">
              {coin.name} on Coinranking <span aria-hidden="true">↗</span>
            </a>
          </p>
        )}
      </section>

      <PriceSection coin={coin} range={range} onRange={setRange} />

      {coin.description && (
        <section className="card coin-about" aria-labelledby="coin-about-heading">
          <h2 id="coin-about-heading">About {coin.name}</h2>
          <SafeHtml html={coin.description} className="coin-description" testId="coin-description" />
        </section>
      )}

      <CoinPosts uuid={coin.uuid} symbol={coin.symbol} />
    </div>
  )
}

/** Each state says which range it is for, so a new range never shows the old range's points. */
type HistoryLoad =
  | { kind: 'loading'; range: HistoryRange }
  | { kind: 'error'; range: HistoryRange; text: string }
  | { kind: 'ready'; range: HistoryRange; history: PriceHistory }

function PriceSection({
  coin,
  range,
  onRange,
}: {
  coin: Coin
  range: HistoryRange
  onRange: (range: HistoryRange) => void
}) {
  const { client } = useAuth()
  const [fetched, setLoad] = useState<HistoryLoad>({ kind: 'loading', range })
  const [attempt, setAttempt] = useState(0)
  const load: HistoryLoad = fetched.range === range ? fetched : { kind: 'loading', range }

  useEffect(() => {
    let active = true
    client.coinHistory(coin.uuid, range).then(
      (history) => active && setLoad({ kind: 'ready', range, history }),
      (error) => active && setLoad({ kind: 'error', range, text: plainText(error) }),
    )
    return () => {
      active = false
    }
  }, [client, coin.uuid, range, attempt])

  return (
    <section className="card coin-chart-card" aria-labelledby="coin-chart-heading">
      <div className="section-head">
        <h2 id="coin-chart-heading">Price</h2>
        <div className="range-buttons" role="group" aria-label="Chart range">
          {HISTORY_RANGES.map((r) => (
            <button
              key={r.key}
              type="button"
              className={`range-button${range === r.key ? ' is-on' : ''}`}
              aria-pressed={range === r.key}
              title={`Last ${r.long}`}
              onClick={() => onRange(r.key)}
            >
              {r.label}
            </button>
          ))}
        </div>
      </div>
      {load.kind === 'error' ? (
        <LoadError
          title="Could not load the price history"
          error={load.text}
          onRetry={() => {
            setLoad({ kind: 'loading', range })
            setAttempt((n) => n + 1)
          }}
        />
      ) : load.kind === 'loading' ? (
        <div className="chart-skeleton" aria-busy="true" aria-label="Loading the chart" data-testid="chart-loading">
          <span className="skeleton" />
        </div>
      ) : (
        <PriceChart points={load.history.points} range={range} name={coin.name} />
      )}
    </section>
  )
}
