import type { ReactNode } from 'react'
import type { Settings } from '../../api/client'

/** A titled block of the settings page. */
export function Section({
  title,
  description,
  children,
  tone,
  testId,
}: {
  title: string
  description?: ReactNode
  children: ReactNode
  tone?: 'danger'
  testId?: string
}) {
  return (
    <section className={`card settings-section${tone === 'danger' ? ' settings-danger' : ''}`} data-testid={testId}>
      <header className="settings-section-head">
        <h2>{title}</h2>
        {description && <div className="muted small">{description}</div>}
      </header>
      {children}
    </section>
  )
}

/** What every settings form gets: the loaded settings and a way to patch them locally. */
export interface SettingsProps {
  settings: Settings
  patchSecurity: (patch: Partial<Settings['securitySettings']>) => void
}

/** True when the account has a second factor (authenticator app or phone). */
export function hasSecondFactor(settings: Settings): boolean {
  return settings.securitySettings.twoFaToken || !!settings.securitySettings.phone
}
