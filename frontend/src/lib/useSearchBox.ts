import { useEffect, useEffectEvent, useState } from 'react'
import { useOnChange } from './useOnChange'

export const SEARCH_DEBOUNCE_MS = 350

/**
 * A search box's text. It follows `committed` (the search in the URL: back,
 * forward, a shared link) and hands what was typed to `commit` after a pause
 * in typing; `flush` commits at once (Enter).
 */
export function useSearchBox(committed: string, commit: (text: string) => void, delay = SEARCH_DEBOUNCE_MS) {
  const [typed, setTyped] = useState(committed)
  useOnChange([committed], () => setTyped(committed))
  const commitLater = useEffectEvent((text: string) => commit(text))

  useEffect(() => {
    if (typed.trim() === committed.trim()) return
    const timer = setTimeout(() => commitLater(typed), delay)
    return () => clearTimeout(timer)
  }, [typed, committed, delay])

  return { typed, setTyped, flush: () => commit(typed) }
}
