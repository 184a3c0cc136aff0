import { useRef, useState, type FormEvent } from 'react'
import { Link, Navigate, useLocation, useNavigate } from 'react-router'
import type { Step, User } from '../api/client'
import { useAuth } from '../auth/AuthContext'
import { useSecondFactor } from '../components/SecondFactor'
import { Alert, BusyLabel, Field } from '../components/ui'
import { plainMessage, plainText, type PlainMessage } from '../lib/errors'
import { useDocumentTitle } from '../lib/useDocumentTitle'
import { useFocusFirstError } from '../lib/useFocusFirstError'
import { isEmail } from '../lib/validation'

type Errors = { email?: string; password?: string }

function ResendConfirmation({ email }: { email: string }) {
  const { client } = useAuth()
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle')
  const [error, setError] = useState<string | null>(null)

  async function resend() {
    setState('sending')
    setError(null)
    try {
      await client.resendConfirmation(email)
      setState('sent')
    } catch (failure) {
      setError(plainText(failure))
      setState('idle')
    }
  }

  if (state === 'sent') {
    return (
      <Alert tone="success" title="Confirmation email sent">
        If <span className="email-text">{email}</span> belongs to an account that is not confirmed yet, a new link is on
        its way. Check your inbox (and the spam folder).
      </Alert>
    )
  }
  return (
    <div className="resend-box">
      <button
        type="button"
        className="button button-secondary button-block"
        onClick={resend}
        disabled={state === 'sending'}
      >
        <BusyLabel busy={state === 'sending'} label="Resend the confirmation email" busyLabel="Sending…" />
      </button>
      {error && <p className="field-error">{error}</p>}
    </div>
  )
}

export function SignInPage() {
  const { status, signIn, sessionEnded } = useAuth()
  const run = useSecondFactor()
  const navigate = useNavigate()
  const location = useLocation()
  const from = (location.state as { from?: string } | null)?.from
  const destination = from && from.startsWith('/') && !from.startsWith('/sign-in') ? from : '/account'

  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [submitting, setSubmitting] = useState(false)
  const [errors, setErrors] = useState<Errors>({})
  const [failure, setFailure] = useState<PlainMessage | null>(null)
  const [unconfirmed, setUnconfirmed] = useState<string | null>(null)
  const [showPassword, setShowPassword] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  const focusFirstError = useFocusFirstError(formRef)
  useDocumentTitle('Sign in')

  if (status === 'authenticated' && !submitting) return <Navigate to={destination} replace />

  async function handleSubmit(event: FormEvent) {
    event.preventDefault()
    setFailure(null)
    setUnconfirmed(null)
    const found: Errors = {}
    if (!email.trim()) found.email = 'Enter your email address.'
    else if (!isEmail(email)) found.email = 'That does not look like an email address.'
    if (!password) found.password = 'Enter your password.'
    setErrors(found)
    if (found.email || found.password) {
      focusFirstError()
      return
    }
    setSubmitting(true)
    const address = email.trim()
    try {
      const outcome = await run(
        async (factor): Promise<Step<User>> => {
          const result = await signIn({
            email: address,
            password,
            ...(factor?.method === 'totp' ? { twoFaCode: factor.code } : {}),
            ...(factor?.method === 'sms' ? { code: factor.code } : {}),
          })
          return result.status === 'two-fa-required'
            ? { kind: 'needs-code', method: result.method }
            : { kind: 'done', value: result.user }
        },
        { submitLabel: 'Verify and sign in', smsText: 'We texted you a code. Enter it to sign in.' },
      )
      if (outcome.kind === 'done') {
        navigate(destination, { replace: true })
        return
      }
    } catch (error) {
      const message = plainMessage(error)
      setFailure(message)
      if (message.code === 'account-not-confirmed') setUnconfirmed(address)
      if (message.code === 'wrong-credentials') setPassword('')
      focusFirstError()
    }
    setSubmitting(false)
  }

  return (
    <div className="container narrow auth-page">
      <div className="card auth-card">
        <header className="auth-header">
          <h1>Welcome back</h1>
          <p className="muted">Sign in to join the conversation.</p>
        </header>

        {sessionEnded && !failure && (
          <Alert tone="info" title="Your session ended — please sign in again">
            For your safety, sessions end after a while or when your password changes.
          </Alert>
        )}
        {failure && <Alert tone={failure.tone}>{failure.text}</Alert>}
        {unconfirmed && <ResendConfirmation email={unconfirmed} />}

        <form ref={formRef} onSubmit={handleSubmit} noValidate className="form">
          <Field
            label="Email"
            type="email"
            name="email"
            autoComplete="email"
            value={email}
            onChange={(e) => {
              setEmail(e.target.value)
              if (errors.email) setErrors((c) => ({ ...c, email: undefined }))
            }}
            error={errors.email}
            required
          />
          <Field
            label="Password"
            type={showPassword ? 'text' : 'password'}
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => {
              setPassword(e.target.value)
              if (errors.password) setErrors((c) => ({ ...c, password: undefined }))
            }}
            error={errors.password}
            required
            trailing={
              <button
                type="button"
                className="field-addon"
                onClick={() => setShowPassword((v) => !v)}
                aria-label={showPassword ? 'Hide password' : 'Show password'}
              >
                {showPassword ? 'Hide' : 'Show'}
              </button>
            }
          />
          <p className="form-aside">
            <Link to="/forgot-password">Forgot your password?</Link>
          </p>

          <button type="submit" className="button button-primary button-block button-lg" disabled={submitting}>
            <BusyLabel busy={submitting} label="Sign in" busyLabel="Signing in…" />
          </button>
        </form>

        <p className="auth-switch muted">
          New to Cryptotalks? <Link to="/sign-up">Create an account</Link>
        </p>
      </div>
    </div>
  )
}
