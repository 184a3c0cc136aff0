import { useRef, useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { useAuth } from '../auth/AuthContext'
import { MailIcon, PhoneIcon } from '../components/icons'
import { checkNewPassword, NewPasswordFields, type NewPasswordErrors } from '../components/NewPasswordFields'
import { Alert, BusyLabel, EmailText, Field } from '../components/ui'
import { placeError, plainText } from '../lib/errors'
import { useDocumentTitle } from '../lib/useDocumentTitle'
import { useFocusFirstError } from '../lib/useFocusFirstError'
import { isEmail, isPhone, normalizeCode, normalizePhone } from '../lib/validation'

type Channel = 'email' | 'phone'
type Stage = { kind: 'ask' } | { kind: 'sent'; channel: Channel; to: string } | { kind: 'reset' }

export function ForgotPasswordPage() {
  const { client } = useAuth()
  const [channel, setChannel] = useState<Channel>('email')
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [stage, setStage] = useState<Stage>({ kind: 'ask' })
  const formRef = useRef<HTMLFormElement>(null)
  const focusFirstError = useFocusFirstError(formRef)
  useDocumentTitle('Forgot your password')

  async function submit(event: FormEvent) {
    event.preventDefault()
    setFailure(null)
    const to = channel === 'email' ? value.trim() : normalizePhone(value)
    let problem: string | null = null
    if (channel === 'email')
      problem = !to ? 'Enter your email address.' : !isEmail(to) ? 'That does not look like an email address.' : null
    else
      problem = !to
        ? 'Enter your mobile number.'
        : !isPhone(to)
          ? 'Use the international format, e.g. +48123456789.'
          : null
    setError(problem)
    if (problem) {
      focusFirstError()
      return
    }
    setBusy(true)
    try {
      await client.forgotPassword(channel === 'email' ? { email: to } : { phone: to })
      setStage({ kind: 'sent', channel, to })
    } catch (failure) {
      const placed = placeError<'value'>(failure, { 'bad-request': 'value', 'validation-error': 'value' })
      if (placed.field) setError(placed.message.text)
      else setFailure(placed.message.text)
      focusFirstError()
    } finally {
      setBusy(false)
    }
  }

  if (stage.kind === 'sent' && stage.channel === 'email') {
    return (
      <div className="container narrow center-page">
        <div className="card status-card" data-testid="forgot-sent">
          <div className="status-icon status-icon-info" aria-hidden="true">
            <MailIcon size={30} />
          </div>
          <h1>Check your email</h1>
          <p>
            If an account uses <EmailText email={stage.to} className="strong" />, we sent it a link to choose a new
            password.
          </p>
          <p className="muted small">The link works once and expires after a while. Don't forget the spam folder.</p>
          <div className="actions-row">
            <Link to="/sign-in" className="button button-primary">
              Back to sign in
            </Link>
          </div>
        </div>
      </div>
    )
  }

  if (stage.kind === 'sent' && stage.channel === 'phone') {
    return <PhoneReset phone={stage.to} onDone={() => setStage({ kind: 'reset' })} />
  }

  if (stage.kind === 'reset') return <PasswordResetDone />

  return (
    <div className="container narrow auth-page">
      <div className="card auth-card">
        <header className="auth-header">
          <h1>Forgot your password?</h1>
          <p className="muted">We will send you a way to choose a new one.</p>
        </header>

        <div className="segmented" role="tablist" aria-label="Send the reset to">
          {(['email', 'phone'] as const).map((c) => (
            <button
              key={c}
              type="button"
              role="tab"
              aria-selected={channel === c}
              className="segment"
              onClick={() => {
                setChannel(c)
                setValue('')
                setError(null)
                setFailure(null)
              }}
            >
              {c === 'email' ? <MailIcon size={16} /> : <PhoneIcon size={16} />}
              {c === 'email' ? 'By email' : 'By SMS'}
            </button>
          ))}
        </div>

        <form ref={formRef} className="form" onSubmit={submit} noValidate>
          {failure && <Alert tone="error">{failure}</Alert>}
          {channel === 'email' ? (
            <Field
              key="email"
              label="Email"
              type="email"
              name="email"
              autoComplete="email"
              value={value}
              onChange={(e) => {
                setValue(e.target.value)
                setError(null)
              }}
              error={error ?? undefined}
              hint="The address you signed up with."
            />
          ) : (
            <Field
              key="phone"
              label="Mobile number"
              type="tel"
              name="phone"
              autoComplete="tel"
              placeholder="+48123456789"
              value={value}
              onChange={(e) => {
                setValue(e.target.value)
                setError(null)
              }}
              error={error ?? undefined}
              hint="Works if you set up SMS codes for your account."
            />
          )}
          <button type="submit" className="button button-primary button-block button-lg" disabled={busy}>
            <BusyLabel
              busy={busy}
              label={channel === 'email' ? 'Email me a link' : 'Text me a code'}
              busyLabel="Sending…"
            />
          </button>
        </form>

        <p className="auth-switch muted">
          Remembered it? <Link to="/sign-in">Sign in</Link>
        </p>
      </div>
    </div>
  )
}

type PhoneErrors = NewPasswordErrors & { code?: string }

function PhoneReset({ phone, onDone }: { phone: string; onDone: () => void }) {
  const { client } = useAuth()
  const [code, setCode] = useState('')
  const [password, setPassword] = useState('')
  const [repeat, setRepeat] = useState('')
  const [errors, setErrors] = useState<PhoneErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [resent, setResent] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  const focusFirstError = useFocusFirstError(formRef)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setFailure(null)
    const found: PhoneErrors = checkNewPassword(password, repeat)
    if (!normalizeCode(code)) found.code = 'Enter the code from the text message.'
    setErrors(found)
    if (Object.values(found).some(Boolean)) {
      focusFirstError()
      return
    }
    setBusy(true)
    try {
      await client.resetPassword({ phone, verificationString: normalizeCode(code), password })
      onDone()
    } catch (error) {
      const placed = placeError<keyof PhoneErrors>(
        error,
        {
          'phone-code-error': 'code',
          'wrong-hash': 'code',
          'hash-expired': 'code',
          'validation-error': 'password',
          'same-password': 'password',
        },
        {
          'wrong-hash': 'That code is wrong or has already been used.',
          'hash-expired': 'That code has expired. Ask for a new one.',
        },
      )
      if (placed.field) setErrors({ [placed.field]: placed.message.text })
      else setFailure(placed.message.text)
      focusFirstError()
      setBusy(false)
    }
  }

  async function resend() {
    setFailure(null)
    setResent(false)
    try {
      await client.forgotPassword({ phone })
      setResent(true)
    } catch (error) {
      setFailure(plainText(error))
    }
  }

  return (
    <div className="container narrow auth-page">
      <div className="card auth-card" data-testid="forgot-sent">
        <header className="auth-header">
          <h1>Check your phone</h1>
          <p className="muted">
            If an account uses <strong className="break">{phone}</strong>, we texted it a code. Enter it with your new
            password.
          </p>
        </header>
        <form ref={formRef} className="form" onSubmit={submit} noValidate>
          {failure && <Alert tone="error">{failure}</Alert>}
          {resent && <Alert tone="success">If the number is on an account, a new code is on its way.</Alert>}
          <Field
            label="SMS code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            className="code-field"
            value={code}
            onChange={(e) => {
              setCode(e.target.value)
              setErrors((c) => ({ ...c, code: undefined }))
            }}
            error={errors.code}
          />
          <NewPasswordFields
            password={password}
            repeat={repeat}
            errors={errors}
            onPassword={(v) => {
              setPassword(v)
              setErrors((c) => ({ ...c, password: undefined }))
            }}
            onRepeat={(v) => {
              setRepeat(v)
              setErrors((c) => ({ ...c, passwordRepeat: undefined }))
            }}
          />
          <button type="submit" className="button button-primary button-block button-lg" disabled={busy}>
            <BusyLabel busy={busy} label="Set the new password" busyLabel="Saving…" />
          </button>
          <button type="button" className="button button-ghost button-block" onClick={resend} disabled={busy}>
            Text me a new code
          </button>
        </form>
      </div>
    </div>
  )
}

export function PasswordResetDone() {
  return (
    <div className="container narrow center-page">
      <div className="card status-card" data-testid="password-reset-done">
        <div className="status-icon status-icon-success" aria-hidden="true">
          ✓
        </div>
        <h1>Your password is changed</h1>
        <p className="muted">Sign in with your new password.</p>
        <div className="actions-row">
          <Link to="/sign-in" className="button button-primary button-lg">
            Sign in
          </Link>
        </div>
      </div>
    </div>
  )
}
