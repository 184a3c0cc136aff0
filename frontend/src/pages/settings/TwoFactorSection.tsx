import { useRef, useState, type FormEvent } from 'react'
import type { TwoFaSetup } from '../../api/client'
import { useAuth } from '../../auth/AuthContext'
import { useSecondFactor } from '../../components/SecondFactor'
import { Alert, BusyLabel, Field } from '../../components/ui'
import { plainText } from '../../lib/errors'
import { useFocusFirstError } from '../../lib/useFocusFirstError'
import { isPhone, normalizeCode, normalizePhone, SIX_DIGITS } from '../../lib/validation'
import { Section, type SettingsProps } from './common'

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP", easier to type from a screen. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s/g, '').replace(/(.{4})(?=.)/g, '$1 ')
}

function codeProblem(value: string): string | null {
  const code = normalizeCode(value)
  if (!code) return 'Enter the 6-digit code from your app.'
  if (!SIX_DIGITS.test(code)) return 'The code has 6 digits.'
  return null
}

/** A six-digit code box with a button, used to turn the authenticator on or off. */
function CodeForm({
  label,
  action,
  busyLabel,
  danger,
  onCode,
  testId,
}: {
  label: string
  action: string
  busyLabel: string
  danger?: boolean
  onCode: (code: string) => Promise<void>
  testId?: string
}) {
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  const focusFirstError = useFocusFirstError(formRef)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const problem = codeProblem(code)
    setError(problem)
    if (problem) {
      focusFirstError()
      return
    }
    setBusy(true)
    try {
      await onCode(normalizeCode(code))
    } catch (failure) {
      setError(plainText(failure))
      setCode('')
      focusFirstError()
    } finally {
      setBusy(false)
    }
  }

  return (
    <form ref={formRef} className="inline-form" onSubmit={submit} noValidate data-testid={testId}>
      <Field
        label={label}
        name="totp-code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        className="code-field"
        value={code}
        onChange={(e) => {
          setCode(e.target.value)
          setError(null)
        }}
        error={error ?? undefined}
      />
      <button type="submit" className={`button ${danger ? 'button-danger' : 'button-primary'}`} disabled={busy}>
        <BusyLabel busy={busy} label={action} busyLabel={busyLabel} />
      </button>
    </form>
  )
}

