import type { ReactNode } from 'react'
import type { User } from '../api/client'
import { formatDate } from '../lib/time'
import { Avatar } from './Avatar'
import { EmailText } from './ui'

/** A link only when it is an http(s) address; anything else is shown as text. */
function ProfileLink({ label, value }: { label: string; value?: string | null }) {
  if (!value) return null
  const isUrl = /^https?:\/\//i.test(value)
  const href = isUrl ? value : label === 'Twitter' ? `https://twitter.com/${value.replace(/^@/, '')}` : null
  const shown = isUrl ? value.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, '') : value
  return (
    <div className="detail">
      <dt>{label}</dt>
      <dd className="break">
        {href ? (
          <a href={href} target="_blank" rel="noreferrer noopener">
            {shown}
          </a>
        ) : (
          shown
        )}
      </dd>
    </div>
  )
}

/** The profile card of the account page and of public profiles. */
export function ProfileCard({
  profile,
  actions,
  showEmail = true,
}: {
  profile: User
  actions?: ReactNode
  showEmail?: boolean
}) {
  const fullName = [profile.firstName, profile.lastName].filter(Boolean).join(' ')
  return (
    <div className="card profile-card" data-testid="profile-card">
      <div className="profile-banner" aria-hidden="true" />
      <div className="profile-head">
        <Avatar person={profile} size="lg" />
        <div className="profile-names">
          <h1 className="break">{fullName || profile.username}</h1>
          <p className="muted break">
            @<span data-testid="account-username">{profile.username}</span>
            {profile.title ? (
              <>
                {' '}
                · <span data-testid="profile-title">{profile.title}</span>
              </>
            ) : null}
          </p>
        </div>
      </div>

      {profile.bio && <p className="profile-bio">{profile.bio}</p>}

      <dl className="details">
        {showEmail && profile.email && (
          <div className="detail">
            <dt>Email</dt>
            <dd data-testid="account-email">
              <EmailText email={profile.email} />
            </dd>
          </div>
        )}
        <div className="detail">
          <dt>Member since</dt>
          <dd data-testid="account-member-since">{formatDate(profile.createdAt)}</dd>
        </div>
        <ProfileLink label="Twitter" value={profile.twitter} />
        <ProfileLink label="LinkedIn" value={profile.linkedIn} />
        <ProfileLink label="Website" value={profile.personalWebsite} />
      </dl>

      {actions && <div className="profile-actions">{actions}</div>}
    </div>
  )
}
