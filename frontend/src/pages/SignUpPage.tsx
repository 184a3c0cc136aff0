import { useEffect, useRef, useState, type FormEvent } from 'react'
import { Link, Navigate } from 'react-router'
import { ApiError, errorText } from '../api/client'
import { useAuth } from '../auth/AuthContext'
import { MailIcon } from '../components/icons'
import { Alert, Field, Spinner } from '../components/ui'
import { isPasswordValid } from '../lib/password'
import { PasswordRules } from '../components/PasswordRules'
import { useDocumentTitle } from '../lib/useDocumentTitle'

interface FormState {
  email: string
  username: string
  password: string
  firstName: string
  lastName: string
  tac: boolean
}

type FieldErrors = Partial<Record<keyof FormState, string>>

const EMPTY: FormState = { email: '', username: '', password: '', firstName: '', lastName: '', tac: false }

// the gateway's rule: usernames appear in profile URLs
const USERNAME = /^[A-Za-z0-9_.-]{3,30}$/

function validate(form: FormState): FieldErrors {
  const errors: FieldErrors = {}
  if (!form.email.trim()) errors.email = 'Enter your email address.'
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim()))
    errors.email = 'That does not look like an email address.'
  if (!form.username.trim()) errors.username = 'Choose a username.'
  else if (!USERNAME.test(form.username.trim())) errors.username = 'Use 3 to 30 letters, digits, "_", "." or "-".'
  if (!form.password) errors.password = 'Choose a password.'
  else if (!isPasswordValid(form.password)) errors.password = 'The password does not meet every rule below yet.'
  if (!form.tac) errors.tac = 'Please accept the terms and conditions to continue.'
  return errors
}

export function SignUpPage() {
  const { status, client } = useAuth()
  const [form, setForm] = useState<FormState>(EMPTY)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [submitting, setSubmitting] = useState(false)
  const [failure, setFailure] = useState<ApiError | Error | null>(null)
  const [showPassword, setShowPassword] = useState(false)
  const [sentTo, setSentTo] = useState<string | null>(null)
  const formRef = useRef<HTMLFormElement>(null)
  useDocumentTitle(sentTo ? 'Check your email' : 'Sign up')

  if (status === 'authenticated' && !sentTo) return <Navigate to="/account" replace />
  if (sentTo) return <CheckEmail email={sentTo} />

  function update<K extends keyof FormState>(key: K, value: FormState[K]) {
    setForm((current) => ({ ...current, [key]: value }))
    if (errors[key]) setErrors((current) => ({ ...current, [key]: undefined }))
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault()
    const found = validate(form)
    setErrors(found)
    setFailure(null)
    if (Object.keys(found).length > 0) {
      const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')
      first?.focus()
      return
    }
    setSubmitting(true)
    try {
      await client.signUp({
        email: form.email.trim(),
        username: form.username.trim(),
        password: form.password,
        tac: form.tac,
        ...(form.firstName.trim() ? { firstName: form.firstName.trim() } : {}),
        ...(form.lastName.trim() ? { lastName: form.lastName.trim() } : {}),
      })
      setSentTo(form.email.trim())
    } catch (error) {
      setFailure(error instanceof Error ? error : new Error(errorText(error)))
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <div className="container narrow auth-page">
      <div className="card auth-card">
        <header className="auth-header">
          <h1>Create your account</h1>
          <p className="muted">Join the conversation in under a minute.</p>
        </header>

        {failure && (
          <Alert tone="error" title="Sign-up failed">
            {errorText(failure)}
            {failure instanceof ApiError && failure.code === 'user-already-exists' && (
              <>
                {' '}
                <Link to="/sign-in">Sign in instead</Link>
              </>
            )}
          </Alert>
        )}

        <form ref={formRef} onSubmit={handleSubmit} noValidate className="form">
          <Field
            label="Email"
            type="email"
            name="email"
            autoComplete="email"
            value={form.email}
            onChange={(e) => update('email', e.target.value)}
            error={errors.email}
            required
          />
          <Field
            label="Username"
            name="username"
            autoComplete="username"
            value={form.username}
            onChange={(e) => update('username', e.target.value)}
            error={errors.username}
            hint="How others see you: 3 to 30 letters, digits, _ . or -"
            required
          />
          <Field
            label="Password"
            type={showPassword ? 'text' : 'password'}
            name="password"
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => update('password', e.target.value)}
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
            hint={<PasswordRules password={form.password} />}
          />
          <div className="field-row">
            <Field
              label="First name"
              name="firstName"
              autoComplete="given-name"
              optional
              value={form.firstName}
              onChange={(e) => update('firstName', e.target.value)}
            />
            <Field
              label="Last name"
              name="lastName"
              autoComplete="family-name"
              optional
              value={form.lastName}
              onChange={(e) => update('lastName', e.target.value)}
            />
          </div>

          <div className={`checkbox-field${errors.tac ? ' field-invalid' : ''}`}>
            <label className="checkbox">
              <input
                type="checkbox"
                name="tac"
                checked={form.tac}
                onChange={(e) => update('tac', e.target.checked)}
                aria-invalid={errors.tac ? true : undefined}
              />
              <span>I accept the terms and conditions</span>
            </label>
            {errors.tac && <p className="field-error">{errors.tac}</p>}
          </div>

          <button type="submit" className="button button-primary button-block button-lg" disabled={submitting}>
            {submitting ? (
              <>
                <Spinner size="sm" label="Creating your account" /> Creating account…
              </>
            ) : (
              'Create account'
            )}
          </button>
        </form>

        <p className="auth-switch muted">
          Already have an account? <Link to="/sign-in">Sign in</Link>
        </p>
      </div>
    </div>
  )
}

function CheckEmail({ email }: { email: string }) {
  const { client } = useAuth()
  const [mailbox, setMailbox] = useState<'checking' | 'on' | 'off'>('checking')

  useEffect(() => {
    let active = true
    client
      .devMailbox()
      .then((messages) => active && setMailbox(messages === null ? 'off' : 'on'))
      .catch(() => active && setMailbox('off'))
    return () => {
      active = false
    }
  }, [client])

  return (
    <div className="container narrow center-page">
      <div className="card status-card" data-testid="check-email">
        <div className="status-icon status-icon-info" aria-hidden="true">
          <MailIcon size={30} />
        </div>
        <h1>Check your email</h1>
        <p>
          We sent a confirmation link to <strong className="break">{email}</strong>. Open it to activate your account,
          then sign in.
        </p>
        <p className="muted small">The link may take a minute to arrive. Don't forget the spam folder.</p>
        <div className="actions-row">
          {mailbox === 'on' && (
            <Link to="/dev/mailbox" className="button button-primary">
              Open the dev mailbox
            </Link>
          )}
          <Link to="/sign-in" className={`button ${mailbox === 'on' ? 'button-secondary' : 'button-primary'}`}>
            Go to sign in
          </Link>
        </div>
        {mailbox === 'on' && (
          <p className="muted small dev-note">
            Developer mode: emails are not really sent; they land in the dev mailbox instead.
          </p>
        )}
      </div>
    </div>
  )
}
