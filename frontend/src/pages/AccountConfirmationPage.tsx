import { useEffect, useState } from 'react'
import { Link, useParams } from 'react-router'
import { ApiError, errorText, type ApiClient } from '../api/client'
import { useAuth } from '../auth/AuthContext'
import { Spinner } from '../components/ui'
import { useDocumentTitle } from '../lib/useDocumentTitle'

type State = { kind: 'loading' } | { kind: 'confirmed' } | { kind: 'failed'; code: string; text: string }

// A confirmation link works once: remember the answer per hash so that a
// re-mounted page (React StrictMode, back/forward) does not ask twice.
const answers = new Map<string, Promise<State>>()

function confirmOnce(client: ApiClient, hash: string): Promise<State> {
  let answer = answers.get(hash)
  if (!answer) {
    answer = client.confirmAccount(hash).then(
      (): State => ({ kind: 'confirmed' }),
      (error): State => ({
        kind: 'failed',
        code: error instanceof ApiError ? error.code : 'unknown',
        text: errorText(error),
      }),
    )
    answers.set(hash, answer)
  }
  return answer
}

export function AccountConfirmationPage() {
  const { hash = '' } = useParams()
  const { client } = useAuth()
  const [state, setState] = useState<State>({ kind: 'loading' })
  useDocumentTitle('Confirm your account')

  useEffect(() => {
    let active = true
    setState({ kind: 'loading' })
    void confirmOnce(client, hash).then((result) => {
      if (active) setState(result)
    })
    return () => {
      active = false
    }
  }, [client, hash])

  return (
    <div className="container narrow center-page">
      <div className="card status-card" aria-live="polite">
        {state.kind === 'loading' && (
          <>
            <Spinner size="lg" label="Confirming your account" />
            <h1>Confirming your account…</h1>
            <p className="muted">This only takes a moment.</p>
          </>
        )}

        {state.kind === 'confirmed' && (
          <>
            <div className="status-icon status-icon-success" aria-hidden="true">
              ✓
            </div>
            <h1>Your account is confirmed</h1>
            <p className="muted">Welcome to Cryptotalks! You can sign in now.</p>
            <div className="actions-row">
              <Link to="/sign-in" className="button button-primary button-lg">
                Sign in
              </Link>
            </div>
          </>
        )}

        {state.kind === 'failed' && (
          <>
            <div
              className={`status-icon ${state.code === 'email-already-confirmed' ? 'status-icon-info' : 'status-icon-error'}`}
              aria-hidden="true"
            >
              {state.code === 'email-already-confirmed' ? 'i' : '!'}
            </div>
            <h1>
              {state.code === 'email-already-confirmed' ? 'Already confirmed' : 'We could not confirm your account'}
            </h1>
            <p role="alert" className="status-error-text">
              {state.text}
            </p>
            <div className="actions-row">
              {state.code === 'email-already-confirmed' ? (
                <Link to="/sign-in" className="button button-primary">
                  Sign in
                </Link>
              ) : state.code === 'hash-expired' ? (
                <Link to="/sign-up" className="button button-primary">
                  Sign up again
                </Link>
              ) : (
                <Link to="/" className="button button-primary">
                  Back to home
                </Link>
              )}
            </div>
          </>
        )}
      </div>
    </div>
  )
}
