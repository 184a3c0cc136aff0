import { useOnChange } from '../lib/useOnChange'
import { useCallback, useEffect, useState } from 'react'
import { Link, useLocation, useNavigate } from 'react-router'
import type { FollowList, FollowPerson } from '../api/client'
import { useAuth } from '../auth/AuthContext'
import { plainText } from '../lib/errors'
import { Avatar } from './Avatar'
import { LoadError, Spinner } from './ui'

/**
 * Follow / Following for a user or a tag. Signed-out visitors are sent to
 * sign in (and come back here); `onToggle` gets the current state.
 */
export function FollowButton({
  name,
  following,
  busy,
  onToggle,
}: {
  /** What is followed, for the accessible name: `JohnDoe`, `#bitcoin`. */
  name: string
  following: boolean
  busy?: boolean
  onToggle: (current: boolean) => void
}) {
  const { status } = useAuth()
  const navigate = useNavigate()
  const location = useLocation()
  return (
    <button
      type="button"
      className={`button ${following ? 'button-secondary' : 'button-primary'} follow-button`}
      aria-pressed={following}
      aria-label={`Follow ${name}`}
      aria-busy={busy || undefined}
      title={
        status !== 'authenticated' ? `Sign in to follow ${name}` : following ? `Unfollow ${name}` : `Follow ${name}`
      }
      data-testid="follow-button"
      onClick={() => {
        if (status === 'loading' || busy) return
        if (status !== 'authenticated') {
          navigate('/sign-in', { state: { from: location.pathname + location.search } })
          return
        }
        onToggle(following)
      }}
    >
      {following ? 'Following' : 'Follow'}
    </button>
  )
}

export interface FollowState {
  following: boolean
  followers: number
}

/**
 * The state behind a follow button: flips at once (the API reads the caller's
 * own follows back at once too), and goes back with an error if the call fails.
 */
export function useFollowToggle(initial: FollowState, save: (follow: boolean) => Promise<void>) {
  const [state, setState] = useState(initial)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  useOnChange([initial.following, initial.followers], () => setState(initial))

  const toggle = useCallback(
    async (current: boolean) => {
      const next = !current
      setBusy(true)
      setError(null)
      setState((s) => ({ following: next, followers: Math.max(0, s.followers + (next ? 1 : -1)) }))
      try {
        await save(next)
      } catch (e) {
        setState((s) => ({ following: current, followers: Math.max(0, s.followers + (next ? -1 : 1)) }))
        setError(plainText(e))
      } finally {
        setBusy(false)
      }
    },
    [save],
  )
  return { ...state, busy, error, toggle }
}

export function FollowsYouBadge() {
  return (
    <span className="badge badge-follows-you" data-testid="follows-you">
      Follows you
    </span>
  )
}

export function countText(count: number, one: string, many: string): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`
}

const LIST_SIZE = 20

/** A user's followers or following, newest follow first, with "load more" (keyed by its parent per list). */
export function PeopleList({ username, list }: { username: string; list: FollowList }) {
  const { client } = useAuth()
  const [people, setPeople] = useState<FollowPerson[] | null>(null)
  const [count, setCount] = useState(0)
  const [page, setPage] = useState(0)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)

  useOnChange([client, username, list, page, attempt], () => {
    setLoading(true)
    setError(null)
  })
  useEffect(() => {
    let active = true
    client.follows(username, list, page, LIST_SIZE).then(
      (found) => {
        if (!active) return
        setCount(found.count)
        setPeople((before) => (page === 0 || !before ? found.rows : [...before, ...found.rows]))
        setLoading(false)
      },
      (e) => {
        if (!active) return
        setError(plainText(e))
        setLoading(false)
      },
    )
    return () => {
      active = false
    }
  }, [client, username, list, page, attempt])

  if (error)
    return <LoadError title={`Could not load the ${list}`} error={error} onRetry={() => setAttempt((n) => n + 1)} />
  if (!people) return <Spinner label={`Loading the ${list}…`} />
  if (people.length === 0) {
    return (
      <p className="muted" data-testid="people-empty">
        {list === 'followers' ? `No one follows ${username} yet.` : `${username} follows no one yet.`}
      </p>
    )
  }
  return (
    <>
      <ul className="people-list" data-testid={`${list}-list`}>
        {people.map((person) => (
          <li key={person.username} className="person">
            <Avatar person={person} size="sm" />
            <Link to={`/user/${encodeURIComponent(person.username)}`} className="break">
              {person.username}
            </Link>
          </li>
        ))}
      </ul>
      {people.length < count && (
        <button
          type="button"
          className="button button-secondary load-more"
          disabled={loading}
          onClick={() => setPage((p) => p + 1)}
        >
          {loading ? 'Loading…' : 'Load more'}
        </button>
      )}
    </>
  )
}

/** The followers and following of a profile, as two tabs. */
export function FollowLists({
  username,
  followers,
  following,
}: {
  username: string
  followers: number
  following: number
}) {
  const [list, setList] = useState<FollowList>('followers')
  const tabs: { id: FollowList; label: string }[] = [
    { id: 'followers', label: countText(followers, 'follower', 'followers') },
    { id: 'following', label: `${following.toLocaleString()} following` },
  ]
  return (
    <section className="card follow-lists" aria-label="Followers and following" data-testid="follow-lists">
      <div className="tabs" role="tablist" aria-label="Followers and following">
        {tabs.map((tab) => (
          <button
            key={tab.id}
            id={`follow-tab-${tab.id}`}
            type="button"
            role="tab"
            className="tab"
            aria-selected={list === tab.id}
            aria-controls="follow-panel"
            onClick={() => setList(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="follow-panel" aria-labelledby={`follow-tab-${list}`}>
        <PeopleList key={`${username}:${list}:${followers}:${following}`} username={username} list={list} />
      </div>
    </section>
  )
}

/** A tag page's follower count and follow button. */
export function TagFollow({ tag }: { tag: string }) {
  const { client, status } = useAuth()
  const [info, setInfo] = useState<FollowState | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)

  useOnChange([client, tag, status, attempt], () => setError(null))
  useEffect(() => {
    if (status === 'loading') return
    let active = true
    client.tagInfo(tag).then(
      (found) => active && setInfo({ following: found.followedByYou, followers: found.followers }),
      (e) => active && setError(plainText(e)),
    )
    return () => {
      active = false
    }
  }, [client, tag, status, attempt])

  if (error)
    return (
      <LoadError title="Could not load the tag's followers" error={error} onRetry={() => setAttempt((n) => n + 1)} />
    )
  if (!info) return <Spinner size="sm" label="Loading the tag…" />
  return <TagFollowButton tag={tag} initial={info} />
}

function TagFollowButton({ tag, initial }: { tag: string; initial: FollowState }) {
  const { client } = useAuth()
  const save = useCallback((follow: boolean) => client.setFollowTag(tag, follow), [client, tag])
  const follow = useFollowToggle(initial, save)
  return (
    <div className="tag-follow" data-testid="tag-follow">
      <span className="muted" data-testid="tag-followers">
        {countText(follow.followers, 'follower', 'followers')}
      </span>
      <FollowButton name={`#${tag}`} following={follow.following} busy={follow.busy} onToggle={follow.toggle} />
      {follow.error && (
        <p className="field-error" role="alert">
          {follow.error}
        </p>
      )}
    </div>
  )
}
