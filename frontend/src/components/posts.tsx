import type { ReactNode } from 'react'
import { Link } from 'react-router'
import type { PostSummary } from '../api/client'
import { pageWindow, type Rate } from '../lib/posts'
import { formatDate } from '../lib/time'
import { ChatIcon } from './icons'
import { EmptyState } from './ui'

export function TagChip({ tag, count }: { tag: string; count?: number }) {
  return (
    <Link to={`/tags/${encodeURIComponent(tag)}`} className="tag-chip">
      #{tag}
      {count !== undefined && <span className="tag-count">{count}</span>}
    </Link>
  )
}

export function TagList({ tags }: { tags: readonly string[] }) {
  if (!tags.length) return null
  return (
    <ul className="tag-list" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag}>
          <TagChip tag={tag} />
        </li>
      ))}
    </ul>
  )
}

function ScoreBadge({ rating }: { rating: number }) {
  const tone = rating > 0 ? ' is-up' : rating < 0 ? ' is-down' : ''
  return (
    <span className={`score-badge${tone}`} title={`Score ${rating}`} aria-label={`Score ${rating}`}>
      <span aria-hidden="true">{rating > 0 ? '▲' : rating < 0 ? '▼' : '◆'}</span> {rating}
    </span>
  )
}

export function PostCard({ post, showAuthor = true }: { post: PostSummary; showAuthor?: boolean }) {
  return (
    <article className="card post-card" data-testid="post-card">
      <h2 className="post-card-title break">
        <Link to={`/posts/${encodeURIComponent(post.slug)}`}>{post.title}</Link>
      </h2>
      <p className="post-card-preview break">{post.preview}</p>
      <TagList tags={post.searchTags ?? []} />
      <div className="post-meta">
        {showAuthor && (
          <Link to={`/user/${encodeURIComponent(post.username)}`} className="post-author break">
            @{post.username}
          </Link>
        )}
        <time dateTime={post.createdAt}>{formatDate(post.createdAt)}</time>
        <span className="post-stats">
          <ScoreBadge rating={post.rating ?? 0} />
          <span className="comment-count" aria-label={`${post.commentsCount ?? 0} comments`} title="Comments">
            <ChatIcon size={16} /> {post.commentsCount ?? 0}
          </span>
        </span>
      </div>
    </article>
  )
}

export function PostSkeletons({ count = 3 }: { count?: number }) {
  return (
    <div className="post-list" aria-busy="true" aria-label="Loading posts">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="card post-card post-skeleton" data-testid="post-skeleton">
          <span className="skeleton skeleton-line" style={{ width: '60%', height: 22 }} />
          <span className="skeleton skeleton-line" />
          <span className="skeleton skeleton-line" style={{ width: '85%' }} />
          <span className="skeleton skeleton-line" style={{ width: '40%' }} />
        </div>
      ))}
    </div>
  )
}

export function PostList({
  posts,
  loading,
  empty,
  showAuthor,
  skeletons = 3,
}: {
  posts: PostSummary[] | null
  loading: boolean
  empty: ReactNode
  showAuthor?: boolean
  skeletons?: number
}) {
  if (loading && !posts) return <PostSkeletons count={skeletons} />
  if (!posts || posts.length === 0) return <>{empty}</>
  return (
    <div
      className={`post-list${loading ? ' is-refreshing' : ''}`}
      aria-busy={loading || undefined}
      data-testid="post-list"
    >
      {posts.map((post) => (
        <PostCard key={post.id} post={post} showAuthor={showAuthor} />
      ))}
    </div>
  )
}

export function NoPosts({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <EmptyState icon={<ChatIcon size={32} />} title={title}>
      {children}
    </EmptyState>
  )
}

/** Pages are 1-based here; `onPage` gets the 1-based page. */
export function Pagination({ page, total, onPage }: { page: number; total: number; onPage: (page: number) => void }) {
  if (total <= 1) return null
  return (
    <nav className="pagination" aria-label="Pages">
      <button type="button" className="button button-secondary" onClick={() => onPage(page - 1)} disabled={page <= 1}>
        ‹ <span className="pagination-word">Previous</span>
      </button>
      <ul className="pagination-pages">
        {pageWindow(page, total).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} className="pagination-gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              <button
                type="button"
                className={`page-button${p === page ? ' is-current' : ''}`}
                aria-current={p === page ? 'page' : undefined}
                aria-label={`Page ${p}`}
                onClick={() => onPage(p)}
              >
                {p}
              </button>
            </li>
          ),
        )}
      </ul>
      <span className="pagination-of muted">
        Page {page} of {total}
      </span>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => onPage(page + 1)}
        disabled={page >= total}
      >
        <span className="pagination-word">Next</span> ›
      </button>
    </nav>
  )
}

/** Up/down buttons around a score; `mine` is the caller's vote. */
export function VoteButtons({
  rating,
  mine,
  onVote,
  disabled,
  size = 'md',
  label,
}: {
  rating: number
  mine: Rate | null
  onVote: (rate: Rate) => void
  disabled?: boolean
  size?: 'sm' | 'md'
  /** What is voted on, for screen readers: "post", "comment by X". */
  label: string
}) {
  return (
    <div className={`vote vote-${size}`} role="group" aria-label={`Vote on this ${label}`}>
      <button
        type="button"
        className={`vote-button vote-up${mine === '+' ? ' is-active' : ''}`}
        aria-pressed={mine === '+'}
        aria-label="Vote up"
        title={mine === '+' ? 'Withdraw your up-vote' : 'Vote up'}
        onClick={() => onVote('+')}
        disabled={disabled}
      >
        ▲
      </button>
      <span className="vote-score" data-testid="vote-score" aria-live="polite">
        {rating}
      </span>
      <button
        type="button"
        className={`vote-button vote-down${mine === '-' ? ' is-active' : ''}`}
        aria-pressed={mine === '-'}
        aria-label="Vote down"
        title={mine === '-' ? 'Withdraw your down-vote' : 'Vote down'}
        onClick={() => onVote('-')}
        disabled={disabled}
      >
        ▼
      </button>
    </div>
  )
}
