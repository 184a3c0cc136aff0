import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, type CoinRow, type MarketStats } from '../api/client'
import { useAuth } from '../auth/AuthContext'
import { plainText } from './errors'
import { toggleFavourite, type CoinListQuery } from './market'
import { usePagedList } from './usePagedList'
import { useOnChange } from './useOnChange'

export interface CoinListState {
  coins: CoinRow[] | null
  count: number
  loading: boolean
  error: string | null
  retry: () => void
}

/**
 * Loads a page of coins whenever the query changes: the market (`market`),
 * the caller's favourites (`mine`, with the token) or a member's favourites
 * (`user`, by `query.username`, without the token). The previous rows stay
 * on screen while the next page loads.
 */
export function useCoinList(
  query: CoinListQuery,
  options: { source?: 'market' | 'mine' | 'user'; enabled?: boolean } = {},
): CoinListState {
  const { client } = useAuth()
  const source = options.source ?? 'market'
  const { rows, ...list } = usePagedList(
    [client, JSON.stringify(query), source],
    () =>
      source === 'market' ? client.listCoins(query) : client.listFavouriteCoins(query, { mine: source === 'mine' }),
    options.enabled !== false,
  )
  return { coins: rows, ...list }
}

export type StatsState =
  | { kind: 'loading' }
  | { kind: 'ready'; stats: MarketStats }
  /** `syncing`: 503 `market-not-synced`, the first sync has not finished. */
  | { kind: 'error'; text: string; syncing: boolean }

/** The global market figures (`GET /api/crypto/market-stats`). */
export function useMarketStats(): { state: StatsState; retry: () => void } {
  const { client } = useAuth()
  const [state, setState] = useState<StatsState>({ kind: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let active = true
    client.marketStats().then(
      (stats) => active && setState({ kind: 'ready', stats }),
      (error) =>
        active &&
        setState({
          kind: 'error',
          text: plainText(error),
          syncing: error instanceof ApiError && error.code === 'market-not-synced',
        }),
    )
    return () => {
      active = false
    }
  }, [client, attempt])

  function retry() {
    setState({ kind: 'loading' })
    setAttempt((n) => n + 1)
  }

  return { state, retry }
}

const ALL = 100

/**
 * The uuids of the signed-in member's favourite coins (every page of
 * `list-favorites`, with the token), for the stars of the market table; an
 * empty set when signed out. `toggle` flips one star at once and rolls it
 * back when the server refuses.
 */
export function useFavouriteIds() {
  const { client, status } = useAuth()
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set())
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set())
  const busyRef = useRef(new Set<string>())
  // signed out: no stars; signed in (again): the member's own, once loaded
  useOnChange([status], () => setIds(new Set()))

  useEffect(() => {
    if (status !== 'authenticated') return
    let active = true
    ;(async () => {
      const found = new Set<string>()
      for (let page = 0; ; page++) {
        const list = await client.listFavouriteCoins(
          { page, pageSize: ALL, sort: 'rank', order: 'ASC' },
          { mine: true },
        )
        for (const coin of list.rows) found.add(coin.uuid)
        if (list.rows.length < ALL || (page + 1) * ALL >= list.count) break
      }
      return found
    })().then(
      (found) => active && setIds(found),
      (failure) => active && setError(`Your favourites could not be loaded: ${plainText(failure)}`),
    )
    return () => {
      active = false
    }
  }, [client, status])

  const toggle = useCallback(
    async (uuid: string, current: boolean) => {
      if (busyRef.current.has(uuid)) return
      busyRef.current.add(uuid)
      setBusy(new Set(busyRef.current))
      setError(null)
      const apply = (on: boolean) =>
        setIds((now) => {
          const next = new Set(now)
          if (on) next.add(uuid)
          else next.delete(uuid)
          return next
        })
      try {
        await toggleFavourite(current, apply, (on) => client.setFavourite(uuid, on))
      } catch (failure) {
        setError(plainText(failure))
      } finally {
        busyRef.current.delete(uuid)
        setBusy(new Set(busyRef.current))
      }
    },
    [client],
  )

  return { ids, busy, error, toggle, dismissError: () => setError(null) }
}
