import { useRef, useState, type FormEvent } from 'react'
import type { PersonalSettingsInput } from '../../api/client'
import { useAuth } from '../../auth/AuthContext'
import { Alert, BusyLabel, Field, Switch, TextAreaField } from '../../components/ui'
import { placeError } from '../../lib/errors'
import { useFocusFirstError } from '../../lib/useFocusFirstError'
import { isHttpUrl, isUsername } from '../../lib/validation'
import { Section, type SettingsProps } from './common'

type Form = Required<PersonalSettingsInput>
type Errors = Partial<Record<keyof Form, string>>

const LINKS = ['twitter', 'linkedIn', 'personalWebsite'] as const

export function validatePersonal(form: Form): Errors {
  const errors: Errors = {}
  if (!form.username.trim()) errors.username = 'Choose a username.'
  else if (!isUsername(form.username)) errors.username = 'Use 3 to 30 letters, digits, "_", "." or "-".'
  for (const key of LINKS) {
    if (!isHttpUrl(form[key])) errors[key] = 'Enter a full web address starting with http:// or https://'
  }
  return errors
}

export function PersonalForm({ settings, patchSecurity }: SettingsProps) {
  const onPublicEmail = (publicEmail: boolean) => patchSecurity({ publicEmail })
  const { client, updateUser } = useAuth()
  const p = settings.personalSettings
  const [form, setForm] = useState<Form>({
    username: p.username ?? '',
    firstName: p.firstName ?? '',
    lastName: p.lastName ?? '',
    title: p.title ?? '',
    bio: p.bio ?? '',
    twitter: p.twitter ?? '',
    linkedIn: p.linkedIn ?? '',
    personalWebsite: p.personalWebsite ?? '',
    publicEmail: settings.securitySettings.publicEmail,
  })
  const [errors, setErrors] = useState<Errors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  const [busy, setBusy] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  const focusFirstError = useFocusFirstError(formRef)

  function update<K extends keyof Form>(key: K, value: Form[K]) {
    setForm((current) => ({ ...current, [key]: value }))
    setSaved(false)
    if (errors[key]) setErrors((current) => ({ ...current, [key]: undefined }))
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    setFailure(null)
    setSaved(false)
    const trimmed: Form = {
      ...form,
      ...Object.fromEntries(
        (Object.keys(form) as (keyof Form)[])
          .filter((key) => typeof form[key] === 'string' && key !== 'bio')
          .map((key) => [key, (form[key] as string).trim()]),
      ),
    }
    const found = validatePersonal(trimmed)
    setErrors(found)
    if (Object.keys(found).length > 0) {
      focusFirstError()
      return
    }
    setBusy(true)
    try {
      await client.setPersonalSettings(trimmed)
      const { publicEmail, ...profile } = trimmed
      updateUser(profile)
      onPublicEmail(publicEmail)
      setSaved(true)
    } catch (error) {
      const placed = placeError<keyof Form>(error, { 'username-taken': 'username' })
      if (placed.field) setErrors({ [placed.field]: placed.message.text })
      else setFailure(placed.message.text)
      focusFirstError()
    } finally {
      setBusy(false)
    }
  }

  const text = (key: Exclude<keyof Form, 'publicEmail' | 'bio'>) => ({
    name: key,
    value: form[key],
    onChange: (e: { target: { value: string } }) => update(key, e.target.value),
    error: errors[key],
  })

  return (
    <Section title="Personal information" description="This is what other members see on your profile.">
      <form ref={formRef} className="form" onSubmit={submit} noValidate data-testid="personal-form">
        {failure && <Alert tone="error">{failure}</Alert>}
        <Field
          label="Username"
          autoComplete="username"
          hint="Your profile address: 3 to 30 letters, digits, _ . or -"
          required
          {...text('username')}
        />
        <div className="field-row">
          <Field label="First name" autoComplete="given-name" optional {...text('firstName')} />
          <Field label="Last name" autoComplete="family-name" optional {...text('lastName')} />
        </div>
        <Field label="Title" optional placeholder="e.g. DeFi researcher" {...text('title')} />
        <TextAreaField
          label="Bio"
          optional
          name="bio"
          rows={4}
          value={form.bio}
          placeholder="A few words about you and the coins you care about"
          onChange={(e) => update('bio', e.target.value)}
          error={errors.bio}
        />
        <Field
          label="Twitter"
          optional
          type="url"
          inputMode="url"
          placeholder="https://twitter.com/you"
          {...text('twitter')}
        />
        <Field
          label="LinkedIn"
          optional
          type="url"
          inputMode="url"
          placeholder="https://www.linkedin.com/in/you"
          {...text('linkedIn')}
        />
        <Field
          label="Personal website"
          optional
          type="url"
          inputMode="url"
          placeholder="https://example.com"
          {...text('personalWebsite')}
        />
        <Switch
          label="Show my email on my profile"
          description="Off by default. When on, anyone can see your email address on your public profile."
          checked={form.publicEmail}
          onChange={(checked) => update('publicEmail', checked)}
        />
        {saved && (
          <Alert tone="success" title="Saved">
            Your profile is updated.
          </Alert>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            <BusyLabel busy={busy} label="Save changes" busyLabel="Saving…" />
          </button>
        </div>
      </form>
    </Section>
  )
}
