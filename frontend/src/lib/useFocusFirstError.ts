import { useCallback, useEffect, useState, type RefObject } from 'react'

/** Focuses and scrolls to the first invalid field in `container` (or its first alert). */
export function focusFirstError(container: HTMLElement | null): HTMLElement | null {
  if (!container) return null
  const target =
    container.querySelector<HTMLElement>('[aria-invalid="true"]') ??
    container.querySelector<HTMLElement>('[role="alert"]')
  if (!target) return null
  if (target.getAttribute('role') === 'alert' && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1')
  target.focus({ preventScroll: true })
  // On phones the field may sit under the keyboard or far above: bring it to the middle.
  target.scrollIntoView?.({ block: 'center', behavior: 'smooth' })
  return target
}

/**
 * After a failed submit, call the returned function: once the errors are
 * rendered, the first field with an error gets focus and scrolls into view.
 */
export function useFocusFirstError(container: RefObject<HTMLElement | null>): () => void {
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    if (attempt === 0) return
    focusFirstError(container.current)
  }, [attempt, container])
  return useCallback(() => setAttempt((n) => n + 1), [])
}
