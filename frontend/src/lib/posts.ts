/**
 * Pure helpers for the posts pages: list queries and sort order, tags, the
 * vote toggle, content lines and the editor's checks (the API checks again).
 */

export type Rate = '+' | '-'

// ------------------------------------------------------------------ sort

export type SortKey = 'newest' | 'oldest' | 'title' | 'top' | 'discussed'

export const SORTS: {
  key: SortKey
  label: string
  order: 'ASC' | 'DESC'
  orderBy: 'createdAt' | 'title' | 'rating' | 'comments'
}[] = [
  { key: 'newest', label: 'Newest', order: 'DESC', orderBy: 'createdAt' },
  { key: 'oldest', label: 'Oldest', order: 'ASC', orderBy: 'createdAt' },
  { key: 'title', label: 'Title (A–Z)', order: 'ASC', orderBy: 'title' },
  { key: 'top', label: 'Top rated', order: 'DESC', orderBy: 'rating' },
  { key: 'discussed', label: 'Most discussed', order: 'DESC', orderBy: 'comments' },
]

export function isSortKey(value: string | null | undefined): value is SortKey {
  return SORTS.some((s) => s.key === value)
}

/** `order` and `orderBy` for the list endpoint; unknown keys sort newest first. */
export function sortToApi(key: string | null | undefined): { order: 'ASC' | 'DESC'; orderBy: string } {
  const sort = SORTS.find((s) => s.key === key) ?? SORTS[0]
  return { order: sort.order, orderBy: sort.orderBy }
}

// ------------------------------------------------------------------ list query

export const PAGE_SIZE = 10

export interface ListQuery {
  /** 0-based, as the API counts. */
  page: number
  pageSize: number
  sort: SortKey
  search?: string
  tags?: string[]
  username?: string
}

/** The list endpoint's path and query for a list query. */
export function listPath(query: ListQuery): string {
  const page = Math.max(0, Math.floor(query.page) || 0)
  const pageSize = Math.min(100, Math.max(1, Math.floor(query.pageSize) || PAGE_SIZE))
  const { order, orderBy } = sortToApi(query.sort)
  const params = new URLSearchParams()
  const search = query.search?.trim()
  if (search) params.set('searchQuery', search)
  if (query.username) params.set('username', query.username)
  const tags = (query.tags ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean)
  if (tags.length) params.set('tags', tags.join(','))
  const qs = params.toString()
  return `/api/posts/list/${page}/${pageSize}/${order}/${orderBy}${qs ? `?${qs}` : ''}`
}

/** What the posts page shows, read from its URL (`?q=&tags=a,b&sort=&page=` with 1-based pages). */
export interface PostsView {
  search: string
  tags: string[]
  sort: SortKey
  /** 1-based, as people count. */
  page: number
}

export function readView(params: URLSearchParams): PostsView {
  const rawPage = Number(params.get('page'))
  const tags = (params.get('tags') ?? '')
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t && isTag(t))
  const sort = params.get('sort')
  return {
    search: params.get('q') ?? '',
    tags: [...new Set(tags)],
    sort: isSortKey(sort) ? sort : 'newest',
    page: Number.isInteger(rawPage) && rawPage >= 1 ? rawPage : 1,
  }
}

/** The URL query for a view; defaults are left out so shared links stay short. */
export function writeView(view: PostsView): URLSearchParams {
  const params = new URLSearchParams()
  if (view.search.trim()) params.set('q', view.search.trim())
  if (view.tags.length) params.set('tags', view.tags.join(','))
  if (view.sort !== 'newest') params.set('sort', view.sort)
  if (view.page > 1) params.set('page', String(view.page))
  return params
}

export function pageCount(count: number, pageSize: number): number {
  return Math.max(1, Math.ceil(Math.max(0, count) / pageSize))
}

/**
 * Page numbers to show around `current` (1-based), with `null` for a gap:
 * 1 … 4 5 6 … 20.
 */
export function pageWindow(current: number, total: number, around = 1): (number | null)[] {
  const pages: (number | null)[] = []
  for (let p = 1; p <= total; p++) {
    if (p === 1 || p === total || Math.abs(p - current) <= around) pages.push(p)
    else if (pages[pages.length - 1] !== null) pages.push(null)
  }
  return pages
}

// ------------------------------------------------------------------ tags

export const TAG = /^[a-z0-9-]{1,20}$/
export const MAX_TAGS = 5

export function isTag(value: string): boolean {
  return TAG.test(value)
}

