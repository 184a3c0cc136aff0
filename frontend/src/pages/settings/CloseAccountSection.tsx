import { useRef, useState, type FormEvent } from 'react'
import { useAuth } from '../../auth/AuthContext'
import { useSecondFactor } from '../../components/SecondFactor'
import { Alert, BusyLabel, Field, Modal } from '../../components/ui'
import { placeError } from '../../lib/errors'
import { useFocusFirstError } from '../../lib/useFocusFirstError'
import { Section, type SettingsProps } from './common'

type Errors = { username?: string; password?: string }

function CloseAccountDialog({ username, onClose }: { username: string; onClose: () => void }) {
  const { client } = useAuth()
  const run = useSecondFactor()
  const [typed, setTyped] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  const focusFirstError = useFocusFirstError(formRef)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setFailure(null)
    const found: Errors = {}
    if (typed.trim() !== username) found.username = `Type ${username} exactly to confirm.`
    if (!password) found.password = 'Enter your password.'
    setErrors(found)
    if (found.username || found.password) {
      focusFirstError()
      return
    }
    setBusy(true)
    try {
      const outcome = await run((factor) => client.closeAccount({ password }, factor), {
        title: 'Confirm closing your account',
        smsText: 'We texted you a code to confirm closing your account.',
        submitLabel: 'Close my account',
      })
      if (outcome.kind === 'done') {
        // RequireAuth sends the now anonymous visitor home, where the notice shows.
        client.forget('closed')
        return
      }
    } catch (error) {
      const placed = placeError<keyof Errors>(
        error,
        { 'wrong-credentials': 'password' },
        { 'wrong-credentials': 'That password is not right.' },
      )
      if (placed.field) setErrors({ [placed.field]: placed.message.text })
      else setFailure(placed.message.text)
      focusFirstError()
    }
    setBusy(false)
  }

  return (
    <Modal
      title="Close your account?"
      description="Your profile, photo and settings are deleted for good and you are signed out everywhere. This cannot be undone."
      onClose={onClose}
      busy={busy}
      testId="close-account-dialog"
    >
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        {failure && <Alert tone="error">{failure}</Alert>}
        <Field
          label={`Type your username (${username}) to confirm`}
          name="confirm-username"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value)
            setErrors((c) => ({ ...c, username: undefined }))
          }}
          error={errors.username}
        />
        <Field
          label="Password"
          type="password"
          name="close-password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => {
            setPassword(e.target.value)
            setErrors((c) => ({ ...c, password: undefined }))
          }}
          error={errors.password}
        />
        <div className="modal-actions">
          <button type="button" className="button button-ghost" onClick={onClose} disabled={busy}>
            Keep my account
          </button>
          <button type="submit" className="button button-danger-solid" disabled={busy || typed.trim() !== username}>
            <BusyLabel busy={busy} label="Close my account" busyLabel="Closing…" />
          </button>
        </div>
      </form>
    </Modal>
  )
}

export function CloseAccountSection({ settings }: SettingsProps) {
  const [open, setOpen] = useState(false)
  return (
    <Section
      title="Close account"
      description="Deletes your account and everything in it. You will need to sign up again to come back."
      tone="danger"
      testId="close-account"
    >
      <div>
        <button type="button" className="button button-danger" onClick={() => setOpen(true)}>
          Close my account…
        </button>
      </div>
      {open && <CloseAccountDialog username={settings.personalSettings.username} onClose={() => setOpen(false)} />}
    </Section>
  )
}
