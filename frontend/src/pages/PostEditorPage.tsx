import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { ApiError, type Post, type PostInput } from '../api/client'
import { useAuth } from '../auth/AuthContext'
import { LazyMarkdown as Markdown } from '../components/LazyMarkdown'
import { MentionTextarea } from '../components/MentionTextarea'
import { Alert, BusyLabel, Field, PageLoading, TextAreaField } from '../components/ui'
import { placeError } from '../lib/errors'
import {
  draftProblems,
  joinContent,
  LIMITS,
  MAX_TAGS,
  normalizeTag,
  splitContent,
  tagProblem,
  type PostDraft,
  type PostField,
} from '../lib/posts'
import { useDocumentTitle } from '../lib/useDocumentTitle'
import { useFocusFirstError } from '../lib/useFocusFirstError'
import { useOnChange } from '../lib/useOnChange'

/** Which field an API failure belongs to. */
const FIELD_OF: Record<string, PostField> = {
  'post-already-exists': 'title',
  'tag-length': 'tags',
}

const EMPTY: PostDraft = { title: '', preview: '', content: '', tags: [] }

type Load =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'not-yours' }
  | { kind: 'error'; text: string }
  | { kind: 'ready'; post: Post | null }

/** `/posts/new` and `/posts/:slug/edit` (signed in). */
export function PostEditorPage() {
  const { slug } = useParams()
  const { client } = useAuth()
  const [load, setLoad] = useState<Load>(slug ? { kind: 'loading' } : { kind: 'ready', post: null })
  useDocumentTitle(slug ? 'Edit post' : 'Write a post')
  useOnChange([slug], () => setLoad(slug ? { kind: 'loading' } : { kind: 'ready', post: null }))

  useEffect(() => {
    if (!slug) return
    let active = true
    client.getPost(slug, { toEdit: true }).then(
      (post) => active && setLoad({ kind: 'ready', post }),
      (error) => {
        if (!active) return
        if (error instanceof ApiError && error.status === 404) setLoad({ kind: 'missing' })
        else if (error instanceof ApiError && error.code === 'wrong-user') setLoad({ kind: 'not-yours' })
        else setLoad({ kind: 'error', text: placeError(error, {}).message.text })
      },
    )
    return () => {
      active = false
    }
  }, [client, slug])

  if (load.kind === 'loading') return <PageLoading label="Loading the post…" />
  if (load.kind !== 'ready') {
    const words =
      load.kind === 'missing'
        ? { title: 'This post is not here', text: 'It may have been deleted, or the link is mistyped.' }
        : load.kind === 'not-yours'
          ? { title: 'Only the author can edit this post', text: 'You can read it and comment on it instead.' }
          : { title: 'Could not load the post', text: load.text }
    return (
      <div className="container narrow center-page">
        <div className="card status-card" data-testid="editor-unavailable">
          <h1>{words.title}</h1>
          <p className="muted">{words.text}</p>
          <div className="actions-row">
            {slug && load.kind !== 'missing' && (
              <Link to={`/posts/${encodeURIComponent(slug)}`} className="button button-primary">
                Open the post
              </Link>
            )}
            <Link to="/posts" className="button button-secondary">
              Browse posts
            </Link>
          </div>
        </div>
      </div>
    )
  }
  return <Editor key={load.post?.id ?? 'new'} post={load.post} />
}

function draftOf(post: Post | null): PostDraft {
  if (!post) return EMPTY
  return { title: post.title, preview: post.preview, content: joinContent(post.content), tags: [...post.searchTags] }
}

