import { useEffect, useState, type FormEvent } from 'react'
import type { NotificationPreferences } from '../../api/client'
import { useAuth } from '../../auth/AuthContext'
import { Alert, BusyLabel, LoadError, PageLoading, Switch } from '../../components/ui'
import { plainText } from '../../lib/errors'
import { Section } from './common'

type Key = keyof NotificationPreferences

const IN_APP: { key: Key; label: string; description: string }[] = [
  { key: 'comments', label: 'Comments on my posts', description: 'Someone comments on a post you wrote.' },
  { key: 'replies', label: 'Replies in my threads', description: 'Someone comments on a post you commented on.' },
  { key: 'mentions', label: 'Mentions', description: 'Someone writes @yourname in a post or a comment.' },
  { key: 'follows', label: 'New followers', description: 'Someone starts following you.' },
  { key: 'ratings', label: 'Votes', description: 'Votes on your posts and comments, gathered into one row per post.' },
]

const BY_EMAIL: { key: Key; label: string }[] = [
  { key: 'emailMentions', label: 'Email me when I am mentioned' },
  { key: 'emailReplies', label: 'Email me about comments and replies in my threads' },
]

/** Settings › Notifications: which notifications the caller wants, per type, and which by email (`PUT` all of it). */
export function NotificationsForm() {
  const { client } = useAuth()
  const [saved, setSaved] = useState<NotificationPreferences | null>(null)
  const [form, setForm] = useState<NotificationPreferences | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState(false)

  useEffect(() => {
    let active = true
    client.notificationPreferences().then(
      (preferences) => {
        if (!active) return
        setSaved(preferences)
        setForm(preferences)
      },
      (error) => active && setLoadError(plainText(error)),
    )
    return () => {
      active = false
    }
  }, [client, attempt])

  if (!form || !saved) {
    if (loadError)
      return (
        <LoadError
          title="Could not load your notification settings"
          error={loadError}
          onRetry={() => {
            setLoadError(null)
            setAttempt((n) => n + 1)
          }}
        />
      )
    return <PageLoading label="Loading your notification settings…" />
  }

  const changed = (Object.keys(form) as Key[]).some((key) => form[key] !== saved[key])

  function set(key: Key, value: boolean) {
    setForm((current) => (current ? { ...current, [key]: value } : current))
    setDone(false)
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!form) return
    setBusy(true)
    setProblem(null)
    try {
      await client.saveNotificationPreferences(form)
      setSaved(form)
      setDone(true)
    } catch (error) {
      setProblem(plainText(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Section
      title="Notifications"
      description="What shows up under the bell, and what we also send by email."
      testId="notifications-form"
    >
      <form className="form" onSubmit={submit} noValidate>
        <fieldset className="switch-group">
          <legend className="field-label">In the app</legend>
          {IN_APP.map(({ key, label, description }) => (
            <Switch
              key={key}
              label={label}
              description={description}
              checked={form[key]}
              onChange={(checked) => set(key, checked)}
            />
          ))}
        </fieldset>
        <fieldset className="switch-group">
          <legend className="field-label">By email</legend>
          {BY_EMAIL.map(({ key, label }) => (
            <Switch key={key} label={label} checked={form[key]} onChange={(checked) => set(key, checked)} />
          ))}
          <p className="field-hint">At most one email per thread an hour.</p>
        </fieldset>
        {done && (
          <Alert tone="success" title="Saved">
            Your notification settings are updated.
          </Alert>
        )}
        {problem && (
          <Alert tone="error" title="Could not save">
            {problem}
          </Alert>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy || !changed}>
            <BusyLabel busy={busy} label="Save changes" busyLabel="Saving…" />
          </button>
        </div>
      </form>
    </Section>
  )
}
