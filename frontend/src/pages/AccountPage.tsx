import { useState } from 'react'
import { Link, useLocation } from 'react-router'
import { useAuth } from '../auth/AuthContext'
import { FavouriteCoins } from '../components/FavouriteCoins'
import { ProfileCard } from '../components/ProfileCard'
import { UserPosts } from '../components/UserPosts'
import { Alert } from '../components/ui'
import { useDocumentTitle } from '../lib/useDocumentTitle'

export function AccountPage() {
  const { user, signOut } = useAuth()
  const [signingOut, setSigningOut] = useState(false)
  const deleted = (useLocation().state as { deletedPost?: string } | null)?.deletedPost
  useDocumentTitle('Your account')

  if (!user) return null

  async function handleSignOut() {
    setSigningOut(true)
    // Once the session is gone, RequireAuth sends the visitor home.
    await signOut()
  }

  return (
    <div className="container narrow account-page">
      {deleted && (
        <Alert tone="success" title="Your post is deleted">
          “{deleted}” is gone, with its comments and votes.
        </Alert>
      )}
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
      <FavouriteCoins username={user.username} mine />
      <UserPosts username={user.username} mine />
    </div>
  )
}
