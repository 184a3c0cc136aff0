import { useOnChange } from '../lib/useOnChange'
import { useCallback, useEffect, useState } from 'react'
import { Link } from 'react-router'
import type { PostSummary } from '../api/client'
import { useAuth } from '../auth/AuthContext'
import { plainText } from '../lib/errors'
import { FollowButton, useFollowToggle } from './follows'
import { NoPosts, PostList } from './posts'
import { LoadError, Spinner } from './ui'

export const FEED_PAGE_SIZE = 10

interface Feed {
  posts: PostSummary[]
  next: string | null
  followsAnything: boolean
}

/**
 * The signed-in user's "Following" tab: posts by the people and with the tags
 * they follow, newest first, with "load more" (a cursor, so posts written
 * meanwhile never repeat or shift a page). Following nothing yet, it suggests
 * people and tags.
 */
export function FollowingFeed() {
  const { client } = useAuth()
  const [feed, setFeed] = useState<Feed | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const [moreError, setMoreError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)

  useOnChange([client, attempt], () => {
    setLoading(true)
    setError(null)
  })
  useEffect(() => {
    let active = true
    client.feed(null, FEED_PAGE_SIZE).then(
      (page) => {
        if (!active) return
        setFeed({ posts: page.rows, next: page.nextCursor, followsAnything: page.followsAnything })
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
  }, [client, attempt])

  async function loadMore() {
    if (!feed?.next) return
    setLoading(true)
    setMoreError(null)
    try {
      const page = await client.feed(feed.next, FEED_PAGE_SIZE)
      setFeed((before) => before && { ...before, posts: [...before.posts, ...page.rows], next: page.nextCursor })
    } catch (e) {
      setMoreError(plainText(e))
    } finally {
      setLoading(false)
    }
  }

  const refresh = useCallback(() => setAttempt((n) => n + 1), [])

  if (error) return <LoadError title="Could not load your feed" error={error} onRetry={refresh} />
  return (
    <div data-testid="following-feed">
      <PostList
        posts={feed?.posts ?? null}
        loading={loading && !feed}
        empty={
          feed && !feed.followsAnything ? (
            <FollowSuggestions onDone={refresh} />
          ) : (
            <NoPosts title="Nothing new from the people and tags you follow">
              <p className="muted">
                Their posts show up here. <Link to="/posts">Browse all posts</Link> to find more to follow.
              </p>
            </NoPosts>
          )
        }
      />
      {moreError && <LoadError title="Could not load more posts" error={moreError} onRetry={loadMore} />}
      {feed?.next && (
        <div className="load-more-row">
          <button type="button" className="button button-secondary load-more" disabled={loading} onClick={loadMore}>
            {loading ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </div>
  )
}

interface Suggestions {
  people: string[]
  tags: string[]
}

/**
 * The empty state: recent authors and the most used tags, each with a follow
 * button; once something is followed, `onDone` shows the feed.
 */
export function FollowSuggestions({ onDone }: { onDone: () => void }) {
  const { client, user } = useAuth()
  const [suggestions, setSuggestions] = useState<Suggestions | null>(null)
  const [followedAny, setFollowedAny] = useState(false)
  const onFollowed = useCallback(() => setFollowedAny(true), [])

  useEffect(() => {
    let active = true
    Promise.all([
      client.listPosts({ page: 0, pageSize: 30, sort: 'newest' }).catch(() => ({ rows: [] as PostSummary[] })),
      client.postTags().catch(() => []),
    ]).then(([posts, tags]) => {
      if (!active) return
      const people = [...new Set(posts.rows.map((p) => p.username))]
        .filter((name) => name !== user?.username)
        .slice(0, 5)
      setSuggestions({ people, tags: tags.slice(0, 6).map((t) => t.tag) })
    })
    return () => {
      active = false
    }
  }, [client, user?.username])

  return (
    <div className="card follow-suggestions" data-testid="follow-suggestions">
      <h3>Your feed is empty — follow people and tags to fill it</h3>
      <p className="muted">Posts by the people and with the tags you follow show up here, newest first.</p>
      {!suggestions ? (
        <Spinner label="Finding people and tags…" />
      ) : (
        <div className="suggestion-columns">
          <div>
            <h4>People</h4>
            {suggestions.people.length === 0 ? (
              <p className="muted">No one has posted yet.</p>
            ) : (
              <ul className="suggestion-list">
                {suggestions.people.map((name) => (
                  <li key={name}>
                    <Link to={`/user/${encodeURIComponent(name)}`} className="break">
                      {name}
                    </Link>
                    <SuggestedFollow
                      name={name}
                      save={(follow) => client.setFollowUser(name, follow)}
                      onFollowed={onFollowed}
                    />
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <h4>Tags</h4>
            {suggestions.tags.length === 0 ? (
              <p className="muted">No tags yet.</p>
            ) : (
              <ul className="suggestion-list">
                {suggestions.tags.map((tag) => (
                  <li key={tag}>
                    <Link to={`/tags/${encodeURIComponent(tag)}`}>#{tag}</Link>
                    <SuggestedFollow
                      name={`#${tag}`}
                      save={(follow) => client.setFollowTag(tag, follow)}
                      onFollowed={onFollowed}
                    />
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
      {followedAny && (
        <button type="button" className="button button-primary" onClick={onDone}>
          Show my feed
        </button>
      )}
    </div>
  )
}

function SuggestedFollow({
  name,
  save,
  onFollowed,
}: {
  name: string
  save: (follow: boolean) => Promise<void>
  onFollowed: () => void
}) {
  const follow = useFollowToggle({ following: false, followers: 0 }, save)
  return (
    <>
      <FollowButton
        name={name}
        following={follow.following}
        busy={follow.busy}
        onToggle={async (current) => {
          await follow.toggle(current)
          if (!current) onFollowed()
        }}
      />
      {follow.error && (
        <span className="field-error" role="alert">
          {follow.error}
        </span>
      )}
    </>
  )
}
