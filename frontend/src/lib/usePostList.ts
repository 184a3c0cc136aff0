import { useEffect, useState } from 'react'
import type { PostSummary } from '../api/client'
import { useAuth } from '../auth/AuthContext'
import { plainText } from './errors'
import type { ListQuery } from './posts'

export interface PostListState {
  posts: PostSummary[] | null
  count: number
  loading: boolean
  error: string | null
  retry: () => void
}

/**
 * Loads a page of posts whenever the query changes. `mine` lists the
 * caller's own posts (with the token); otherwise the list is public. The
 * previous rows stay on screen while the next page loads.
 */
export function usePostList(query: ListQuery, options: { mine?: boolean; enabled?: boolean } = {}): PostListState {
  const { client } = useAuth()
  const [posts, setPosts] = useState<PostSummary[] | null>(null)
  const [count, setCount] = useState(0)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const key = JSON.stringify(query)
  const mine = options.mine === true
  const enabled = options.enabled !== false

  useEffect(() => {
    if (!enabled) return
    let active = true
    setLoading(true)
    setError(null)
    client.listPosts(JSON.parse(key) as ListQuery, { mine }).then(
      (list) => {
        if (!active) return
        setPosts(list.rows)
        setCount(list.count)
        setLoading(false)
      },
      (failure) => {
        if (!active) return
        setError(plainText(failure))
        setLoading(false)
      },
    )
    return () => {
      active = false
    }
  }, [client, key, mine, enabled, attempt])

  return { posts, count, loading, error, retry: () => setAttempt((n) => n + 1) }
}
