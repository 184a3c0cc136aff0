import { useRef, useState, type FormEvent } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import { useAuth } from '../auth/AuthContext'
import { checkNewPassword, NewPasswordFields, type NewPasswordErrors } from '../components/NewPasswordFields'
import { Alert, BusyLabel, EmailText } from '../components/ui'
import { placeError } from '../lib/errors'
import { useDocumentTitle } from '../lib/useDocumentTitle'
import { useFocusFirstError } from '../lib/useFocusFirstError'
import { PasswordResetDone } from './ForgotPasswordPage'

const LINK_CODES = new Set(['wrong-hash', 'hash-not-found', 'hash-expired'])

export function ResetPasswordPage() {
  const { token = '' } = useParams()
  const [params] = useSearchParams()
  const email = params.get('email') ?? ''
  const { client } = useAuth()
  const [password, setPassword] = useState('')
  const [repeat, setRepeat] = useState('')
  const [errors, setErrors] = useState<NewPasswordErrors>({})
  const [failure, setFailure] = useState<{ code: string; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  const focusFirstError = useFocusFirstError(formRef)
  useDocumentTitle('Choose a new password')

  if (done) return <PasswordResetDone />

  async function submit(event: FormEvent) {
    event.preventDefault()
    setFailure(null)
    const found = checkNewPassword(password, repeat)
    setErrors(found)
    if (found.password || found.passwordRepeat) {
      focusFirstError()
      return
    }
    setBusy(true)
    try {
      await client.resetPassword({ email, verificationString: token, password })
      setDone(true)
    } catch (error) {
      const placed = placeError<keyof NewPasswordErrors>(
        error,
        { 'validation-error': 'password', 'same-password': 'password' },
        {
          'same-password': 'The new password must be different from your old one.',
        },
      )
      if (placed.field) setErrors({ [placed.field]: placed.message.text })
      else setFailure({ code: placed.message.code, text: placed.message.text })
      focusFirstError()
      setBusy(false)
    }
  }

  if (!email || !token) {
    return (
      <div className="container narrow center-page">
        <div className="card status-card">
          <div className="status-icon status-icon-error" aria-hidden="true">
            !
          </div>
          <h1>This link is incomplete</h1>
          <p className="muted">Open the link from the email exactly as it is, or ask for a new one.</p>
          <div className="actions-row">
            <Link to="/forgot-password" className="button button-primary">
              Ask for a new link
            </Link>
          </div>
        </div>
      </div>
    )
  }

  return (
    <div className="container narrow auth-page">
      <div className="card auth-card">
        <header className="auth-header">
          <h1>Choose a new password</h1>
          <p className="muted">
            For <EmailText email={email} className="strong" />
          </p>
        </header>
        <form ref={formRef} className="form" onSubmit={submit} noValidate>
          {failure && (
            <Alert tone="error">
              {failure.text} {LINK_CODES.has(failure.code) && <Link to="/forgot-password">Ask for a new link</Link>}
            </Alert>
          )}
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
        </form>
      </div>
    </div>
  )
}
