import { useRef, useState, type FormEvent } from 'react'
import { useAuth } from '../../auth/AuthContext'
import { useSecondFactor } from '../../components/SecondFactor'
import { Alert, BusyLabel, Field } from '../../components/ui'
import { placeError } from '../../lib/errors'
import { isPasswordValid } from '../../lib/password'
import { PasswordRules } from '../../components/PasswordRules'
import { formatDateTime, parseTime } from '../../lib/time'
import { useFocusFirstError } from '../../lib/useFocusFirstError'
import { hasSecondFactor, Section, type SettingsProps } from './common'

type Errors = { currentPassword?: string; password?: string; passwordRepeat?: string }

const DAY_MS = 24 * 60 * 60 * 1000

/** When the password may be changed again, or null when it may be now. */
export function nextPasswordChange(passwordChanged: string | null, now: number = Date.now()): Date | null {
  const last = parseTime(passwordChanged)
  if (!last) return null
  const next = last.getTime() + DAY_MS
  return next > now ? new Date(next) : null
}

export function ChangePasswordForm({ settings, patchSecurity }: SettingsProps) {
  const { client } = useAuth()
  const run = useSecondFactor()
  const needsCurrent = !hasSecondFactor(settings)
  const [form, setForm] = useState({ currentPassword: '', password: '', passwordRepeat: '' })
  const [errors, setErrors] = useState<Errors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [done, setDone] = useState(false)
  const [busy, setBusy] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  const focusFirstError = useFocusFirstError(formRef)
  const waitUntil = nextPasswordChange(settings.securitySettings.passwordChanged)

  function update(key: keyof typeof form, value: string) {
    setForm((current) => ({ ...current, [key]: value }))
    setErrors((current) => ({ ...current, [key]: undefined }))
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    setFailure(null)
    setDone(false)
    const found: Errors = {}
    if (needsCurrent && !form.currentPassword) found.currentPassword = 'Enter your current password.'
    if (!form.password) found.password = 'Choose a new password.'
    else if (!isPasswordValid(form.password)) found.password = 'The new password does not meet every rule below yet.'
    else if (needsCurrent && form.password === form.currentPassword)
      found.password = 'The new password must be different from the current one.'
    if (form.password && form.passwordRepeat !== form.password) found.passwordRepeat = 'The two passwords do not match.'
    setErrors(found)
    if (Object.keys(found).length > 0) {
      focusFirstError()
      return
    }
    setBusy(true)
    try {
      const outcome = await run(
        (factor) =>
          client.changePassword(
            {
              password: form.password,
              passwordRepeat: form.passwordRepeat,
              ...(needsCurrent ? { currentPassword: form.currentPassword } : {}),
            },
            factor,
          ),
        { title: 'Confirm it is you', smsText: 'We texted you a code to confirm the new password.' },
      )
      if (outcome.kind === 'done') {
        setDone(true)
        setForm({ currentPassword: '', password: '', passwordRepeat: '' })
        patchSecurity({ passwordChanged: new Date().toISOString() })
      }
    } catch (error) {
      const placed = placeError<keyof Errors>(
        error,
        { 'wrong-credentials': 'currentPassword', 'same-password': 'password', 'validation-error': 'password' },
        { 'wrong-credentials': 'That is not your current password.' },
      )
      if (placed.field) setErrors({ [placed.field]: placed.message.text })
      else setFailure(placed.message.text)
      focusFirstError()
    } finally {
      setBusy(false)
    }
  }

  return (
    <Section
      title="Password"
      description="You can change your password once every 24 hours. Your other devices are signed out when you do."
      testId="change-password"
    >
      {done && (
        <Alert tone="success" title="Password changed">
          Use your new password next time you sign in. Other devices have been signed out.
        </Alert>
      )}
      {waitUntil && !done && (
        <Alert tone="info">
          You changed your password recently. You can change it again after {formatDateTime(waitUntil.toISOString())}.
        </Alert>
      )}
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        {failure && <Alert tone="error">{failure}</Alert>}
        {needsCurrent && (
          <Field
            label="Current password"
            type="password"
            name="current-password"
            autoComplete="current-password"
            value={form.currentPassword}
            onChange={(e) => update('currentPassword', e.target.value)}
            error={errors.currentPassword}
          />
        )}
        <Field
          label="New password"
          type="password"
          name="new-password"
          autoComplete="new-password"
          value={form.password}
          onChange={(e) => update('password', e.target.value)}
          error={errors.password}
          hint={<PasswordRules password={form.password} />}
        />
        <Field
          label="Repeat the new password"
          type="password"
          name="new-password-repeat"
          autoComplete="new-password"
          value={form.passwordRepeat}
          onChange={(e) => update('passwordRepeat', e.target.value)}
          error={errors.passwordRepeat}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            <BusyLabel busy={busy} label="Change password" busyLabel="Changing…" />
          </button>
        </div>
      </form>
    </Section>
  )
}
