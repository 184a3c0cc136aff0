import { useEffect, useEffectEvent, useState, type ReactNode } from 'react'
import { plainMessage, type PlainMessage } from '../lib/errors'
import { useOnChange } from '../lib/useOnChange'
import { Spinner } from './ui'

type State = { kind: 'loading' } | { kind: 'confirmed' } | { kind: 'failed'; message: PlainMessage }

// A confirmation link works once: remember the answer per key so that a
// re-mounted page (React StrictMode, back/forward) does not ask twice.
const answers = new Map<string, Promise<State>>()

function once(key: string, confirm: () => Promise<void>): Promise<State> {
  let answer = answers.get(key)
  if (!answer) {
    answer = confirm().then(
      (): State => ({ kind: 'confirmed' }),
      (error): State => ({ kind: 'failed', message: plainMessage(error) }),
    )
    answers.set(key, answer)
  }
  return answer
}

/**
 * Opens a one-time link on load and shows the outcome: a spinner, success,
 * good news (green, e.g. "already confirmed") or the failure in plain words.
 */
export function ConfirmLink({
  cacheKey,
  confirm,
  busyTitle,
  success,
  goodNewsTitle,
  failureTitle,
  actions,
  onConfirmed,
}: {
  cacheKey: string
  confirm: () => Promise<void>
  busyTitle: string
  success: { title: string; text: ReactNode; actions: ReactNode }
  goodNewsTitle: string
  failureTitle: string
  /** Buttons for a failure (or good news), by the API code. */
  actions: (code: string, tone: PlainMessage['tone']) => ReactNode
  onConfirmed?: () => void
}) {
  const [state, setState] = useState<State>({ kind: 'loading' })
  useOnChange([cacheKey], () => setState({ kind: 'loading' }))
  // confirm and onConfirmed are new functions each render; the key says what to confirm
  const confirmOnce = useEffectEvent((key: string) => once(key, confirm))
  const confirmed = useEffectEvent(() => onConfirmed?.())

  useEffect(() => {
    let active = true
    void confirmOnce(cacheKey).then((result) => {
      if (!active) return
      setState(result)
      if (result.kind === 'confirmed') confirmed()
    })
    return () => {
      active = false
    }
  }, [cacheKey])

  return (
    <div className="container narrow center-page">
      <div className="card status-card" aria-live="polite">
        {state.kind === 'loading' && (
          <>
            <Spinner size="lg" label={busyTitle} />
            <h1>{busyTitle}</h1>
            <p className="muted">This only takes a moment.</p>
          </>
        )}

        {state.kind === 'confirmed' && (
          <>
            <div className="status-icon status-icon-success" aria-hidden="true">
              ✓
            </div>
            <h1>{success.title}</h1>
            <p className="muted">{success.text}</p>
            <div className="actions-row">{success.actions}</div>
          </>
        )}

        {state.kind === 'failed' && (
          <>
            <div
              className={`status-icon ${state.message.tone === 'success' ? 'status-icon-success' : 'status-icon-error'}`}
              aria-hidden="true"
            >
              {state.message.tone === 'success' ? '✓' : '!'}
            </div>
            <h1>{state.message.tone === 'success' ? goodNewsTitle : failureTitle}</h1>
            <p
              role={state.message.tone === 'success' ? 'status' : 'alert'}
              className={state.message.tone === 'success' ? 'status-good-text' : 'status-error-text'}
            >
              {state.message.text}
            </p>
            <div className="actions-row">{actions(state.message.code, state.message.tone)}</div>
          </>
        )}
      </div>
    </div>
  )
}
