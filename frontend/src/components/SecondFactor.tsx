import { createContext, useCallback, useContext, useState, type FormEvent, type ReactNode } from 'react'
import type { Factor, Step } from '../api/client'
import { runWithSecondFactor, type CodeAnswer, type CodeRequest, type SecondFactorOutcome } from '../api/secondFactor'
import { normalizeCode } from '../lib/validation'
import { Alert, BusyLabel, Field, Modal } from './ui'

export interface PromptWords {
  /** Dialog title; defaults to "Two-step verification". */
  title?: string
  /** What the text message was for, e.g. "We texted a code to +48…". */
  smsText?: string
  /** The confirm button; defaults to "Verify". */
  submitLabel?: string
}

type Run = <T>(send: (factor?: Factor) => Promise<Step<T>>, words?: PromptWords) => Promise<SecondFactorOutcome<T>>

const SecondFactorContext = createContext<Run | null>(null)

interface Pending {
  request: CodeRequest
  words: PromptWords
  resolve: (answer: CodeAnswer) => void
}

/**
 * Hosts the one code dialog of the app. Pages call `useSecondFactor()` to
 * run any request that may answer "second factor needed".
 */
export function SecondFactorProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<Pending | null>(null)
  const [busy, setBusy] = useState(false)

  const run = useCallback<Run>(async (send, words = {}) => {
    const ask = (request: CodeRequest) =>
      new Promise<CodeAnswer>((resolve) => {
        setBusy(false)
        setPending({
          request,
          words,
          resolve: (answer) => {
            if (answer.kind === 'cancel') setPending(null)
            else setBusy(true)
            resolve(answer)
          },
        })
      })
    try {
      return await runWithSecondFactor(send, ask)
    } finally {
      setPending(null)
      setBusy(false)
    }
  }, [])

  return (
    <SecondFactorContext.Provider value={run}>
      {children}
      {pending && <CodeDialog key={pending.request.method} pending={pending} busy={busy} />}
    </SecondFactorContext.Provider>
  )
}

/** `run(send)`: sends, asks for a code when needed, resends with it. */
export function useSecondFactor(): Run {
  const run = useContext(SecondFactorContext)
  if (!run) throw new Error('useSecondFactor must be used inside <SecondFactorProvider>')
  return run
}

function CodeDialog({ pending, busy }: { pending: Pending; busy: boolean }) {
  const { request, words, resolve } = pending
  const [code, setCode] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const totp = request.method === 'totp'

  const description = totp
    ? 'Enter the 6-digit code from your authenticator app.'
    : (words.smsText ?? 'We texted you a code. Enter it below.')

  // A new request (e.g. after a wrong code) starts with an empty box.
  const [lastShown, setLastShown] = useState(request)
  if (lastShown !== request) {
    setLastShown(request)
    setCode('')
    setProblem(null)
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    const value = normalizeCode(code)
    if (!value) {
      setProblem('Enter the code to continue.')
      return
    }
    if (totp && !/^\d{6}$/.test(value)) {
      setProblem('The code has 6 digits.')
      return
    }
    setProblem(null)
    resolve({ kind: 'code', code: value })
  }

  const error = problem ?? request.error
  return (
    <Modal
      title={words.title ?? 'Two-step verification'}
      description={description}
      onClose={() => resolve({ kind: 'cancel' })}
      busy={busy}
      testId="second-factor-dialog"
    >
      {request.resent && !error && <Alert tone="success">We texted you a new code.</Alert>}
      <form className="form" onSubmit={submit} noValidate>
        <Field
          label={totp ? 'Authenticator code' : 'SMS code'}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={totp ? 7 : 12}
          className="code-field"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={error ?? undefined}
          disabled={busy}
        />
        <div className="modal-actions">
          <button
            type="button"
            className="button button-ghost"
            onClick={() => resolve({ kind: 'cancel' })}
            disabled={busy}
          >
            Cancel
          </button>
          {!totp && (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => resolve({ kind: 'resend' })}
              disabled={busy}
            >
              Send a new code
            </button>
          )}
          <button type="submit" className="button button-primary" disabled={busy}>
            <BusyLabel busy={busy} label={words.submitLabel ?? 'Verify'} busyLabel="Checking…" />
          </button>
        </div>
      </form>
    </Modal>
  )
}
