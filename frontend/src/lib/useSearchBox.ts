import { useEffect, useRef, useState } from 'react'

export const SEARCH_DEBOUNCE_MS = 350

/**
 * A search box's text. It follows `committed` (the search in the URL: back,
 * forward, a shared link) and hands what was typed to `commit` after a pause
 * in typing; `flush` commits at once (Enter).
 */
export function useSearchBox(committed: string, commit: (text: string) => void, delay = SEARCH_DEBOUNCE_MS) {
  const [typed, setTyped] = useState(committed)
  const commitRef = useRef(commit)
  commitRef.current = commit

  useEffect(() => {
    setTyped(committed)
  }, [committed])

  useEffect(() => {
    if (typed.trim() === committed.trim()) return
    const timer = setTimeout(() => commitRef.current(typed), delay)
    return () => clearTimeout(timer)
  }, [typed, committed, delay])

  return { typed, setTyped, flush: () => commitRef.current(typed) }
}
