import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
  type RefObject,
} from 'react'
import { Link, useLocation, useNavigate, useParams } from 'react-router'
import { NotFoundCard } from '../components/NotFoundCard'
import { ApiError, type Post, type PostComment, type User } from '../api/client'
import { useAuth } from '../auth/AuthContext'
import { Avatar } from '../components/Avatar'
import { CashtagChips } from '../components/CashtagChips'
import { LazyMarkdown as Markdown } from '../components/LazyMarkdown'
import { MentionTextarea } from '../components/MentionTextarea'
import { TagList, VoteButtons } from '../components/posts'
import { useSecondFactor } from '../components/SecondFactor'
import { Alert, BusyLabel, Modal, PageLoading } from '../components/ui'
import { plainText } from '../lib/errors'
import {
  applyVote,
  arriveComment,
  commentProblem,
  COMMENTS_PAGE,
  joinContent,
  LIMITS,
  mergeComments,
  type Rate,
} from '../lib/posts'
import { mergeReferences, unknownReferences, type References } from '../lib/references'
import { formatDate, formatRelative } from '../lib/time'
import { useDocumentTitle } from '../lib/useDocumentTitle'
import { eventData, useEventStream } from '../lib/useEventStream'

type Load = { kind: 'loading' } | { kind: 'missing' } | { kind: 'error'; text: string } | { kind: 'ready'; post: Post }

/** `/posts/:slug`: the post, its author, votes and comments. */
export function PostPage() {
  const { slug = '' } = useParams()
  const { client, status } = useAuth()
  const navigate = useNavigate()
  const location = useLocation()
  const [load, setLoad] = useState<Load>({ kind: 'loading' })
  const [attempt, setAttempt] = useState(0)
  /** `slug|signed-in` of what is shown: replacing an old slug by the current one is not a new post. */
  const shown = useRef<string | null>(null)
  const signedIn = status === 'authenticated'
  useDocumentTitle(load.kind === 'ready' ? load.post.title : load.kind === 'missing' ? 'Post not found' : 'Post')

  useEffect(() => {
    // Wait for the session so `myRate` comes with the first read; read again after sign-in/out.
    if (status === 'loading') return
    if (shown.current === `${slug}|${signedIn}`) return
    let active = true
    setLoad((current) => (current.kind === 'ready' && current.post.slug === slug ? current : { kind: 'loading' }))
    client.getPost(slug).then(
      (post) => {
        if (!active) return
        shown.current = `${post.slug}|${signedIn}`
        setLoad({ kind: 'ready', post })
        if (post.slug && post.slug !== slug)
          navigate(`/posts/${encodeURIComponent(post.slug)}${location.hash}`, { replace: true })
      },
      (error) => {
        if (!active) return
        shown.current = null
        setLoad(
          error instanceof ApiError && error.status === 404
            ? { kind: 'missing' }
            : { kind: 'error', text: plainText(error) },
        )
      },
    )
    return () => {
      active = false
    }
  }, [client, slug, attempt, status, signedIn, navigate, location.hash])

  if (load.kind === 'loading') return <PageLoading label="Loading the post…" />

  if (load.kind === 'missing') {
    return (
      <NotFoundCard
        testId="post-not-found"
        title="This post is not here"
        reason="It may have been deleted by its author, or the link is mistyped."
      >
        <Link to="/posts" className="button button-primary">
          Browse posts
        </Link>
        <Link to="/" className="button button-secondary">
          Back to home
        </Link>
      </NotFoundCard>
    )
  }

  if (load.kind === 'error') {
    return (
      <div className="container narrow">
        <Alert tone="error" title="Could not load this post">
          {load.text}
        </Alert>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            shown.current = null
            setAttempt((n) => n + 1)
          }}
        >
          Try again
        </button>
      </div>
    )
  }

  return <PostView key={load.post.id} post={load.post} onChange={(post) => setLoad({ kind: 'ready', post })} />
}

