import { useState } from 'react'

/**
 * Calls `reset` in the render in which `key` changes (React's "adjusting state when a prop changes"): the component's
 * state is reset before anything is shown for the new key, with no render of the stale state in between, as a reset in
 * an effect would give. Like an effect's dependencies, `key` is compared value by value with Object.is.
 */
export function useOnChange(key: readonly unknown[], reset: () => void): void {
  const [seen, setSeen] = useState(key)
  if (seen.length !== key.length || seen.some((value, index) => !Object.is(value, key[index]))) {
    setSeen(key)
    reset()
  }
}
