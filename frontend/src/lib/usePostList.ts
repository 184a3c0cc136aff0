import type { PostSummary } from '../api/client'
import { useAuth } from '../auth/AuthContext'
import { usePagedList } from './usePagedList'
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
  const mine = options.mine === true
  const { rows, ...list } = usePagedList(
    [client, JSON.stringify(query), mine],
    () => client.listPosts(query, { mine }),
    options.enabled !== false,
  )
  return { posts: rows, ...list }
}
