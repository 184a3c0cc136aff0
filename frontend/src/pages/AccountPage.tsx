import { useState } from 'react'
import { Link } from 'react-router'
import { useAuth } from '../auth/AuthContext'
import { ProfileCard } from '../components/ProfileCard'
import { ComingSoon } from '../components/ui'
import { useDocumentTitle } from '../lib/useDocumentTitle'

export function AccountPage() {
  const { user, signOut } = useAuth()
  const [signingOut, setSigningOut] = useState(false)
  useDocumentTitle('Your account')

  if (!user) return null

  async function handleSignOut() {
    setSigningOut(true)
    // Once the session is gone, RequireAuth sends the visitor home.
    await signOut()
  }

  return (
    <div className="container narrow account-page">
      <ProfileCard
        profile={user}
        actions={
          <>
            <Link to="/settings" className="button button-primary">
              Edit profile
            </Link>
            <Link to={`/user/${encodeURIComponent(user.username)}`} className="button button-secondary">
              View public profile
            </Link>
            <button type="button" className="button button-danger" onClick={handleSignOut} disabled={signingOut}>
              {signingOut ? 'Signing out…' : 'Sign out'}
            </button>
          </>
        }
      />
      <div className="soon-grid">
        <ComingSoon title="My posts">Your posts will be listed here once posting opens.</ComingSoon>
        <ComingSoon title="Favourite coins">Pick the coins you follow here when market rates arrive.</ComingSoon>
      </div>
    </div>
  )
}
