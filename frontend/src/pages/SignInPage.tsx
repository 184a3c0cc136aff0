import { useEffect, useRef, useState, type FormEvent } from 'react'
import { Link, Navigate, useLocation, useNavigate } from 'react-router'
import { errorText } from '../api/client'
import { useAuth } from '../auth/AuthContext'
import { Alert, Field, Spinner } from '../components/ui'
import { useDocumentTitle } from '../lib/useDocumentTitle'

type Step = { kind: 'credentials' } | { kind: 'code'; method: 'totp' | 'sms' }

export function SignInPage() {
  const { status, signIn } = useAuth()
  const navigate = useNavigate()
  const location = useLocation()
  const from = (location.state as { from?: string } | null)?.from
  const destination = from && from.startsWith('/') && !from.startsWith('/sign-in') ? from : '/account'

  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [code, setCode] = useState('')
  const [step, setStep] = useState<Step>({ kind: 'credentials' })
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [showPassword, setShowPassword] = useState(false)
  const codeRef = useRef<HTMLInputElement>(null)
  useDocumentTitle('Sign in')

  useEffect(() => {
    if (step.kind === 'code') codeRef.current?.focus()
  }, [step.kind])

  if (status === 'authenticated' && !submitting) return <Navigate to={destination} replace />

  async function handleSubmit(event: FormEvent) {
    event.preventDefault()
    setError(null)
    if (!email.trim() || !password) {
      setError('Enter your email and password.')
      return
    }
    if (step.kind === 'code' && !code.trim()) {
      setError('Enter the code to continue.')
      return
    }
    setSubmitting(true)
    try {
      const result = await signIn({
        email: email.trim(),
        password,
        ...(step.kind === 'code' && step.method === 'totp' ? { twoFaCode: code.trim() } : {}),
        ...(step.kind === 'code' && step.method === 'sms' ? { code: code.trim() } : {}),
      })
      if (result.status === 'two-fa-required') {
        if (step.kind === 'code') setError('That code did not work. Please try again.')
        setStep({ kind: 'code', method: result.method })
        setCode('')
        setSubmitting(false)
        return
      }
      navigate(destination, { replace: true })
    } catch (failure) {
      setError(errorText(failure))
      setSubmitting(false)
    }
  }

  function backToCredentials() {
    setStep({ kind: 'credentials' })
    setCode('')
    setError(null)
  }

  const busyLabel = step.kind === 'code' ? 'Verifying…' : 'Signing in…'

  return (
    <div className="container narrow auth-page">
      <div className="card auth-card">
        <header className="auth-header">
          <h1>{step.kind === 'code' ? 'Two-step verification' : 'Welcome back'}</h1>
          <p className="muted">
            {step.kind === 'code'
              ? step.method === 'totp'
                ? 'Enter the 6-digit code from your authenticator app.'
                : 'We sent a code to your phone by SMS. Enter it below.'
              : 'Sign in to join the conversation.'}
          </p>
        </header>

        {error && <Alert tone="error">{error}</Alert>}

        <form onSubmit={handleSubmit} noValidate className="form">
          {step.kind === 'credentials' ? (
            <>
              <Field
                label="Email"
                type="email"
                name="email"
                autoComplete="email"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                required
              />
              <Field
                label="Password"
                type={showPassword ? 'text' : 'password'}
                name="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
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
            </>
          ) : (
            <>
              <p className="signing-in-as muted small">
                Signing in as <strong className="break">{email}</strong>
              </p>
              <Field
                ref={codeRef}
                label={step.method === 'totp' ? 'Authenticator code' : 'SMS code'}
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                value={code}
                onChange={(e) => setCode(e.target.value)}
                required
              />
            </>
          )}

          <button type="submit" className="button button-primary button-block button-lg" disabled={submitting}>
            {submitting ? (
              <>
                <Spinner size="sm" label={busyLabel} /> {busyLabel}
              </>
            ) : step.kind === 'code' ? (
              'Verify and sign in'
            ) : (
              'Sign in'
            )}
          </button>
          {step.kind === 'code' && (
            <button type="button" className="button button-ghost button-block" onClick={backToCredentials}>
              Use a different account
            </button>
          )}
        </form>

        <p className="auth-switch muted">
          New to Cryptotalks? <Link to="/sign-up">Create an account</Link>
        </p>
      </div>
    </div>
  )
}
