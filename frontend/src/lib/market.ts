/**
 * Pure helpers for the market pages: number formatting, the list query and
 * its URL view, the sparkline path, the chart's scales and the favourite
 * toggle with rollback.
 */

// ------------------------------------------------------------------ numbers

/** The API sends big numbers as strings ("1258893992421"); null when unreadable. */
export function toNumber(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null
  const n = typeof value === 'number' ? value : Number(value)
  return Number.isFinite(n) ? n : null
}

const DASH = '—'

const compactUsd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  minimumFractionDigits: 0,
  maximumFractionDigits: 2,
})

/** "$1.26T", "$90.92B", "$512.3K", "$12.5"; a dash when unknown. */
export function formatCompactMoney(value: string | number | null | undefined): string {
  const n = toNumber(value)
  return n === null ? DASH : compactUsd.format(n)
}

const count = new Intl.NumberFormat('en-US')

/** "24,625"; a dash when unknown. */
export function formatCount(value: string | number | null | undefined): string {
  const n = toNumber(value)
  return n === null ? DASH : count.format(n)
}

const usdCents = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
})
const usdSmall = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumSignificantDigits: 2,
  maximumSignificantDigits: 4,
})

/**
 * A price with the precision it needs: cents from $1 up ("$43,000.12"),
 * four significant digits below ("$0.5234", "$0.00001234"), so tiny prices
 * never show as "$0.00".
 */
export function formatPrice(value: string | number | null | undefined): string {
  const n = toNumber(value)
  if (n === null) return DASH
  if (n === 0) return usdCents.format(0)
  return Math.abs(n) >= 1 ? usdCents.format(n) : usdSmall.format(n)
}

const btc = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 })

/** A price in bitcoin: "1 BTC", "0.03555 BTC", "0.0000000127 BTC" (never in exponent notation). */
export function formatBtc(value: string | number | null | undefined): string {
  const n = toNumber(value)
  return n === null ? DASH : `${btc.format(n)} BTC`
}

const percent = new Intl.NumberFormat('en-US', {
  style: 'percent',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  signDisplay: 'exceptZero',
})

/** A change in percent points, with its sign: "+2.35%", "-1.23%", "0.00%"; a dash when unknown. */
export function formatPercent(value: string | number | null | undefined): string {
  const n = toNumber(value)
  return n === null ? DASH : percent.format(n / 100)
}

/** Which way a change went, for colour. */
export function trend(value: string | number | null | undefined): 'up' | 'down' | 'flat' {
  const n = toNumber(value)
  if (n === null || n === 0) return 'flat'
  return n > 0 ? 'up' : 'down'
}

// ------------------------------------------------------------------ list query

export type CoinSortKey = 'rank' | 'name' | 'price' | 'change' | 'marketCap' | 'volume24h' | 'likes'
export type Order = 'ASC' | 'DESC'

export const COIN_SORTS: { key: CoinSortKey; label: string; order: Order }[] = [
  { key: 'rank', label: 'Rank', order: 'ASC' },
  { key: 'name', label: 'Name', order: 'ASC' },
  { key: 'price', label: 'Price', order: 'DESC' },
  { key: 'change', label: '24h change', order: 'DESC' },
  { key: 'marketCap', label: 'Market cap', order: 'DESC' },
  { key: 'volume24h', label: 'Volume (24h)', order: 'DESC' },
  { key: 'likes', label: 'Likes', order: 'DESC' },
]

export function isCoinSortKey(value: string | null | undefined): value is CoinSortKey {
  return COIN_SORTS.some((s) => s.key === value)
}

/** The order a column starts in when first chosen: names and ranks A→Z/1→n, figures biggest first. */
export function defaultOrder(key: CoinSortKey): Order {
  return COIN_SORTS.find((s) => s.key === key)?.order ?? 'ASC'
}

export const MARKET_PAGE_SIZE = 25
/** The API's limit for `searchQuery`. */
export const MAX_SEARCH = 50

export interface CoinListQuery {
  /** 0-based, as the API counts. */
  page: number
  pageSize: number
  sort: CoinSortKey
  order: Order
  search?: string
  /** list-favorites only: that member's favourites (else the caller's own, with the token). */
  username?: string
}

/** `…/list/…` or `…/list-favorites/…` with its path and query. */
export function coinListPath(query: CoinListQuery, favourites = false): string {
  const page = Math.max(0, Math.floor(query.page) || 0)
  const pageSize = Math.min(100, Math.max(1, Math.floor(query.pageSize) || MARKET_PAGE_SIZE))
  const sort = isCoinSortKey(query.sort) ? query.sort : 'rank'
  const order = query.order === 'DESC' ? 'DESC' : 'ASC'
  const params = new URLSearchParams()
  const search = query.search?.trim().slice(0, MAX_SEARCH)
  if (search) params.set('searchQuery', search)
  if (favourites && query.username) params.set('username', query.username)
  const qs = params.toString()
  return `/api/crypto/${favourites ? 'list-favorites' : 'list'}/${page}/${pageSize}/${order}/${sort}${qs ? `?${qs}` : ''}`
}

