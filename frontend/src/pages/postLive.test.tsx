// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  anonymous,
  backend,
  eventStream,
  fakePost,
  john,
  memoryStorage,
  postsApi,
  renderApp,
  signedIn,
  type Call,
  type FakePost,
  type FakeStream,
  type Reply,
} from '../test/fakeBackend'

afterEach(() => cleanup())

const missing: Reply = { status: 404, body: { statusCode: 404, message: 'not-found' } }

function comment(i: number, username = 'alice') {
  return {
    id: `c${i}`,
    username,
    payload: `Comment number ${i}`,
    createdAt: '2024-04-21T10:00:00Z',
    rating: 0,
    myRate: null,
  }
}

/** The post page's gateway: the fake posts API plus the post's live stream (every connection in `streams`). */
function gateway(post: FakePost, options: { signed?: boolean; extra?: (call: Call) => Reply | undefined } = {}) {
  const api = postsApi([post])
  const streams: FakeStream[] = []
  const signed = options.signed ?? true
  const { client, calls } = backend(
    (call) => {
      const extra = options.extra?.(call)
      if (extra) return extra
      if (call.url === '/api/auth/refresh') return signed ? signedIn : anonymous
      if (call.url === `/api/posts/stream/${post.id}`) {
        const stream = eventStream()
        streams.push(stream)
        return stream.reply
      }
      if (call.url.startsWith('/api/user/get/')) return { status: 200, body: { data: { ...john, email: undefined } } }
      return api.handle(call) ?? missing
    },
    signed ? {} : { storage: memoryStorage() },
  )
  return { client, calls, streams, api }
}

const shownComments = () => screen.getAllByTestId('comment').map((c) => within(c).getByText(/^Comment/).textContent)

