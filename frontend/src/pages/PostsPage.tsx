import { useEffect, useId, useRef, useState } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import type { TagCount } from '../api/client'
import { useAuth } from '../auth/AuthContext'
import { TagFollow } from '../components/follows'
import { NoPosts, Pagination, PostList } from '../components/posts'
import { LoadError } from '../components/ui'
import { PAGE_SIZE, pageCount, readView, SORTS, writeView, type PostsView, type SortKey } from '../lib/posts'
import { usePostList } from '../lib/usePostList'
import { useDocumentTitle } from '../lib/useDocumentTitle'
import { SearchBox } from '../components/SearchBox'

/** The gateway counts (and pages through) at most this many matches of a search. */
const SEARCH_COUNT_LIMIT = 10_000

/** `/posts` (search, tag filter, sort, pages — all in the URL) and `/tags/:tag`. */
export function PostsPage() {
  const { tag: fixedTag } = useParams()
  const { client, status } = useAuth()
  const [params, setParams] = useSearchParams()
  const view = readView(params)
  const sortId = useId()
  const [tags, setTags] = useState<TagCount[] | null>(null)
  const listTop = useRef<HTMLDivElement>(null)
  useDocumentTitle(fixedTag ? `#${fixedTag}` : view.search ? `“${view.search}” · Posts` : 'Posts')

  const update = (patch: Partial<PostsView>, replace = false) =>
    setParams(writeView({ ...view, page: 1, ...patch }), { replace })

  useEffect(() => {
    if (fixedTag) return
    let active = true
    client.postTags().then(
      (found) => active && setTags(found),
      () => active && setTags([]),
    )
    return () => {
      active = false
    }
  }, [client, fixedTag])

  // a new object on every render: usePostList compares queries by value
  const query = {
    page: view.page - 1,
    pageSize: PAGE_SIZE,
    sort: view.sort,
    search: view.search,
    tags: fixedTag ? [fixedTag.toLowerCase()] : view.tags,
  }
  const list = usePostList(query)
  const total = pageCount(list.count, PAGE_SIZE)

  function goToPage(page: number) {
    update({ page })
    listTop.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' })
  }

  function toggleTag(tag: string) {
    update({ tags: view.tags.includes(tag) ? view.tags.filter((t) => t !== tag) : [...view.tags, tag] })
  }

  const filtered = Boolean(view.search || (!fixedTag && view.tags.length))
  const emptyTitle = view.search
    ? `No posts match “${view.search}”`
    : view.tags.length && !fixedTag
      ? `No posts match ${view.tags.map((t) => `#${t}`).join(', ')}`
      : fixedTag
        ? `No posts tagged #${fixedTag} yet`
        : 'No posts yet'

  return (
    <div className="container posts-page">
      <div className="page-head">
        <div>
          {fixedTag ? (
            <>
              <p className="eyebrow">Tag</p>
              <h1 className="break">#{fixedTag}</h1>
              <p className="muted">
                Posts tagged #{fixedTag}. <Link to="/posts">All posts</Link>
              </p>
            </>
          ) : (
            <>
              <h1>Posts</h1>
              <p className="muted">Search, filter by tag and sort what the community wrote.</p>
            </>
          )}
        </div>
        <div className="page-head-actions">
          {fixedTag && <TagFollow tag={fixedTag.toLowerCase()} />}
          {status === 'authenticated' && (
            <Link to="/posts/new" className={`button ${fixedTag ? 'button-secondary' : 'button-primary'}`}>
              Write a post
            </Link>
          )}
        </div>
      </div>

      <div className="posts-toolbar card">
        <SearchBox
          label="Search posts"
          placeholder={fixedTag ? `Search in #${fixedTag}…` : 'Search posts…'}
          committed={view.search}
          onSearch={(search) => update({ search }, true)}
        />
        <div className="sort-box">
          <label htmlFor={sortId} className="field-label">
            Sort
          </label>
          <select
            id={sortId}
            className="input select"
            value={view.sort}
            onChange={(e) => update({ sort: e.target.value as SortKey })}
          >
            {SORTS.map((s) => (
              <option key={s.key} value={s.key}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </div>

      {!fixedTag && tags && tags.length > 0 && (
        <div className="tag-filter" role="group" aria-label="Filter by tag">
          {tags.map(({ tag, posts }) => {
            const on = view.tags.includes(tag)
            return (
              <button
                key={tag}
                type="button"
                className={`tag-chip tag-toggle${on ? ' is-on' : ''}`}
                aria-pressed={on}
                onClick={() => toggleTag(tag)}
              >
                #{tag} <span className="tag-count">{posts}</span>
              </button>
            )
          })}
          {view.tags.length > 0 && (
            <button type="button" className="link-button" onClick={() => update({ tags: [] })}>
              Clear tags
            </button>
          )}
        </div>
      )}

      <div ref={listTop} className="list-top" />
      {!list.loading && !list.error && list.count > 0 && (
        <p className="muted small result-count" aria-live="polite">
          {list.count === 1
            ? '1 post'
            : view.search && list.count >= SEARCH_COUNT_LIMIT
              ? `${SEARCH_COUNT_LIMIT.toLocaleString()} or more posts — add a word to narrow the search`
              : `${list.count.toLocaleString()} posts`}
        </p>
      )}
      {list.error ? (
        <LoadError title="Could not load the posts" error={list.error} onRetry={list.retry} />
      ) : (
        <PostList
          posts={list.posts}
          loading={list.loading}
          skeletons={4}
          empty={
            <NoPosts title={emptyTitle}>
              {filtered ? (
                <>
                  <p className="muted">Try other words, fewer tags, or clear the filters.</p>
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => update({ search: '', tags: [] })}
                  >
                    Clear the filters
                  </button>
                </>
              ) : (
                <p className="muted">Nothing here yet.</p>
              )}
            </NoPosts>
          }
        />
      )}
      <Pagination page={Math.min(view.page, total)} total={total} onPage={goToPage} />
    </div>
  )
}
