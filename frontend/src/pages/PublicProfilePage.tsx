import { useCallback, useEffect, useState } from 'react'
import { Link, useParams } from 'react-router'
import type { PublicProfile } from '../api/client'
import { useAuth } from '../auth/AuthContext'
import { FavouriteCoins } from '../components/FavouriteCoins'
import { countText, FollowButton, FollowLists, FollowsYouBadge, useFollowToggle } from '../components/follows'
import { ProfileCard } from '../components/ProfileCard'
import { UserPosts } from '../components/UserPosts'
import { Alert, PageLoading } from '../components/ui'
import { plainText } from '../lib/errors'
import { useDocumentTitle } from '../lib/useDocumentTitle'
import { useOnChange } from '../lib/useOnChange'

type Load =
  { kind: 'loading' } | { kind: 'missing' } | { kind: 'error'; text: string } | { kind: 'ready'; user: PublicProfile }

export function PublicProfilePage() {
  const { username = '' } = useParams()
  const { client, status, user: me } = useAuth()
  const [load, setLoad] = useState<Load>({ kind: 'loading' })
  const [attempt, setAttempt] = useState(0)
  useDocumentTitle(load.kind === 'ready' ? load.user.username : 'Profile')

  useOnChange([username], () => setLoad({ kind: 'loading' }))

  useEffect(() => {
    // with the session known, so followedByYou is the caller's
    if (status === 'loading') return
    let active = true
    client.getUser(username).then(
      (found) => active && setLoad(found ? { kind: 'ready', user: found } : { kind: 'missing' }),
      (error) => active && setLoad({ kind: 'error', text: plainText(error) }),
    )
    return () => {
      active = false
    }
  }, [client, username, attempt, status])

  if (load.kind === 'loading') return <PageLoading label="Loading the profile…" />

  if (load.kind === 'missing') {
    return (
      <div className="container narrow center-page">
        <div className="card status-card" data-testid="profile-not-found">
          <p className="big-code" aria-hidden="true">
            ?
          </p>
          <h1>No one here by that name</h1>
          <p className="muted">
            There is no member called <strong className="break">{username}</strong>. The name may be mistyped, or the
            account was closed.
          </p>
          <div className="actions-row">
            <Link to="/" className="button button-primary">
              Back to home
            </Link>
          </div>
        </div>
      </div>
    )
  }

  if (load.kind === 'error') {
    return (
      <div className="container narrow">
        <Alert tone="error" title="Could not load this profile">
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
      </div>
    )
  }

  return <Profile user={load.user} mine={me?.username === load.user.username} />
}

function Profile({ user, mine }: { user: PublicProfile; mine: boolean }) {
  const { client } = useAuth()
  const save = useCallback((follow: boolean) => client.setFollowUser(user.username, follow), [client, user.username])
  const follow = useFollowToggle({ following: user.followedByYou === true, followers: user.followers ?? 0 }, save)
  const following = user.following ?? 0
  return (
    <div className="container narrow account-page">
      <ProfileCard
        profile={user}
        actions={
          <>
            <p className="follow-counts muted" data-testid="follow-counts">
              <strong>{countText(follow.followers, 'follower', 'followers')}</strong> ·{' '}
              <strong>{following.toLocaleString()} following</strong>
              {!mine && user.followsYou && (
                <>
                  {' '}
                  <FollowsYouBadge />
                </>
              )}
            </p>
            {mine ? (
              <Link to="/settings" className="button button-secondary">
                Edit your profile
              </Link>
            ) : (
              <FollowButton
                name={user.username}
                following={follow.following}
                busy={follow.busy}
                onToggle={follow.toggle}
              />
            )}
            {follow.error && (
              <p className="field-error" role="alert">
                {follow.error}
              </p>
            )}
          </>
        }
      />
      <FollowLists username={user.username} followers={follow.followers} following={following} />
      <FavouriteCoins username={user.username} />
      <UserPosts username={user.username} />
    </div>
  )
}