function PostView({ post, onChange }: { post: Post; onChange: (post: Post) => void }) {
  const { client, status, user } = useAuth()
  const location = useLocation()
  const [voteError, setVoteError] = useState<string | null>(null)
  const [askSignIn, setAskSignIn] = useState<string | null>(null)
  const [voting, setVoting] = useState(false)
  const [confirmDelete, setConfirmDelete] = useState(false)
  // the newest post, for a rollback after an await (comments may have come meanwhile); `commit` moves it at once, as
  // several live events can arrive before the next render
  const latest = useRef(post)
  useLayoutEffect(() => {
    latest.current = post
  })
  function commit(next: Post) {
    latest.current = next
    onChange(next)
  }
  /** Ids of the comments written here: shown last at once, before the pages in between are loaded. */
  const written = useRef(new Set<string>())
  /** Ids of comments that arrived since the post was read and are in `commentsCount` already. */
  const counted = useRef(new Set<string>())
  /** Live comments shown below the fold, not seen yet: the "N new comments" button. */
  const [unseen, setUnseen] = useState<string[]>([])
  const listEnd = useRef<HTMLDivElement>(null)
  /** Where the end of the list was before a live comment went in, when it was above the screen (see below). */
  const endBefore = useRef<number | null>(null)
  // A comment that goes in above what the reader looks at (typing in the comment box, the list scrolled away) must not
  // push it down. Browsers with scroll anchoring (overflow-anchor) keep it in place by themselves; for the others
  // (Safari) scroll by what the list grew.
  useLayoutEffect(() => {
    const before = endBefore.current
    endBefore.current = null
    if (before === null || !listEnd.current) return
    window.scrollBy(0, listEnd.current.getBoundingClientRect().top - before)
  })
  const signedIn = status === 'authenticated'
  const mine = signedIn && user?.username === post.username

  function belowTheFold(): boolean {
    const end = listEnd.current
    return end !== null && end.getBoundingClientRect().top > window.innerHeight
  }

  /** Merges an arrived comment; true when it is now shown. */
  function arrive(comment: PostComment): boolean {
    const current = latest.current
    const comments = current.postInfo.comments
    const shown = { comments, count: Math.max(current.commentsCount ?? 0, comments.length) }
    const next = arriveComment(shown, comment, counted.current, written.current.has(comment.id))
    if (!next) return false
    commit({ ...current, commentsCount: next.count, postInfo: { ...current.postInfo, comments: next.comments } })
    return next.comments.length > comments.length
  }

  async function catchUp() {
    const comments = latest.current.postInfo.comments
    let loaded = comments.length
    while (loaded > 0 && written.current.has(comments[loaded - 1].id)) loaded--
    try {
      const page = await client.postComments(latest.current.id, Math.floor(loaded / COMMENTS_PAGE), COMMENTS_PAGE)
      const now = latest.current
      const count = Math.max(now.commentsCount ?? 0, now.postInfo.comments.length)
      if (now.postInfo.comments.length < count) {
        // not all loaded: "Show more" brings them in their place
        commit({
          ...now,
          commentsCount: Math.max(page.count, count),
          references: mergeReferences(now.references, page.references),
        })
        return
      }
      let from = now.postInfo.comments.length
      while (from > 0 && written.current.has(now.postInfo.comments[from - 1].id)) from--
      const merged = mergeComments(now.postInfo.comments, from, page.rows)
      for (const c of merged.comments) counted.current.add(c.id)
      commit({
        ...now,
        commentsCount: Math.max(page.count, merged.comments.length),
        postInfo: { ...now.postInfo, comments: merged.comments },
        references: mergeReferences(now.references, page.references),
      })
    } catch {
      // the next reconnection tries again
    }
  }

  /**
   * A live comment comes without the references of its @names and $SYMBOLs (which exist): read them with the page of
   * comments it is on, when it names any not known yet, so its links show as they would after a reload.
   */
  async function referencesOf(comment: PostComment) {
    if (!unknownReferences(comment.payload ?? '', latest.current.references)) return
    const index = latest.current.postInfo.comments.findIndex((c) => c.id === comment.id)
    if (index < 0) return
    try {
      const page = await client.postComments(latest.current.id, Math.floor(index / COMMENTS_PAGE), COMMENTS_PAGE)
      commit({ ...latest.current, references: mergeReferences(latest.current.references, page.references) })
    } catch {
      // the names stay plain text until the next reload
    }
  }

  function showUnseen() {
    const first = unseen[0]
    setUnseen([])
    if (first) document.getElementById(`comment-${first}`)?.scrollIntoView?.({ block: 'center' })
  }
  useEventStream(client, `/api/posts/stream/${encodeURIComponent(post.id)}`, {
    onEvent: (event) => {
      const data = eventData(event)
      if (!data) return
      if (event.event === 'comment' && typeof data.id === 'string' && typeof data.username === 'string') {
        const comment: PostComment = {
          rating: 0,
          myRate: null,
          commentRates: [],
          ...(data as Partial<PostComment>),
        } as PostComment
        const below = belowTheFold()
        const end = listEnd.current?.getBoundingClientRect().top ?? 0
        if (!arrive(comment)) return
        void referencesOf(comment)
        if (end < 0 && !scrollAnchoring()) endBefore.current = end
        if (below && comment.username !== user?.username) setUnseen((ids) => [...ids, comment.id])
      } else if (event.event === 'post-score' && typeof data.rating === 'number') {
        if (data.postId === undefined || data.postId === latest.current.id)
          commit({ ...latest.current, rating: data.rating })
      } else if (event.event === 'comment-score' && typeof data.commentId === 'string') {
        if (typeof data.rating === 'number') updateComment(data.commentId, { rating: data.rating })
      }
    },
    // no resume ids on this stream: after a drop, read what was missed
    onOpen: (reconnected) => {
      if (reconnected) void catchUp()
    },
  })

  // a comment's link (from a notification) scrolls to it once it is shown
  const linked = location.hash.startsWith('#comment-') ? location.hash.slice(1) : null
  useEffect(() => {
    if (linked) document.getElementById(linked)?.scrollIntoView?.({ block: 'center' })
  }, [linked])

  // the "new comments" button goes once the end of the list is seen
  useEffect(() => {
    if (unseen.length === 0) return
    const onScroll = () => {
      if (!belowTheFold()) setUnseen([])
    }
    window.addEventListener('scroll', onScroll, { passive: true })
    return () => window.removeEventListener('scroll', onScroll)
  }, [unseen.length])

  function needSignIn(what: string): boolean {
    if (signedIn) return false
    setAskSignIn(what)
    return true
  }

  async function votePost(rate: Rate) {
    if (needSignIn('vote')) return
    const before = latest.current
    const after = applyVote({ rating: before.rating, myRate: before.myRate }, rate)
    setVoteError(null)
    setVoting(true)
    commit({ ...before, ...after })
    try {
      await client.ratePost(before.id, rate)
    } catch (error) {
      // Roll back only the vote; comments may have changed meanwhile.
      commit({ ...latest.current, rating: before.rating, myRate: before.myRate })
      setVoteError(plainText(error))
    } finally {
      setVoting(false)
    }
  }

  function updateComment(id: string, patch: Partial<PostComment>) {
    const current = latest.current
    commit({
      ...current,
      postInfo: {
        ...current.postInfo,
        comments: current.postInfo.comments.map((c) => (c.id === id ? { ...c, ...patch } : c)),
      },
    })
  }

  function addComment(comment: PostComment) {
    arrive(comment)
  }

  function showMore(comments: PostComment[], count: number, references: References) {
    const current = latest.current
    commit({
      ...current,
      commentsCount: count,
      postInfo: { ...current.postInfo, comments },
      references: mergeReferences(current.references, references),
    })
  }

  const signInLink = (
    <Link to="/sign-in" state={{ from: location.pathname }}>
      Sign in
    </Link>
  )

  return (
    <div className="container post-page">
      <article className="post-main">
        <header className="post-head">
          <TagList tags={post.searchTags} />
          <h1 className="post-title break" data-testid="post-title">
            {post.title}
          </h1>
          <p className="post-lead break">{post.preview}</p>
          <CashtagChips cashtags={post.cashtags ?? []} />
          <div className="post-byline muted small">
            <span>
              by{' '}
              <Link to={`/user/${encodeURIComponent(post.username)}`} className="break">
                @{post.username}
              </Link>
            </span>
            <span aria-hidden="true">·</span>
            <time dateTime={post.createdAt}>{formatDate(post.createdAt)}</time>
            {post.updatedAt && post.updatedAt !== post.createdAt && (
              <>
                <span aria-hidden="true">·</span>
                <span title={post.updatedAt}>edited</span>
              </>
            )}
          </div>
        </header>

        <div className="post-body-row">
          <div className="post-vote-col">
            <VoteButtons rating={post.rating} mine={post.myRate} onVote={votePost} disabled={voting} label="post" />
          </div>
          <div className="card post-body">
            <Markdown text={joinContent(post.content)} testId="post-content" references={post.references} />
          </div>
        </div>
        {voteError && (
          <Alert tone="error" title="Your vote did not count">
            {voteError}
          </Alert>
        )}
        {askSignIn && (
          <Alert tone="info" title={`Sign in to ${askSignIn}`}>
            {signInLink} or <Link to="/sign-up">create a free account</Link> to vote and comment.
          </Alert>
        )}

        {mine && (
          <div className="post-owner-actions">
            <Link to={`/posts/${encodeURIComponent(post.slug)}/edit`} className="button button-secondary">
              Edit post
            </Link>
            <button type="button" className="button button-danger" onClick={() => setConfirmDelete(true)}>
              Delete post…
            </button>
          </div>
        )}

        <Comments
          post={post}
          onVoted={updateComment}
          onAdded={addComment}
          onMore={showMore}
          needSignIn={needSignIn}
          signInLink={signInLink}
          written={written}
          listEnd={listEnd}
          linked={linked}
        />
        {unseen.length > 0 && (
          <div className="new-comments" role="status">
            <button type="button" className="button button-primary new-comments-button" onClick={showUnseen}>
              {unseen.length === 1 ? '1 new comment' : `${unseen.length} new comments`}{' '}
              <span aria-hidden="true">↓</span>
            </button>
          </div>
        )}
      </article>

      <aside className="post-aside">
        <AuthorCard username={post.username} />
      </aside>

      {confirmDelete && <DeleteDialog post={post} onClose={() => setConfirmDelete(false)} />}
    </div>
  )
}

