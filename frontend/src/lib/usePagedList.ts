import { useEffect, useEffectEvent, useState } from 'react'
import { plainText } from './errors'
import { useOnChange } from './useOnChange'

export interface PagedListState<T> {
  rows: T[] | null
  count: number
  loading: boolean
  error: string | null
  retry: () => void
}

/**
 * Loads one page of a `{count, rows}` list whenever `key` changes (or on `retry`); an answer for an earlier key is
 * dropped. The previous rows stay on screen while the next page loads. `key` names everything `load` depends on.
 */
export function usePagedList<T>(
  key: unknown[],
  load: () => Promise<{ count: number; rows: T[] }>,
  enabled = true,
): PagedListState<T> {
  const [rows, setRows] = useState<T[] | null>(null)
  const [count, setCount] = useState(0)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  /** Counts the loads asked for: another key, switching on, or a retry. */
  const [request, setRequest] = useState(0)
  const again = () => {
    setLoading(true)
    setError(null)
    setRequest((n) => n + 1)
  }
  useOnChange([...key, enabled], again)
  const loadNow = useEffectEvent(load)

  useEffect(() => {
    if (!enabled) return
    let active = true
    loadNow().then(
      (list) => {
        if (!active) return
        setRows(list.rows)
        setCount(list.count)
        setLoading(false)
      },
      (failure) => {
        if (!active) return
        setError(plainText(failure))
        setLoading(false)
      },
    )
    return () => {
      active = false
    }
  }, [request, enabled])

  return { rows, count, loading, error, retry: again }
}