/** What the market page shows, read from its URL (`?q=&sort=&order=&page=`, 1-based pages). */
export interface MarketView {
  search: string
  sort: CoinSortKey
  order: Order
  page: number
}

export function readMarketView(params: URLSearchParams): MarketView {
  const sort = params.get('sort')
  const key: CoinSortKey = isCoinSortKey(sort) ? sort : 'rank'
  const rawOrder = params.get('order')?.toUpperCase()
  const rawPage = Number(params.get('page'))
  return {
    search: (params.get('q') ?? '').slice(0, MAX_SEARCH),
    sort: key,
    order: rawOrder === 'ASC' || rawOrder === 'DESC' ? rawOrder : defaultOrder(key),
    page: Number.isInteger(rawPage) && rawPage >= 1 ? rawPage : 1,
  }
}

/** The URL query for a view; defaults are left out so shared links stay short. */
export function writeMarketView(view: MarketView): URLSearchParams {
  const params = new URLSearchParams()
  if (view.search.trim()) params.set('q', view.search.trim())
  if (view.sort !== 'rank') params.set('sort', view.sort)
  if (view.order !== defaultOrder(view.sort)) params.set('order', view.order.toLowerCase())
  if (view.page > 1) params.set('page', String(view.page))
  return params
}

/** Clicking a column: the same column flips its order, another starts in its own default order. */
export function nextSort(
  view: Pick<MarketView, 'sort' | 'order'>,
  key: CoinSortKey,
): { sort: CoinSortKey; order: Order } {
  if (view.sort === key) return { sort: key, order: view.order === 'ASC' ? 'DESC' : 'ASC' }
  return { sort: key, order: defaultOrder(key) }
}

// ------------------------------------------------------------------ sparkline

/**
 * An SVG path through the values, spread evenly over `width` and scaled into
 * `height` (highest on top) with `pad` pixels kept free at top and bottom.
 * Missing values (null, "", not a number) break the line; a flat series is
 * drawn through the middle. Empty when fewer than two values are known.
 */
export function sparklinePath(
  values: readonly (string | number | null | undefined)[],
  width: number,
  height: number,
  pad = 1,
): string {
  const numbers = values.map(toNumber)
  const known = numbers.filter((n): n is number => n !== null)
  if (known.length < 2) return ''
  const min = Math.min(...known)
  const max = Math.max(...known)
  const span = max - min
  const step = numbers.length > 1 ? width / (numbers.length - 1) : 0
  const usable = height - 2 * pad
  const parts: string[] = []
  let drawing = false
  numbers.forEach((n, i) => {
    if (n === null) {
      drawing = false
      return
    }
    const x = round(i * step)
    const y = round(span === 0 ? height / 2 : pad + (1 - (n - min) / span) * usable)
    parts.push(`${drawing ? 'L' : 'M'}${x},${y}`)
    drawing = true
  })
  return parts.join(' ')
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}

/** Up when the last known value is above the first, down when below. */
export function seriesTrend(values: readonly (string | number | null | undefined)[]): 'up' | 'down' | 'flat' {
  const known = values.map(toNumber).filter((n): n is number => n !== null)
  if (known.length < 2) return 'flat'
  const delta = known[known.length - 1] - known[0]
  return delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat'
}

// ------------------------------------------------------------------ chart

/**
 * About `count` round tick values covering [min, max] (1, 2, 2.5 or 5 times a
 * power of ten apart), for the chart's price axis.
 */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return []
  if (min === max) return [min]
  const span = max - min
  const raw = span / Math.max(1, count)
  const power = Math.pow(10, Math.floor(Math.log10(raw)))
  // The smallest round step that gives at most about `count` ticks.
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => span / s <= count + 0.5) ?? 10 * power
  const first = Math.ceil(min / step) * step
  const ticks: number[] = []
  for (let t = first; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)))
  return ticks
}

export type HistoryRange = '24h' | '7d' | '30d'
export const HISTORY_RANGES: { key: HistoryRange; label: string; long: string }[] = [
  { key: '24h', label: '24h', long: '24 hours' },
  { key: '7d', label: '7d', long: '7 days' },
  { key: '30d', label: '30d', long: '30 days' },
]

/** Time labels fit the range: hours for a day, dates for longer. */
export function formatChartTime(date: Date, range: HistoryRange): string {
  if (range === '24h') return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(date)
  return new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' }).format(date)
}

// ------------------------------------------------------------------ favourites

/**
 * The star's toggle: shows the new state at once, asks the server, and puts
 * the old state back (and rethrows) when the server refuses.
 */
export async function toggleFavourite(
  current: boolean,
  apply: (favourite: boolean) => void,
  send: (favourite: boolean) => Promise<void>,
): Promise<boolean> {
  const next = !current
  apply(next)
  try {
    await send(next)
    return next
  } catch (error) {
    apply(current)
    throw error
  }
}
