import { useRef, useState, type FormEvent } from 'react'
import { useAuth } from '../../auth/AuthContext'
import { useSecondFactor } from '../../components/SecondFactor'
import { Alert, BusyLabel, EmailText, Field } from '../../components/ui'
import { placeError } from '../../lib/errors'
import { useFocusFirstError } from '../../lib/useFocusFirstError'
import { isEmail } from '../../lib/validation'
import { hasSecondFactor, Section, type SettingsProps } from './common'

type Errors = { email?: string; password?: string }

export function ChangeEmailForm({ settings, patchSecurity }: SettingsProps) {
  const { client } = useAuth()
  const run = useSecondFactor()
  const needsPassword = !hasSecondFactor(settings)
  const current = settings.securitySettings.email
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [sentTo, setSentTo] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  const focusFirstError = useFocusFirstError(formRef)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setFailure(null)
    const address = email.trim()
    const found: Errors = {}
    if (!address) found.email = 'Enter your new email address.'
    else if (!isEmail(address)) found.email = 'That does not look like an email address.'
    else if (address.toLowerCase() === current.toLowerCase()) found.email = 'This is already your email address.'
    if (needsPassword && !password) found.password = 'Enter your current password.'
    setErrors(found)
    if (found.email || found.password) {
      focusFirstError()
      return
    }
    setBusy(true)
    try {
      const outcome = await run(
        (factor) => client.changeEmail({ email: address, ...(needsPassword ? { password } : {}) }, factor),
        {
          title: 'Confirm it is you',
          smsText: 'We texted you a code to confirm the change of email.',
        },
      )
      if (outcome.kind === 'done') {
        setSentTo(address)
        setPassword('')
        setEmail('')
      }
    } catch (error) {
      const placed = placeError<keyof Errors>(
        error,
        { 'wrong-credentials': 'password', 'user-already-exists': 'email', 'validation-error': 'email' },
        {
          'wrong-credentials': 'That password is not right.',
          'user-already-exists': 'Another account already uses this email address.',
        },
      )
      if (placed.message.code === 'email-already-changed') patchSecurity({ emailChanged: true })
      if (placed.field) setErrors({ [placed.field]: placed.message.text })
      else setFailure(placed.message.text)
      focusFirstError()
    } finally {
      setBusy(false)
    }
  }

  return (
    <Section
      title="Email address"
      description={
        <>
          You sign in with <EmailText email={current} className="strong" />.
        </>
      }
      testId="change-email"
    >
      {sentTo ? (
        <Alert tone="success" title="Check your new inbox">
          We sent a confirmation link to <EmailText email={sentTo} />. Your email changes when you open it. We also let
          your current address know.
        </Alert>
      ) : settings.securitySettings.emailChanged ? (
        <Alert tone="info">You have already changed your email address once; it cannot be changed again.</Alert>
      ) : (
        <form ref={formRef} className="form" onSubmit={submit} noValidate>
          {failure && <Alert tone="error">{failure}</Alert>}
          <p className="muted small form-note">You can change your email address once.</p>
          <Field
            label="New email"
            type="email"
            name="new-email"
            autoComplete="email"
            value={email}
            onChange={(e) => {
              setEmail(e.target.value)
              setErrors((c) => ({ ...c, email: undefined }))
            }}
            error={errors.email}
          />
          {needsPassword && (
            <Field
              label="Current password"
              type="password"
              name="email-current-password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => {
                setPassword(e.target.value)
                setErrors((c) => ({ ...c, password: undefined }))
              }}
              error={errors.password}
            />
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              <BusyLabel busy={busy} label="Change email" busyLabel="Sending…" />
            </button>
          </div>
        </form>
      )}
    </Section>
  )
}