function Editor({ post }: { post: Post | null }) {
  const { client } = useAuth()
  const navigate = useNavigate()
  const [original] = useState(() => draftOf(post))
  const [draft, setDraft] = useState<PostDraft>(original)
  const [errors, setErrors] = useState<Partial<Record<PostField, string>>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [pane, setPane] = useState<'write' | 'preview'>('write')
  const formRef = useRef<HTMLFormElement>(null)
  const focusFirstError = useFocusFirstError(formRef)
  const contentId = useId()

  const set = <K extends keyof PostDraft>(key: K, value: PostDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }))
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    const problems = draftProblems(draft)
    setErrors(problems)
    setFormError(null)
    if (Object.keys(problems).length) {
      focusFirstError()
      return
    }
    const input: PostInput = {
      title: draft.title.trim(),
      preview: draft.preview.trim(),
      content: splitContent(draft.content),
      searchTags: draft.tags,
    }
    setBusy(true)
    try {
      if (!post) {
        const created = await client.createPost(input)
        navigate(`/posts/${encodeURIComponent(created.slug)}`)
        return
      }
      // Only what changed goes out.
      const was = original
      const patch: Partial<PostInput> = {}
      if (input.title !== was.title.trim()) patch.title = input.title
      if (input.preview !== was.preview.trim()) patch.preview = input.preview
      if (draft.content !== was.content) patch.content = input.content
      if (input.searchTags.join(',') !== was.tags.join(',')) patch.searchTags = input.searchTags
      const slug = Object.keys(patch).length ? ((await client.updatePost(post.id, patch)).slug ?? post.slug) : post.slug
      navigate(`/posts/${encodeURIComponent(slug)}`)
    } catch (error) {
      const placed = placeError(error, FIELD_OF)
      if (placed.field) setErrors({ [placed.field]: placed.message.text })
      else setFormError(placed.message.text)
      setBusy(false)
      focusFirstError()
    }
  }

  const cancelTo = post ? `/posts/${encodeURIComponent(post.slug)}` : '/posts'
  return (
    <div className="container editor-page">
      <div className="page-head">
        <div>
          <h1>{post ? 'Edit your post' : 'Write a post'}</h1>
          <p className="muted">Markdown works in the post: **bold**, _italic_, lists, links, `code` and tables.</p>
        </div>
      </div>
      <form ref={formRef} className="form editor-form" onSubmit={submit} noValidate data-testid="post-editor">
        {formError && (
          <Alert tone="error" title="The post was not saved">
            {formError}
          </Alert>
        )}
        <Field
          label="Title"
          name="title"
          value={draft.title}
          onChange={(e) => set('title', e.target.value)}
          error={errors.title}
          maxLength={LIMITS.title.max}
          hint={`${draft.title.trim().length} / ${LIMITS.title.max}`}
          disabled={busy}
        />
        <TextAreaField
          label="Preview"
          name="preview"
          rows={3}
          value={draft.preview}
          onChange={(e) => set('preview', e.target.value)}
          error={errors.preview}
          maxLength={LIMITS.preview.max}
          hint={`Shown in lists. ${draft.preview.trim().length} / ${LIMITS.preview.max}`}
          disabled={busy}
        />
        <TagInput tags={draft.tags} onChange={(tags) => set('tags', tags)} error={errors.tags} disabled={busy} />

        <div className={`field editor-panes show-${pane}${errors.content ? ' field-invalid' : ''}`}>
          <div className="editor-pane-head">
            <label htmlFor={contentId} className="field-label">
              Post (Markdown)
            </label>
            <div className="tabs editor-tabs" role="tablist" aria-label="Write or preview">
              <button
                type="button"
                role="tab"
                className="tab"
                aria-selected={pane === 'write'}
                onClick={() => setPane('write')}
              >
                Write
              </button>
              <button
                type="button"
                role="tab"
                className="tab"
                aria-selected={pane === 'preview'}
                onClick={() => setPane('preview')}
              >
                Preview
              </button>
            </div>
          </div>
          <div className="editor-grid">
            <div className="editor-write">
              <MentionTextarea
                id={contentId}
                className="input textarea editor-textarea"
                value={draft.content}
                onValueChange={(content) => set('content', content)}
                aria-invalid={errors.content ? true : undefined}
                aria-describedby={errors.content ? `${contentId}-error` : undefined}
                placeholder={'# A heading\n\nWrite your post here…'}
                disabled={busy}
              />
            </div>
            <div className="editor-preview card" aria-label="How the post will look" data-testid="editor-preview">
              {draft.content.trim() ? (
                <Markdown text={draft.content} />
              ) : (
                <p className="muted">The preview shows here as you write.</p>
              )}
            </div>
          </div>
          {errors.content && (
            <p className="field-error" id={`${contentId}-error`}>
              {errors.content}
            </p>
          )}
          <p className="field-hint">
            {draft.content.length.toLocaleString('en')} / {LIMITS.content.max.toLocaleString('en')} characters
          </p>
        </div>

        <div className="form-actions editor-actions">
          <Link to={cancelTo} className="button button-ghost">
            Cancel
          </Link>
          <button type="submit" className="button button-primary" disabled={busy}>
            <BusyLabel
              busy={busy}
              label={post ? 'Save changes' : 'Publish'}
              busyLabel={post ? 'Saving…' : 'Publishing…'}
            />
          </button>
        </div>
      </form>
    </div>
  )
}

/** Tags as chips: Enter, comma or space adds one; Backspace in an empty box removes the last. */
export function TagInput({
  tags,
  onChange,
  error,
  disabled,
}: {
  tags: string[]
  onChange: (tags: string[]) => void
  error?: string
  disabled?: boolean
}) {
  const id = useId()
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string | null>(null)

  function add(raw: string): boolean {
    const tag = normalizeTag(raw)
    if (!tag) return true
    const found = tagProblem(tag, tags)
    if (found) {
      setProblem(found)
      return false
    }
    onChange([...tags, tag])
    setText('')
    setProblem(null)
    return true
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',' || event.key === ' ') {
      event.preventDefault()
      add(text)
    } else if (event.key === 'Backspace' && !text && tags.length) {
      onChange(tags.slice(0, -1))
    }
  }

  const shown = problem ?? error
  return (
    <div className={`field${shown ? ' field-invalid' : ''}`} data-testid="tag-input">
      <label htmlFor={id} className="field-label">
        Tags
      </label>
      <div className="tag-input">
        {tags.map((tag) => (
          <span key={tag} className="tag-chip tag-chip-edit">
            #{tag}
            <button
              type="button"
              className="tag-remove"
              aria-label={`Remove tag ${tag}`}
              onClick={() => onChange(tags.filter((t) => t !== tag))}
              disabled={disabled}
            >
              ×
            </button>
          </span>
        ))}
        {tags.length < MAX_TAGS && (
          <input
            id={id}
            className="tag-text"
            value={text}
            onChange={(e) => {
              setText(e.target.value)
              if (problem) setProblem(null)
            }}
            onKeyDown={onKeyDown}
            onBlur={() => text && add(text)}
            placeholder={tags.length ? 'Add another…' : 'e.g. bitcoin'}
            aria-invalid={shown ? true : undefined}
            aria-describedby={`${id}-hint${shown ? ` ${id}-error` : ''}`}
            maxLength={40}
            disabled={disabled}
            autoCapitalize="none"
            autoComplete="off"
          />
        )}
      </div>
      {shown && (
        <p className="field-error" id={`${id}-error`}>
          {shown}
        </p>
      )}
      <p className="field-hint" id={`${id}-hint`}>
        1–{MAX_TAGS} tags of a–z, 0–9 and dashes, up to 20 characters each. Press Enter to add. {tags.length} /{' '}
        {MAX_TAGS}
      </p>
    </div>
  )
}
