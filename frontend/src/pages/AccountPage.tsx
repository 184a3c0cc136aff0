import { useState } from 'react'
import { useAuth } from '../auth/AuthContext'
import { formatDate } from '../lib/time'
import { useDocumentTitle } from '../lib/useDocumentTitle'

function ProfileLink({ label, value }: { label: string; value?: string | null }) {
  if (!value) return null
  const href = /^https?:\/\//i.test(value) ? value : label === 'Twitter' ? `https://twitter.com/${value.replace(/^@/, '')}` : null
  return (
    <div className="detail">
      <dt>{label}</dt>
      <dd className="break">
        {href ? (
          <a href={href} target="_blank" rel="noreferrer noopener">
            {value}
          </a>
        ) : (
          value
        )}
      </dd>
    </div>
  )
}

export function AccountPage() {
  const { user, signOut } = useAuth()
  const [signingOut, setSigningOut] = useState(false)
  useDocumentTitle('Your account')

  if (!user) return null
  const fullName = [user.firstName, user.lastName].filter(Boolean).join(' ')

  async function handleSignOut() {
    setSigningOut(true)
    // Once the session is gone, RequireAuth sends the visitor home.
    await signOut()
  }

  return (
    <div className="container narrow account-page">
      <div className="card profile-card" data-testid="account-card">
        <div className="profile-banner" aria-hidden="true" />
        <div className="profile-head">
          <div className="avatar avatar-lg" aria-hidden="true">
            {user.username.slice(0, 1).toUpperCase()}
          </div>
          <div className="profile-names">
            <h1 className="break" data-testid="account-username">
              {user.username}
            </h1>
            {(fullName || user.title) && (
              <p className="muted">{[fullName, user.title].filter(Boolean).join(' · ')}</p>
            )}
          </div>
        </div>

        {user.bio && <p className="profile-bio">{user.bio}</p>}

        <dl className="details">
          <div className="detail">
            <dt>Email</dt>
            <dd className="break" data-testid="account-email">
              {user.email}
            </dd>
          </div>
          <div className="detail">
            <dt>Member since</dt>
            <dd data-testid="account-member-since">{formatDate(user.createdAt)}</dd>
          </div>
          <ProfileLink label="Twitter" value={user.twitter} />
          <ProfileLink label="LinkedIn" value={user.linkedIn} />
          <ProfileLink label="Website" value={user.personalWebsite} />
        </dl>

        <div className="profile-actions">
          <button type="button" className="button button-danger" onClick={handleSignOut} disabled={signingOut}>
            {signingOut ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      </div>
    </div>
  )
}
