import { useCallback, useEffect, useState, type KeyboardEvent } from 'react'
import { Link, useSearchParams } from 'react-router'
import type { Settings } from '../api/client'
import { useAuth } from '../auth/AuthContext'
import { Alert, PageLoading } from '../components/ui'
import { plainText } from '../lib/errors'
import { useDocumentTitle } from '../lib/useDocumentTitle'
import { ChangeEmailForm } from './settings/ChangeEmailForm'
import { ChangePasswordForm } from './settings/ChangePasswordForm'
import { CloseAccountSection } from './settings/CloseAccountSection'
import type { SettingsProps } from './settings/common'
import { NotificationsForm } from './settings/NotificationsForm'
import { PersonalForm } from './settings/PersonalForm'
import { PhotoForm } from './settings/PhotoForm'
import { PhoneSection, TotpSection } from './settings/TwoFactorSection'

const TABS = [
  { id: 'profile', label: 'Profile' },
  { id: 'photo', label: 'Photo' },
  { id: 'security', label: 'Security' },
  { id: 'notifications', label: 'Notifications' },
] as const

type TabId = (typeof TABS)[number]['id']

type Load = { kind: 'loading' } | { kind: 'error'; text: string } | { kind: 'ready'; settings: Settings }

export function SettingsPage() {
  const { client } = useAuth()
  const [params, setParams] = useSearchParams()
  const asked = params.get('tab')
  const tab: TabId = TABS.some((t) => t.id === asked) ? (asked as TabId) : 'profile'
  const [load, setLoad] = useState<Load>({ kind: 'loading' })
  const [attempt, setAttempt] = useState(0)
  useDocumentTitle('Settings')

  useEffect(() => {
    let active = true
    client.getSettings().then(
      (settings) => active && setLoad({ kind: 'ready', settings }),
      (error) => active && setLoad({ kind: 'error', text: plainText(error) }),
    )
    return () => {
      active = false
    }
  }, [client, attempt])

  const patchSecurity = useCallback<SettingsProps['patchSecurity']>((patch) => {
    setLoad((current) =>
      current.kind === 'ready'
        ? {
            kind: 'ready',
            settings: { ...current.settings, securitySettings: { ...current.settings.securitySettings, ...patch } },
          }
        : current,
    )
  }, [])

  function select(id: TabId) {
    setParams(id === 'profile' ? {} : { tab: id }, { replace: true })
  }

  function onTabKey(event: KeyboardEvent) {
    const index = TABS.findIndex((t) => t.id === tab)
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (!step) return
    event.preventDefault()
    const next = TABS[(index + step + TABS.length) % TABS.length]
    select(next.id)
    document.getElementById(`tab-${next.id}`)?.focus()
  }

  return (
    <div className="container settings-page">
      <div className="page-head">
        <div>
          <p className="eyebrow">Your account</p>
          <h1>Settings</h1>
        </div>
        <Link to="/account" className="button button-secondary">
          View your profile
        </Link>
      </div>

      <div className="tabs" role="tablist" aria-label="Settings sections">
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            type="button"
            role="tab"
            className="tab"
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => select(t.id)}
            onKeyDown={onTabKey}
          >
            {t.label}
          </button>
        ))}
      </div>

      <div className="tab-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {/* the notification settings are their own resource: no need to wait for the profile's */}
        {tab === 'notifications' && <NotificationsForm />}
        {tab !== 'notifications' && load.kind === 'loading' && <PageLoading label="Loading your settings…" />}
        {tab !== 'notifications' && load.kind === 'error' && (
          <>
            <Alert tone="error" title="Could not load your settings">
              {load.text}
            </Alert>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setLoad({ kind: 'loading' })
                setAttempt((n) => n + 1)
              }}
            >
              Try again
            </button>
          </>
        )}
        {tab !== 'notifications' && load.kind === 'ready' && (
          <Panel tab={tab} settings={load.settings} patchSecurity={patchSecurity} />
        )}
      </div>
    </div>
  )
}

function Panel({ tab, ...props }: SettingsProps & { tab: TabId }) {
  if (tab === 'photo') return <PhotoForm {...props} />
  if (tab === 'security') {
    return (
      <div className="settings-stack">
        <ChangeEmailForm {...props} />
        <ChangePasswordForm {...props} />
        <TotpSection {...props} />
        <PhoneSection {...props} />
        <CloseAccountSection {...props} />
      </div>
    )
  }
  return <PersonalForm {...props} />
}
