// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppNotification } from '../api/client'
import {
  anonymous,
  backend,
  eventStream,
  memoryStorage,
  renderApp,
  settingsOf,
  signedIn,
  success,
  type Call,
  type FakeStream,
  type Reply,
} from '../test/fakeBackend'

afterEach(() => cleanup())

const missing: Reply = { status: 404, body: { statusCode: 404, message: 'not-found' } }

function note(patch: Partial<AppNotification> = {}): AppNotification {
  return {
    id: 1,
    type: 'COMMENT',
    actor: 'alice',
    actors: 1,
    postId: '6f1c1d4e-0000-4000-8000-000000000001',
    postTitle: 'Why halvings matter',
    postSlug: 'why-halvings-matter',
    commentId: '6f1c1d4e-0000-4000-8000-0000000000c1',
    read: false,
    createdAt: '2026-11-27T10:00:00Z',
    updatedAt: '2026-11-27T10:00:00Z',
    ...patch,
  }
}

const sample = [
  note({ id: 5, type: 'COMMENT' }),
  note({ id: 4, type: 'RATING', actor: 'bob', actors: 5, commentId: undefined, read: true }),
  note({
    id: 3,
    type: 'FOLLOW',
    actor: 'carol',
    postId: undefined,
    postTitle: undefined,
    postSlug: undefined,
    commentId: undefined,
  }),
  note({ id: 2, type: 'MENTION', actor: 'dave', read: true }),
  note({ id: 1, type: 'REPLY', actor: 'erin', read: true }),
]

/** John signed in (or not), his notifications, and every stream the app opened, newest last. */
function gateway(
  options: { rows?: AppNotification[]; signed?: boolean; extra?: (call: Call) => Reply | undefined } = {},
) {
  const rows = options.rows ?? sample
  const streams: FakeStream[] = []
  const signed = options.signed ?? true
  const { client, calls } = backend(
    (call) => {
      const extra = options.extra?.(call)
      if (extra) return extra
      if (call.url === '/api/auth/refresh') return signed ? signedIn : anonymous
      if (call.url === '/api/user/logout') return success
      if (call.url === '/api/notifications/stream') {
        const stream = eventStream()
        streams.push(stream)
        return stream.reply
      }
      const page = call.url.match(/^\/api\/notifications\/(\d+)\/(\d+)$/)
      if (page) {
        const [from, size] = [Number(page[1]) * Number(page[2]), Number(page[2])]
        const unread = rows.filter((r) => !r.read).length
        return { status: 200, body: { count: rows.length, unread, rows: rows.slice(from, from + size) } }
      }
      if (call.url.startsWith('/api/notifications/read')) return { status: 200, body: { message: 'success' } }
      if (call.url.startsWith('/api/posts/list/')) return { status: 200, body: { count: 0, rows: [] } }
      return missing
    },
    signed ? {} : { storage: memoryStorage() },
  )
  return { client, calls, streams }
}

const bell = () => screen.getByTestId('bell')

describe('the bell', () => {
  it('shows the live unread count from the stream, and closes the stream on sign-out', async () => {
    const { client, calls, streams } = gateway()
    renderApp(client, '/')
    await waitFor(() => expect(streams).toHaveLength(1))
    expect(bell().getAttribute('aria-label')).toBe('Notifications')
    expect(bell().getAttribute('href')).toBe('/notifications')
    expect(calls.find((c) => c.url === '/api/notifications/stream')?.token).toBe('Bearer at-1')

    streams[0].send('unread', { unread: 3 })
    await waitFor(() => expect(bell().getAttribute('aria-label')).toBe('Notifications, 3 unread'))
    expect(within(bell()).getByText('3')).toBeTruthy()
    streams[0].send('unread', { unread: 120 })
    await waitFor(() => expect(within(bell()).getByText('99+')).toBeTruthy())

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }))
    await waitFor(() => expect(screen.queryByTestId('bell')).toBeNull())
    await waitFor(() => expect(streams[0].state.cancelled).toBe(true))
    expect(streams).toHaveLength(1)
  })

  it('is not there, and no stream is opened, for visitors', async () => {
    const { client, calls } = gateway({ signed: false })
    renderApp(client, '/')
    await screen.findByRole('link', { name: 'Sign in' })
    expect(screen.queryByTestId('bell')).toBeNull()
    expect(calls.some((c) => c.url.includes('/stream'))).toBe(false)
  })

  it('reads the count once when the gateway has no stream', async () => {
    const { client } = gateway({
      extra: (call) =>
        call.url === '/api/notifications/stream'
          ? missing
          : call.url === '/api/notifications/unread-count'
            ? { status: 200, body: { unread: 2 } }
            : undefined,
    })
    renderApp(client, '/')
    await waitFor(() => expect(bell().getAttribute('aria-label')).toBe('Notifications, 2 unread'))
  })
})

