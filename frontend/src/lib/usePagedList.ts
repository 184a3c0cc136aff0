import { useEffect, useRef, useState } from 'react'
import { plainText } from './errors'

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
  const [attempt, setAttempt] = useState(0)
  const loadRef = useRef(load)
  loadRef.current = load

  useEffect(() => {
    if (!enabled) return
    let active = true
    setLoading(true)
    setError(null)
    loadRef.current().then(
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
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for what `load` reads
  }, [...key, enabled, attempt])

  return { rows, count, loading, error, retry: () => setAttempt((n) => n + 1) }
}