export function TotpSection({ settings, patchSecurity }: SettingsProps) {
  const { client } = useAuth()
  const { twoFaToken: enabled, phone } = settings.securitySettings
  const [setup, setSetup] = useState<TwoFaSetup | null>(null)
  const [starting, setStarting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  async function start() {
    setStarting(true)
    setError(null)
    setNotice(null)
    try {
      setSetup(await client.generateTwoFa())
    } catch (failure) {
      setError(plainText(failure))
    } finally {
      setStarting(false)
    }
  }

  return (
    <Section
      title="Authenticator app"
      description="Sign in with a code from an app such as Google Authenticator, 1Password or Aegis, on top of your password."
      testId="totp-section"
    >
      {notice && <Alert tone="success">{notice}</Alert>}
      {error && <Alert tone="error">{error}</Alert>}
      {enabled ? (
        <>
          <p className="status-line">
            <span className="dot dot-on" aria-hidden="true" /> <strong>On.</strong> You are asked for a code when you
            sign in and before sensitive changes.
          </p>
          <CodeForm
            label="Code to turn it off"
            action="Turn off"
            busyLabel="Turning off…"
            danger
            testId="totp-remove"
            onCode={async (code) => {
              await client.removeTwoFa(code)
              patchSecurity({ twoFaToken: false })
              setNotice('The authenticator app is off.')
            }}
          />
        </>
      ) : phone ? (
        <p className="muted small">
          You use SMS codes as your second factor. An account has one second factor at a time: remove your phone first
          to use an authenticator app instead.
        </p>
      ) : setup ? (
        <div className="totp-setup" data-testid="totp-setup">
          <ol className="steps">
            <li>
              <p>Scan this QR code with your authenticator app.</p>
              <img className="qr" src={setup.qr} alt="QR code for your authenticator app" width={180} height={180} />
            </li>
            <li>
              <p>Can't scan it? Enter this key in the app instead:</p>
              <code className="secret" data-testid="totp-secret" data-secret={setup.twoFaToken}>
                {groupSecret(setup.twoFaToken)}
              </code>
            </li>
            <li>
              <p>Enter the 6-digit code the app shows now.</p>
              <CodeForm
                label="Authenticator code"
                action="Turn on"
                busyLabel="Checking…"
                testId="totp-confirm"
                onCode={async (code) => {
                  await client.setTwoFa(code)
                  patchSecurity({ twoFaToken: true })
                  setSetup(null)
                  setNotice('The authenticator app is on. You will be asked for a code when you sign in.')
                }}
              />
            </li>
          </ol>
          <button type="button" className="button button-ghost" onClick={() => setSetup(null)}>
            Cancel
          </button>
        </div>
      ) : (
        <>
          <p className="status-line">
            <span className="dot" aria-hidden="true" /> <strong>Off.</strong>
          </p>
          <button type="button" className="button button-primary" onClick={start} disabled={starting}>
            <BusyLabel busy={starting} label="Set up an authenticator app" busyLabel="Preparing…" />
          </button>
        </>
      )}
    </Section>
  )
}

export function PhoneSection({ settings, patchSecurity }: SettingsProps) {
  const { client } = useAuth()
  const run = useSecondFactor()
  const { twoFaToken, phone } = settings.securitySettings
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  const focusFirstError = useFocusFirstError(formRef)

  async function add(event: FormEvent) {
    event.preventDefault()
    setFailure(null)
    setNotice(null)
    const number = normalizePhone(value)
    const problem = !number
      ? 'Enter your mobile number.'
      : !isPhone(number)
        ? 'Use the international format, e.g. +48123456789.'
        : null
    setError(problem)
    if (problem) {
      focusFirstError()
      return
    }
    setBusy(true)
    try {
      const outcome = await run((factor) => client.setPhone(number, factor), {
        title: 'Confirm your phone',
        smsText: `We texted a code to ${number}. Enter it to confirm this number.`,
      })
      if (outcome.kind === 'done') {
        patchSecurity({ phone: number })
        setValue('')
        setNotice('Your phone is set. We will text you a code when you sign in.')
      }
    } catch (failure) {
      const text = plainText(failure)
      if ((failure as { code?: string }).code === 'validation-error') {
        setError(text)
        focusFirstError()
      } else setFailure(text)
    } finally {
      setBusy(false)
    }
  }

  async function remove() {
    setFailure(null)
    setNotice(null)
    setBusy(true)
    try {
      const outcome = await run((factor) => client.removePhone(factor), {
        title: 'Remove your phone',
        smsText: `We texted a code to ${phone}. Enter it to remove this number.`,
        submitLabel: 'Remove phone',
      })
      if (outcome.kind === 'done') {
        patchSecurity({ phone: null })
        setNotice('Your phone is removed. Sign-in no longer asks for an SMS code.')
      }
    } catch (failure) {
      setFailure(plainText(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Section title="SMS codes" description="Get a code by text message when you sign in." testId="phone-section">
      {notice && <Alert tone="success">{notice}</Alert>}
      {failure && <Alert tone="error">{failure}</Alert>}
      {phone ? (
        <div className="inline-form">
          <p className="status-line">
            <span className="dot dot-on" aria-hidden="true" /> <strong>On</strong> for{' '}
            <span className="break">{phone}</span>
          </p>
          <button type="button" className="button button-danger" onClick={remove} disabled={busy}>
            <BusyLabel busy={busy} label="Remove phone" busyLabel="Texting a code…" />
          </button>
        </div>
      ) : twoFaToken ? (
        <p className="muted small">
          You use an authenticator app as your second factor. Turn it off first to use SMS codes instead.
        </p>
      ) : (
        <form ref={formRef} className="inline-form" onSubmit={add} noValidate data-testid="phone-form">
          <Field
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
            hint="With the country code, e.g. +48 for Poland."
          />
          <button type="submit" className="button button-primary" disabled={busy}>
            <BusyLabel busy={busy} label="Text me a code" busyLabel="Texting…" />
          </button>
        </form>
      )}
    </Section>
  )
}