describe('the notifications page', () => {
  it('says who did what where, links each row, and marks the unread ones', async () => {
    const { client } = gateway()
    renderApp(client, '/notifications')
    const rows = await screen.findAllByTestId('notification')
    expect(rows.map((r) => r.textContent?.replace(/\s+/g, ' '))).toEqual([
      expect.stringContaining('Unread: alice commented on Why halvings matter'),
      expect.stringContaining('bob and 4 others voted on Why halvings matter'),
      expect.stringContaining('Unread: carol followed you'),
      expect.stringContaining('dave mentioned you in a comment on Why halvings matter'),
      expect.stringContaining('erin replied on Why halvings matter, where you commented'),
    ])
    const links = rows.map((r) => within(r).getByRole('link').getAttribute('href'))
    expect(links).toEqual([
      '/posts/why-halvings-matter#comment-6f1c1d4e-0000-4000-8000-0000000000c1',
      '/posts/why-halvings-matter',
      '/user/carol',
      '/posts/why-halvings-matter#comment-6f1c1d4e-0000-4000-8000-0000000000c1',
      '/posts/why-halvings-matter#comment-6f1c1d4e-0000-4000-8000-0000000000c1',
    ])
    expect(rows.map((r) => r.classList.contains('is-unread'))).toEqual([true, false, true, false, false])
  })

  it('marks one read when it is opened, and all with "Mark all read"; the bell follows at once', async () => {
    const { client, calls, streams } = gateway()
    renderApp(client, '/notifications')
    await screen.findAllByTestId('notification')
    await waitFor(() => expect(streams).toHaveLength(1))
    streams[0].send('unread', { unread: 2 })
    await waitFor(() => expect(bell().getAttribute('aria-label')).toBe('Notifications, 2 unread'))

    fireEvent.click(within(screen.getAllByTestId('notification')[2]).getByRole('link'))
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/user/carol'))
    expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.url)).toEqual(['/api/notifications/read/3'])
    expect(bell().getAttribute('aria-label')).toBe('Notifications, 1 unread')

    fireEvent.click(bell())
    const rows = await screen.findAllByTestId('notification')
    fireEvent.click(screen.getByRole('button', { name: 'Mark all read' }))
    await waitFor(() => expect(rows.every((r) => !r.classList.contains('is-unread'))).toBe(true))
    expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.url)).toEqual([
      '/api/notifications/read/3',
      '/api/notifications/read-all',
    ])
    expect(bell().getAttribute('aria-label')).toBe('Notifications')
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Mark all read' }).disabled).toBe(true)
  })

  it('puts new notifications at the top live, and updates a growing vote batch in place', async () => {
    const { client, streams } = gateway()
    renderApp(client, '/notifications')
    await screen.findAllByTestId('notification')
    await waitFor(() => expect(streams).toHaveLength(1))
    streams[0].send('notification', note({ id: 6, type: 'MENTION', actor: 'frank', commentId: undefined }), 6)
    streams[0].send('notification', note({ id: 4, type: 'RATING', actor: 'gina', actors: 6, read: false }), 7)
    await waitFor(() => expect(screen.getAllByTestId('notification')).toHaveLength(6))
    const texts = screen.getAllByTestId('notification').map((r) => r.textContent)
    expect(texts[0]).toContain('frank mentioned you in Why halvings matter')
    await waitFor(() =>
      expect(screen.getAllByTestId('notification')[2].textContent).toContain('gina and 5 others voted on'),
    )
  })

  it('loads more pages, leaving out the rows live ones pushed down', async () => {
    const many = Array.from({ length: 25 }, (_, i) => note({ id: 25 - i, read: true }))
    const { client, calls } = gateway({ rows: many })
    renderApp(client, '/notifications')
    expect((await screen.findAllByTestId('notification')).length).toBe(20)
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }))
    await waitFor(() => expect(screen.getAllByTestId('notification')).toHaveLength(25))
    expect(calls.some((c) => c.url === '/api/notifications/1/20')).toBe(true)
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull()
  })

  it('has loading, empty and error states', async () => {
    let fail = true
    const { client } = gateway({
      rows: [],
      extra: (call) =>
        fail && call.url === '/api/notifications/0/20'
          ? { status: 503, body: { statusCode: 503, message: 'unavailable' } }
          : undefined,
    })
    renderApp(client, '/notifications')
    expect(await screen.findAllByTestId('notification-skeleton')).toHaveLength(4)
    expect(await screen.findByText('Could not load your notifications')).toBeTruthy()
    fail = false
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText('No notifications yet')).toBeTruthy()
  })

  it('asks visitors to sign in', async () => {
    const { client } = gateway({ signed: false })
    renderApp(client, '/notifications')
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/sign-in'))
  })
})

