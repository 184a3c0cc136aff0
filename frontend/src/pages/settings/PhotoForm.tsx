import { useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react'
import { useAuth } from '../../auth/AuthContext'
import { Avatar } from '../../components/Avatar'
import { Alert, BusyLabel } from '../../components/ui'
import { plainText } from '../../lib/errors'
import { formatBytes, photoProblem } from '../../lib/validation'
import { Section, type SettingsProps } from './common'

/** Reads a file as a data URL (what the API takes). */
export function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(new Error('Could not read this file. Try another one.'))
    reader.readAsDataURL(file)
  })
}

type Chosen = { name: string; size: number; dataUrl: string }

export function PhotoForm({ settings }: SettingsProps) {
  const { client, user, photoChanged } = useAuth()
  const inputId = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const [chosen, setChosen] = useState<Chosen | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [progress, setProgress] = useState<number | null>(null)
  const [done, setDone] = useState(false)
  const [hasPhoto, setHasPhoto] = useState(settings.isProfilePicPresent)

  const person = {
    username: settings.personalSettings.username,
    firstName: user?.firstName ?? settings.personalSettings.firstName,
    lastName: user?.lastName ?? settings.personalSettings.lastName,
    isProfilePicPresent: hasPhoto,
  }

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0]
    setDone(false)
    setProblem(null)
    setChosen(null)
    if (!file) return
    const why = photoProblem(file)
    if (why) {
      setProblem(why)
      inputRef.current?.focus()
      return
    }
    try {
      setChosen({ name: file.name, size: file.size, dataUrl: await readAsDataUrl(file) })
    } catch (error) {
      setProblem(plainText(error))
    }
  }

  async function upload(event: FormEvent) {
    event.preventDefault()
    if (!chosen) {
      setProblem('Choose an image first.')
      inputRef.current?.focus()
      return
    }
    setProblem(null)
    setProgress(0)
    try {
      await client.uploadPhoto(chosen.dataUrl, setProgress)
      setHasPhoto(true)
      photoChanged()
      setChosen(null)
      setDone(true)
      if (inputRef.current) inputRef.current.value = ''
    } catch (error) {
      setProblem(plainText(error))
    } finally {
      setProgress(null)
    }
  }

  const busy = progress !== null
  const percent = Math.round((progress ?? 0) * 100)
  return (
    <Section title="Profile photo" description="PNG, JPEG or WebP, up to 2 MB. A square image looks best.">
      <form className="photo-form" onSubmit={upload} noValidate data-testid="photo-form">
        <div className="photo-preview">
          <Avatar person={person} size="lg" src={chosen?.dataUrl} />
          <div className="photo-meta small">
            {chosen ? (
              <>
                <strong className="break">{chosen.name}</strong>
                <span className="muted">{formatBytes(chosen.size)} · preview</span>
              </>
            ) : (
              <span className="muted">
                {hasPhoto ? 'Your current photo.' : 'No photo yet — your initials are shown.'}
              </span>
            )}
          </div>
        </div>

        <div className={`field${problem ? ' field-invalid' : ''}`}>
          <input
            ref={inputRef}
            id={inputId}
            className="file-input"
            type="file"
            name="photo"
            accept="image/png,image/jpeg,image/webp"
            onChange={choose}
            disabled={busy}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${inputId}-error` : undefined}
            data-testid="photo-input"
          />
          <label htmlFor={inputId} className="button button-secondary file-button">
            {chosen ? 'Choose another image' : 'Choose an image'}
          </label>
          {problem && (
            <p className="field-error" id={`${inputId}-error`} role="alert">
              {problem}
            </p>
          )}
        </div>

        {busy && (
          <div
            className="progress"
            role="progressbar"
            aria-label="Upload progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
          >
            <div className="progress-bar" style={{ width: `${percent}%` }} />
            <span className="progress-text small">{percent < 100 ? `Uploading… ${percent}%` : 'Processing…'}</span>
          </div>
        )}
        {done && <Alert tone="success">Your new photo is up.</Alert>}

        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy || !chosen}>
            <BusyLabel busy={busy} label="Upload photo" busyLabel="Uploading…" />
          </button>
        </div>
      </form>
    </Section>
  )
}