function AuthorCard({ username }: { username: string }) {
  const { client } = useAuth()
  const [author, setAuthor] = useState<User | null>(null)
  useEffect(() => {
    let active = true
    client.getUser(username).then(
      (found) => active && setAuthor(found),
      () => undefined,
    )
    return () => {
      active = false
    }
  }, [client, username])
  const person = author ?? { username }
  const name = author ? [author.firstName, author.lastName].filter(Boolean).join(' ') : ''
  return (
    <section className="card author-card" aria-label="About the author" data-testid="author-card">
      <p className="eyebrow">Written by</p>
      <Link to={`/user/${encodeURIComponent(username)}`} className="author-link">
        <Avatar person={person} size="md" />
        <span className="author-names">
          <strong className="break">{name || username}</strong>
          <span className="muted small break">@{username}</span>
        </span>
      </Link>
      {author?.title && <p className="small author-title break">{author.title}</p>}
      {author?.bio && <p className="muted small author-bio break">{author.bio}</p>}
      <Link to={`/user/${encodeURIComponent(username)}`} className="button button-secondary button-block">
        View profile
      </Link>
    </section>
  )
}

function Comments({
  post,
  onVoted,
  onAdded,
  onMore,
  needSignIn,
  signInLink,
  written,
  listEnd,
  linked,
}: {
  post: Post
  onVoted: (id: string, patch: Partial<PostComment>) => void
  onAdded: (comment: PostComment) => void
  /** The comments with the next page merged in, the count of all, and the page's references. */
  onMore: (comments: PostComment[], count: number, references: References) => void
  needSignIn: (what: string) => boolean
  signInLink: ReactNode
  /** Ids of the comments written here (shown last until the pages in between are loaded). */
  written: RefObject<Set<string>>
  /** Marks the end of the list: live comments below the fold get a "new comments" button. */
  listEnd: RefObject<HTMLDivElement | null>
  /** The comment the URL's hash points at. */
  linked: string | null
}) {
  const { client, status, user } = useAuth()
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const [voting, setVoting] = useState<string | null>(null)
  const [voteError, setVoteError] = useState<{ id: string; text: string } | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<string | null>(null)
  const boxId = useId()
  const comments = post.postInfo.comments
  const count = Math.max(post.commentsCount ?? 0, comments.length)
  const remaining = count - comments.length

  async function showMore() {
    let loaded = comments.length
    while (loaded > 0 && written.current.has(comments[loaded - 1].id)) loaded--
    setLoadingMore(true)
    setMoreError(null)
    try {
      // the page the first not-loaded comment is on (the embedded comments are page 0 of the same size)
      const page = await client.postComments(post.id, Math.floor(loaded / COMMENTS_PAGE), COMMENTS_PAGE)
      const merged = mergeComments(comments, loaded, page.rows)
      onMore(merged.comments, Math.max(page.count, merged.comments.length), page.references)
    } catch (error) {
      setMoreError(plainText(error))
    } finally {
      setLoadingMore(false)
    }
  }

  async function vote(comment: PostComment, rate: Rate) {
    if (needSignIn('vote')) return
    const before = { rating: comment.rating ?? 0, myRate: comment.myRate ?? null }
    setVoteError(null)
    setVoting(comment.id)
    onVoted(comment.id, applyVote(before, rate))
    try {
      await client.rateComment(post.id, comment.id, rate)
    } catch (error) {
      onVoted(comment.id, before)
      setVoteError({ id: comment.id, text: plainText(error) })
    } finally {
      setVoting(null)
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    const found = commentProblem(text)
    if (found) {
      setProblem(found)
      return
    }
    setProblem(null)
    setSending(true)
    try {
      const { id } = await client.addComment(post.id, text)
      if (id) written.current.add(id)
      onAdded({
        id: id ?? `local-${Date.now()}`,
        username: user?.username ?? 'you',
        payload: text,
        createdAt: new Date().toISOString(),
        rating: 0,
        myRate: null,
        commentRates: [],
      })
      setText('')
    } catch (error) {
      setProblem(plainText(error))
    } finally {
      setSending(false)
    }
  }

  const over = text.length > LIMITS.comment.max
  return (
    <section className="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">
        Comments <span className="muted">({count})</span>
      </h2>
      {count === 0 && <p className="muted">No comments yet.</p>}
      <ol className="comment-list">
        {comments.map((comment) => (
          <li
            key={comment.id}
            id={`comment-${comment.id}`}
            className={`card comment${linked === `comment-${comment.id}` ? ' is-linked' : ''}`}
            data-testid="comment"
          >
            <div className="comment-head">
              <Link to={`/user/${encodeURIComponent(comment.username)}`} className="comment-author break">
                @{comment.username}
              </Link>
              <time className="muted small" dateTime={comment.createdAt} title={comment.createdAt}>
                {formatRelative(comment.createdAt)}
              </time>
              {comment.username === post.username && <span className="badge badge-author">Author</span>}
            </div>
            <Markdown text={comment.payload} variant="comment" references={post.references} />
            <div className="comment-foot">
              <VoteButtons
                size="sm"
                rating={comment.rating ?? 0}
                mine={comment.myRate ?? null}
                onVote={(rate) => vote(comment, rate)}
                disabled={voting === comment.id}
                label={`comment by ${comment.username}`}
              />
              {voteError?.id === comment.id && <span className="field-error">{voteError.text}</span>}
            </div>
          </li>
        ))}
      </ol>
      <div ref={listEnd} aria-hidden="true" />
      {remaining > 0 && (
        <div className="comment-more">
          <button type="button" className="button button-secondary" onClick={showMore} disabled={loadingMore}>
            <BusyLabel
              busy={loadingMore}
              label={`Show more comments (${remaining.toLocaleString('en')} more)`}
              busyLabel="Loading comments…"
            />
          </button>
          {moreError && (
            <Alert tone="error" title="Could not load more comments">
              {moreError}
            </Alert>
          )}
        </div>
      )}

      {status === 'authenticated' ? (
        <form className="card comment-form form" onSubmit={submit} noValidate data-testid="comment-form">
          <label htmlFor={boxId} className="field-label">
            Add a comment
          </label>
          <MentionTextarea
            id={boxId}
            className={`input textarea${problem ? ' is-invalid' : ''}`}
            rows={4}
            value={text}
            onValueChange={setText}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${boxId}-count${problem ? ` ${boxId}-error` : ''}`}
            placeholder="Be kind; Markdown works here."
            disabled={sending}
          />
          <div className="comment-form-foot">
            <span id={`${boxId}-count`} className={`char-count small${over ? ' is-over' : ' muted'}`}>
              {text.length.toLocaleString('en')} / {LIMITS.comment.max.toLocaleString('en')}
            </span>
            <button type="submit" className="button button-primary" disabled={sending || over}>
              <BusyLabel busy={sending} label="Post comment" busyLabel="Posting…" />
            </button>
          </div>
          {problem && (
            <p className="field-error" id={`${boxId}-error`} role="alert">
              {problem}
            </p>
          )}
        </form>
      ) : (
        status === 'anonymous' && (
          <div className="card comment-signin">
            <p>{signInLink} to join the conversation.</p>
          </div>
        )
      )}
    </section>
  )
}

function DeleteDialog({ post, onClose }: { post: Post; onClose: () => void }) {
  const { client } = useAuth()
  const run = useSecondFactor()
  const navigate = useNavigate()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  async function remove() {
    setBusy(true)
    setProblem(null)
    try {
      const outcome = await run((factor) => client.deletePost(post.id, factor), {
        title: 'Confirm it is you',
        submitLabel: 'Delete the post',
      })
      if (outcome.kind === 'done') {
        navigate('/account', { state: { deletedPost: post.title } })
        return
      }
      setBusy(false)
    } catch (error) {
      setProblem(plainText(error))
      setBusy(false)
    }
  }

  return (
    <Modal
      title="Delete this post?"
      description={
        <>
          “<span className="break">{post.title}</span>” and its{' '}
          {post.commentsCount === 1 ? 'comment' : `${post.commentsCount} comments`} and votes will be gone for good.
        </>
      }
      onClose={onClose}
      busy={busy}
      testId="delete-post-dialog"
    >
      {problem && <Alert tone="error">{problem}</Alert>}
      <div className="modal-actions">
        <button type="button" className="button button-ghost" onClick={onClose} disabled={busy}>
          Keep it
        </button>
        <button type="button" className="button button-danger-solid button-danger" onClick={remove} disabled={busy}>
          <BusyLabel busy={busy} label="Delete the post" busyLabel="Deleting…" />
        </button>
      </div>
    </Modal>
  )
}

/** Whether the browser keeps the content in view still when something is inserted above it (not Safari). */
function scrollAnchoring(): boolean {
  return typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('overflow-anchor', 'auto')
}