describe('the post page, live', () => {
  it('shows others’ new comments as they come, keeping what the reader is typing, and live scores', async () => {
    const post = fakePost({ comments: [comment(1), comment(2)], commentsCount: 2 })
    const { client, calls, streams } = gateway(post)
    renderApp(client, `/posts/${post.slug}`)
    await screen.findAllByTestId('comment')
    await waitFor(() => expect(streams).toHaveLength(1))
    expect(calls.find((c) => c.url === '/api/posts/stream/p1')?.token).toBe('Bearer at-1')

    const box = screen.getByLabelText<HTMLTextAreaElement>('Add a comment')
    fireEvent.change(box, { target: { value: 'I was typing this' } })
    streams[0].send('comment', { ...comment(3, 'bob'), commentRates: [] })
    await waitFor(() => expect(shownComments()).toEqual(['Comment number 1', 'Comment number 2', 'Comment number 3']))
    expect(screen.getByRole('heading', { name: 'Comments (3)' })).toBeTruthy()
    expect(screen.getByLabelText<HTMLTextAreaElement>('Add a comment').value).toBe('I was typing this')

    streams[0].send('post-score', { postId: 'p1', rating: 12 })
    streams[0].send('comment-score', { commentId: 'c2', rating: -3 })
    const scores = () => screen.getAllByTestId('vote-score').map((e) => e.textContent)
    await waitFor(() => expect(scores()).toEqual(['12', '0', '-3', '0']))
  })

  it('shows the reader’s own comment once, whether the stream or the API answers first', async () => {
    for (const streamFirst of [true, false]) {
      const post = fakePost({ comments: [comment(1)], commentsCount: 1 })
      const { client, api, streams } = gateway(post, {
        extra: (call) => {
          if (call.method !== 'PATCH' || !call.url.startsWith('/api/posts/comment/')) return undefined
          const reply = api.handle(call)!
          const made = api.state.posts[0].comments.at(-1)!
          const event = () => streams[0].send('comment', { ...made, commentRates: [] })
          if (streamFirst) event()
          else setTimeout(event, 20)
          return reply
        },
      })
      renderApp(client, `/posts/${post.slug}`)
      await screen.findAllByTestId('comment')
      await waitFor(() => expect(streams).toHaveLength(1))
      fireEvent.change(screen.getByLabelText('Add a comment'), { target: { value: 'My own words' } })
      fireEvent.click(screen.getByRole('button', { name: 'Post comment' }))
      await screen.findByText('My own words')
      await new Promise((resolve) => setTimeout(resolve, 60))
      expect(screen.getAllByText('My own words')).toHaveLength(1)
      expect(screen.getByRole('heading', { name: 'Comments (2)' })).toBeTruthy()
      cleanup()
    }
  })

  it('counts a new comment when not every comment is loaded yet, so "Show more" brings it', async () => {
    const all = Array.from({ length: 60 }, (_, i) => comment(i + 1))
    const post = fakePost({ comments: all, commentsCount: 60 })
    const { client, streams, api } = gateway(post)
    renderApp(client, `/posts/${post.slug}`)
    await screen.findAllByTestId('comment')
    await waitFor(() => expect(streams).toHaveLength(1))
    api.state.posts[0].comments.push(comment(61, 'bob'))
    streams[0].send('comment', comment(61, 'bob'))
    expect(await screen.findByRole('button', { name: 'Show more comments (11 more)' })).toBeTruthy()
    expect(screen.getAllByTestId('comment')).toHaveLength(50)
  })

  it('after a reconnection reads the comments it missed (this stream has no resume ids)', async () => {
    const post = fakePost({ comments: [comment(1)], commentsCount: 1 })
    const { client, calls, streams, api } = gateway(post)
    renderApp(client, `/posts/${post.slug}`)
    await screen.findAllByTestId('comment')
    await waitFor(() => expect(streams).toHaveLength(1))
    api.state.posts[0].comments.push(comment(2, 'bob'))
    streams[0].close()
    await waitFor(() => expect(streams).toHaveLength(2), { timeout: 3000 })
    await waitFor(() => expect(shownComments()).toEqual(['Comment number 1', 'Comment number 2']))
    expect(calls.some((c) => c.url === '/api/posts/comments/p1/0/50')).toBe(true)
    expect(calls.filter((c) => c.url === '/api/posts/stream/p1').every((c) => !c.headers?.['Last-Event-ID'])).toBe(true)
  })

  it('is live for visitors too, without a token, and closes when the reader leaves', async () => {
    const post = fakePost({ comments: [], commentsCount: 0 })
    const { client, calls, streams } = gateway(post, { signed: false })
    renderApp(client, `/posts/${post.slug}`)
    await screen.findByText('No comments yet.')
    await waitFor(() => expect(streams).toHaveLength(1))
    expect(calls.find((c) => c.url === '/api/posts/stream/p1')?.token).toBeUndefined()
    streams[0].send('comment', comment(1, 'bob'))
    expect(await screen.findByText('Comment number 1')).toBeTruthy()
    fireEvent.click(screen.getByRole('link', { name: 'Posts' }))
    await waitFor(() => expect(streams[0].state.cancelled).toBe(true))
  })

  it('offers "N new comments" when they arrive below the fold, and scrolls to the first', async () => {
    const post = fakePost({ comments: [comment(1)], commentsCount: 1 })
    const { client, streams } = gateway(post)
    renderApp(client, `/posts/${post.slug}`)
    await screen.findAllByTestId('comment')
    await waitFor(() => expect(streams).toHaveLength(1))
    // the reader is far above the comments
    const box = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({
      top: 5000,
      bottom: 5000,
      left: 0,
      right: 0,
      width: 0,
      height: 0,
      x: 0,
      y: 5000,
      toJSON: () => ({}),
    })
    const scrolled: string[] = []
    HTMLElement.prototype.scrollIntoView = function (this: HTMLElement) {
      scrolled.push(this.id)
    }
    try {
      streams[0].send('comment', comment(2, 'bob'))
      streams[0].send('comment', comment(3, 'carol'))
      fireEvent.click(await screen.findByRole('button', { name: '2 new comments' }))
      expect(scrolled).toEqual(['comment-c2'])
      expect(screen.queryByRole('button', { name: /new comment/ })).toBeNull()
    } finally {
      box.mockRestore()
      delete (HTMLElement.prototype as Partial<HTMLElement>).scrollIntoView
    }
  })

  it('keeps the comment box in place where the browser has no scroll anchoring (Safari)', async () => {
    const post = fakePost({ comments: [comment(1)], commentsCount: 1 })
    const { client, streams } = gateway(post)
    renderApp(client, `/posts/${post.slug}`)
    await screen.findAllByTestId('comment')
    await waitFor(() => expect(streams).toHaveLength(1))
    vi.stubGlobal('CSS', { supports: () => false })
    // the reader is at the comment box, the list's end 100 px above the screen; one more comment moves it 80 px down
    const box = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(() => {
      const top = screen.getAllByTestId('comment').length > 1 ? -20 : -100
      return { top, bottom: top, left: 0, right: 0, width: 0, height: 0, x: 0, y: top, toJSON: () => ({}) }
    })
    const scrollBy = vi.fn()
    const original = window.scrollBy
    window.scrollBy = scrollBy as typeof window.scrollBy
    try {
      streams[0].send('comment', comment(2, 'bob'))
      await waitFor(() => expect(screen.getAllByTestId('comment')).toHaveLength(2))
      await waitFor(() => expect(scrollBy).toHaveBeenCalledWith(0, 80))
      expect(scrollBy).toHaveBeenCalledOnce()
    } finally {
      box.mockRestore()
      window.scrollBy = original
      vi.unstubAllGlobals()
    }
  })

  it('links the @names and $SYMBOLs of a live comment once their references are read', async () => {
    const post = fakePost({ comments: [comment(1)], commentsCount: 1 })
    const { client, calls, streams } = gateway(post, {
      extra: (call) =>
        call.url === '/api/posts/comments/p1/0/50'
          ? {
              status: 200,
              body: { count: 2, rows: [], references: { users: ['carol'], coins: { BTC: 'Qwsogvtv82FCd' } } },
            }
          : undefined,
    })
    renderApp(client, `/posts/${post.slug}`)
    await screen.findAllByTestId('comment')
    await waitFor(() => expect(streams).toHaveLength(1))
    streams[0].send('comment', { ...comment(2, 'bob'), payload: 'Ask @carol about $BTC' })
    const live = () => screen.getAllByTestId('comment')[1]
    await waitFor(() => expect(screen.getAllByTestId('comment')).toHaveLength(2))
    await waitFor(() =>
      expect(within(live()).getByRole('link', { name: '@carol' }).getAttribute('href')).toBe('/user/carol'),
    )
    expect(within(live()).getByRole('link', { name: '$BTC' }).getAttribute('href')).toBe('/market/Qwsogvtv82FCd')
    // a comment naming nothing new asks nothing
    const asked = calls.length
    streams[0].send('comment', { ...comment(3, 'bob'), payload: 'Thanks @carol' })
    await waitFor(() => expect(screen.getAllByTestId('comment')).toHaveLength(3))
    expect(calls.slice(asked).some((c) => c.url.startsWith('/api/posts/comments/'))).toBe(false)
  })

  it('marks the comment a link points at', async () => {
    const post = fakePost({ comments: [comment(1), comment(2)], commentsCount: 2 })
    const { client } = gateway(post)
    renderApp(client, `/posts/${post.slug}#comment-c2`)
    const comments = await screen.findAllByTestId('comment')
    expect(comments[1].id).toBe('comment-c2')
    expect(comments.map((c) => c.classList.contains('is-linked'))).toEqual([false, true])
  })
})