describe('notification settings', () => {
  const all = {
    comments: true,
    replies: true,
    mentions: true,
    follows: true,
    ratings: true,
    emailMentions: true,
    emailReplies: true,
  }

  function settingsGateway(saveReply: Reply = { status: 200, body: { message: 'success' } }) {
    return gateway({
      extra: (call) => {
        if (call.url === '/api/user/get-settings') return settingsOf()
        if (call.url === '/api/notifications/preferences')
          return call.method === 'PUT' ? saveReply : { status: 200, body: all }
        return undefined
      },
    })
  }

  it('shows each type and the two emails, and saves them all with PUT', async () => {
    const { client, calls } = settingsGateway()
    renderApp(client, '/settings?tab=notifications')
    const votes = await screen.findByRole<HTMLInputElement>('switch', { name: 'Votes' })
    expect(screen.getByRole('tab', { name: 'Notifications' }).getAttribute('aria-selected')).toBe('true')
    expect(votes.checked).toBe(true)
    const save = screen.getByRole<HTMLButtonElement>('button', { name: 'Save changes' })
    expect(save.disabled).toBe(true)
    fireEvent.click(votes)
    fireEvent.click(screen.getByRole('switch', { name: 'Email me when I am mentioned' }))
    expect(save.disabled).toBe(false)
    fireEvent.click(save)
    expect(await screen.findByText('Your notification settings are updated.')).toBeTruthy()
    const put = calls.find((c) => c.method === 'PUT')
    expect(put?.url).toBe('/api/notifications/preferences')
    expect(put?.body).toEqual({ ...all, ratings: false, emailMentions: false })
    expect(put?.token).toBe('Bearer at-1')
    expect(save.disabled).toBe(true)
  })

  it('says so when saving fails, keeping the choices', async () => {
    const { client } = settingsGateway({
      status: 400,
      body: { statusCode: 400, message: 'validation-error', error: 'follows: must not be null' },
    })
    renderApp(client, '/settings?tab=notifications')
    fireEvent.click(await screen.findByRole('switch', { name: 'New followers' }))
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    expect(await screen.findByText('Could not save')).toBeTruthy()
    expect(screen.getByRole<HTMLInputElement>('switch', { name: 'New followers' }).checked).toBe(false)
  })
})