/** What people type becomes a tag: trimmed, lower-case, spaces and underscores as dashes, a leading "#" dropped. */
export function normalizeTag(value: string): string {
  return value
    .trim()
    .replace(/^#+/, '')
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
}

/** Why `tag` cannot be added to `tags`, or null when it can. */
export function tagProblem(tag: string, tags: readonly string[]): string | null {
  if (!tag) return 'Type a tag first.'
  if (tag.length > 20) return 'A tag has at most 20 characters.'
  if (!isTag(tag)) return 'Tags use only a–z, 0–9 and dashes.'
  if (tags.includes(tag)) return 'That tag is already there.'
  if (tags.length >= MAX_TAGS) return `A post has at most ${MAX_TAGS} tags.`
  return null
}

// ------------------------------------------------------------------ votes

export interface VoteState {
  rating: number
  myRate: Rate | null
}

/**
 * The API's toggle: the same sign again withdraws the vote, the other sign
 * flips it (a swing of two), no vote yet adds one.
 */
export function applyVote(state: VoteState, rate: Rate): VoteState {
  const value = (r: Rate | null) => (r === '+' ? 1 : r === '-' ? -1 : 0)
  const next: Rate | null = state.myRate === rate ? null : rate
  return { rating: state.rating - value(state.myRate) + value(next), myRate: next }
}

// ------------------------------------------------------------------ comments

/** The post embeds page 0 of this size; "Show more" reads the next pages of the same size, so they line up. */
export const COMMENTS_PAGE = 50

/**
 * The shown comments with the next page from the API. The first `loaded` of
 * them came from the API in order; any after those the reader just wrote
 * (the newest, so they stay last, and leave that place when the page brings
 * them back). Each comment once, oldest first, without trusting clocks.
 */
export function mergeComments<T extends { id: string }>(
  shown: readonly T[],
  loaded: number,
  page: readonly T[],
): { comments: T[]; loaded: number } {
  const before = shown.slice(0, loaded)
  const known = new Set(before.map((c) => c.id))
  const fresh = page.filter((c) => !known.has(c.id))
  const arrived = new Set(fresh.map((c) => c.id))
  const written = shown.slice(loaded).filter((c) => !arrived.has(c.id))
  return { comments: [...before, ...fresh, ...written], loaded: before.length + fresh.length }
}

/** What the post page shows of a post's comments: the ones loaded, and the count of all. */
export interface CommentsShown<T> {
  comments: T[]
  count: number
}

/**
 * A comment that arrived (from the post's live stream, or the reader's own once the API answered) merged into what is
 * shown. `counted` holds the ids already in `count` beyond the first load — the reader's own comment comes twice, by
 * the stream and by the API's answer, in either order, and must show and count once. A new comment is shown (last)
 * only when every comment before it is loaded, else "Show more" brings it in its place; the count grows either way.
 * `own` says the reader wrote it (then it is shown at once, as "Show more" keeps it last). Null when nothing changes.
 */
export function arriveComment<T extends { id: string }>(
  shown: CommentsShown<T>,
  comment: T,
  counted: Set<string>,
  own: boolean,
): CommentsShown<T> | null {
  const listed = shown.comments.some((c) => c.id === comment.id)
  if (listed) return null
  const allLoaded = shown.comments.length >= shown.count
  const show = own || allLoaded
  if (counted.has(comment.id)) return own ? { comments: [...shown.comments, comment], count: shown.count } : null
  counted.add(comment.id)
  return { comments: show ? [...shown.comments, comment] : shown.comments, count: shown.count + 1 }
}

// ------------------------------------------------------------------ content

/** The API keeps content as Markdown lines; joined with "\n" they are the document. */
export function joinContent(content: readonly string[] | string | null | undefined): string {
  if (Array.isArray(content)) return content.join('\n')
  return typeof content === 'string' ? content : ''
}

/** The editor's text as lines for the API (Windows line ends are folded). */
export function splitContent(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n')
}

export const LIMITS = {
  title: { min: 3, max: 150 },
  preview: { min: 10, max: 500 },
  content: { min: 1, max: 50_000 },
  comment: { min: 1, max: 5_000 },
} as const

export interface PostDraft {
  title: string
  preview: string
  content: string
  tags: string[]
}

export type PostField = 'title' | 'preview' | 'content' | 'tags'

/** The editor's own checks; each problem is keyed by its field. */
export function draftProblems(draft: PostDraft): Partial<Record<PostField, string>> {
  const problems: Partial<Record<PostField, string>> = {}
  const title = draft.title.trim()
  const preview = draft.preview.trim()
  if (title.length < LIMITS.title.min)
    problems.title = `Give the post a title of at least ${LIMITS.title.min} characters.`
  else if (title.length > LIMITS.title.max) problems.title = `The title has at most ${LIMITS.title.max} characters.`
  if (preview.length < LIMITS.preview.min)
    problems.preview = `Write a preview of at least ${LIMITS.preview.min} characters.`
  else if (preview.length > LIMITS.preview.max)
    problems.preview = `The preview has at most ${LIMITS.preview.max} characters.`
  if (!draft.content.trim()) problems.content = 'Write the post first.'
  else if (draft.content.length > LIMITS.content.max)
    problems.content = `The post has at most ${LIMITS.content.max.toLocaleString('en')} characters.`
  if (draft.tags.length < 1) problems.tags = 'Add at least one tag.'
  else if (draft.tags.length > MAX_TAGS) problems.tags = `A post has at most ${MAX_TAGS} tags.`
  else if (draft.tags.some((t) => !isTag(t))) problems.tags = 'Tags use only a–z, 0–9 and dashes, up to 20 characters.'
  return problems
}

export function commentProblem(text: string): string | null {
  if (!text.trim()) return 'Write a comment first.'
  if (text.length > LIMITS.comment.max)
    return `A comment has at most ${LIMITS.comment.max.toLocaleString('en')} characters.`
  return null
}
