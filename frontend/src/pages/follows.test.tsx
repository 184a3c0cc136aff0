// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import {
  anonymous,
  backend,
  fakePost,
  john,
  memoryStorage,
  postsApi,
  renderApp,
  signedIn,
  type Call,
  type Reply,
} from '../test/fakeBackend'

afterEach(() => cleanup())

const missing: Reply = { status: 404, body: { statusCode: 404, message: 'not-found' } }
const ok: Reply = { status: 200, body: { message: 'success' } }
const bob = {
  id: 2,
  username: 'Bob',
  firstName: 'Bob',
  lastName: 'Smith',
  createdAt: '2024-01-01T00:00:00Z',
  isProfilePicPresent: false,
}

/** A gateway with profiles, follows, tags and the feed; `extra` answers first. */
function gateway(
  options: { signed?: boolean; extra?: (call: Call) => Reply | undefined; profile?: Record<string, unknown> } = {},
) {
  const api = postsApi([
    fakePost({ username: 'Bob' }),
    fakePost({ id: 'p2', title: 'Ether gas', username: 'Carol', searchTags: ['eth'] }),
  ])
  const { client, calls } = backend(
    (call) => {
      const path = new URL(call.url, 'http://x').pathname
      if (path === '/api/auth/refresh') return options.signed ? signedIn : anonymous
      const extra = options.extra?.(call)
      if (extra) return extra
      if (path === '/api/user/get/Bob') {
        return {
          status: 200,
          body: {
            data: { ...bob, followers: 3, following: 1, followsYou: true, followedByYou: false, ...options.profile },
          },
        }
      }
      if (path === '/api/user/get/JohnDoe') {
        return {
          status: 200,
          body: { data: { ...john, followers: 0, following: 2, followsYou: false, followedByYou: false } },
        }
      }
      if (path.startsWith('/api/user/follow/')) return ok
      if (path.startsWith('/api/user/followers/') || path.startsWith('/api/user/following/')) {
        return { status: 200, body: { count: 0, rows: [] } }
      }
      return api.handle(call) ?? missing
    },
    options.signed ? {} : { storage: memoryStorage() },
  )
  return { client, calls }
}

const where = () => screen.getByTestId('where').textContent
const feedCalls = (calls: Call[]) => calls.filter((c) => c.url.startsWith('/api/posts/feed'))

describe('profile follows', () => {
  it('shows the counts and "follows you", and follows and unfollows with the token, counting at once', async () => {
    const { client, calls } = gateway({ signed: true })
    renderApp(client, '/user/Bob')
    const counts = await screen.findByTestId('follow-counts')
    expect(counts.textContent).toContain('3 followers')
    expect(counts.textContent).toContain('1 following')
    expect(screen.getByTestId('follows-you').textContent).toBe('Follows you')
    const button = screen.getByRole('button', { name: 'Follow Bob' })
    expect(button.getAttribute('aria-pressed')).toBe('false')

    fireEvent.click(button)
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('true'))
    expect(button.textContent).toBe('Following')
    expect(screen.getByTestId('follow-counts').textContent).toContain('4 followers')
    const patch = calls.find((c) => c.url === '/api/user/follow/Bob' && c.method === 'PATCH')
    expect(patch?.token).toBe('Bearer at-1')

    fireEvent.click(button)
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('false'))
    expect(calls.some((c) => c.url === '/api/user/follow/Bob' && c.method === 'DELETE')).toBe(true)
    expect(screen.getByTestId('follow-counts').textContent).toContain('3 followers')
  })

  it('goes back and says why when following fails', async () => {
    const { client } = gateway({
      signed: true,
      extra: (call) =>
        call.url.startsWith('/api/user/follow/')
          ? {
              status: 400,
              body: { statusCode: 400, message: 'cannot-follow-yourself', error: 'You cannot follow yourself' },
            }
          : undefined,
    })
    renderApp(client, '/user/Bob')
    const button = await screen.findByRole('button', { name: 'Follow Bob' })
    fireEvent.click(button)
    // the page has other alerts (the fake gateway serves no favourite coins): find the follow's own
    expect(await screen.findByText(/You cannot follow yourself/)).toBeTruthy()
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('false'))
    expect(screen.getByTestId('follow-counts').textContent).toContain('3 followers')
  })

  it('offers no follow button on your own profile', async () => {
    const { client } = gateway({ signed: true })
    renderApp(client, '/user/JohnDoe')
    await screen.findByTestId('follow-counts')
    expect(screen.queryByTestId('follow-button')).toBeNull()
    expect(screen.getByRole('link', { name: 'Edit your profile' })).toBeTruthy()
    expect(screen.queryByTestId('follows-you')).toBeNull()
  })

  it('sends a signed-out visitor to sign in', async () => {
    const { client, calls } = gateway()
    renderApp(client, '/user/Bob')
    fireEvent.click(await screen.findByRole('button', { name: 'Follow Bob' }))
    await waitFor(() => expect(where()).toBe('/sign-in'))
    expect(calls.some((c) => c.url.startsWith('/api/user/follow/'))).toBe(false)
  })

  it('lists followers and following with load more', async () => {
    const people = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        username: `fan${from + i}`,
        isProfilePicPresent: false,
        followedAt: '2024-05-01T00:00:00Z',
      }))
    const { client, calls } = gateway({
      extra: (call) => {
        if (call.url === '/api/user/followers/Bob/0/20')
          return { status: 200, body: { count: 25, rows: people(0, 20) } }
        if (call.url === '/api/user/followers/Bob/1/20')
          return { status: 200, body: { count: 25, rows: people(20, 5) } }
        if (call.url === '/api/user/following/Bob/0/20')
          return {
            status: 200,
            body: {
              count: 1,
              rows: [{ username: 'Carol', isProfilePicPresent: false, followedAt: '2024-05-01T00:00:00Z' }],
            },
          }
        return undefined
      },
    })
    renderApp(client, '/user/Bob')
    const list = await screen.findByTestId('followers-list')
    expect(within(list).getAllByRole('link')).toHaveLength(20)
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }))
    await waitFor(() => expect(within(screen.getByTestId('followers-list')).getAllByRole('link')).toHaveLength(25))
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull()

    fireEvent.click(screen.getByRole('tab', { name: '1 following' }))
    const following = await screen.findByTestId('following-list')
    expect(within(following).getByRole('link', { name: 'Carol' }).getAttribute('href')).toBe('/user/Carol')
    expect(calls.some((c) => c.url === '/api/user/following/Bob/0/20')).toBe(true)
  })
})

describe('tag follows', () => {
  it('shows the tag page follower count and follows the tag', async () => {
    const { client, calls } = gateway({
      signed: true,
      extra: (call) => {
        if (call.url === '/api/posts/tags/bitcoin')
          return { status: 200, body: { tag: 'bitcoin', posts: 1, followers: 1, followedByYou: false } }
        if (call.url === '/api/posts/tags/bitcoin/follow') return ok
        return undefined
      },
    })
    renderApp(client, '/tags/bitcoin')
    expect((await screen.findByTestId('tag-followers')).textContent).toBe('1 follower')
    fireEvent.click(screen.getByRole('button', { name: 'Follow #bitcoin' }))
    await waitFor(() => expect(screen.getByTestId('tag-followers').textContent).toBe('2 followers'))
    const patch = calls.find((c) => c.url === '/api/posts/tags/bitcoin/follow')
    expect(patch?.method).toBe('PATCH')
    expect(patch?.token).toBe('Bearer at-1')
  })
})

describe('home following tab', () => {
  const summary = (i: number) => ({ ...fakePost({ id: `f${i}`, title: `Followed post ${i}`, username: 'Bob' }) })

  it('is there only when signed in', async () => {
    const { client } = gateway()
    renderApp(client, '/')
    await screen.findAllByTestId('post-card')
    expect(screen.queryByRole('tab', { name: 'Following' })).toBeNull()
  })

  it('loads the feed and more of it with the cursor', async () => {
    const { client, calls } = gateway({
      signed: true,
      extra: (call) => {
        if (call.url === '/api/posts/feed?pageSize=10') {
          return {
            status: 200,
            body: { rows: Array.from({ length: 10 }, (_, i) => summary(i)), nextCursor: 'c-10', followsAnything: true },
          }
        }
        if (call.url === '/api/posts/feed?pageSize=10&cursor=c-10') {
          return { status: 200, body: { rows: [summary(10), summary(11)], nextCursor: null, followsAnything: true } }
        }
        return undefined
      },
    })
    renderApp(client, '/')
    fireEvent.click(await screen.findByRole('tab', { name: 'Following' }))
    await waitFor(() => expect(where()).toBe('/?tab=following'))
    const feed = await screen.findByTestId('following-feed')
    await waitFor(() => expect(within(feed).getAllByTestId('post-card')).toHaveLength(10))
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }))
    await waitFor(() => expect(within(feed).getAllByTestId('post-card')).toHaveLength(12))
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull()
    expect(feedCalls(calls).every((c) => c.token === 'Bearer at-1')).toBe(true)
  })

  it('suggests people and tags when you follow nothing, then shows the feed', async () => {
    let follows = false
    const { client, calls } = gateway({
      signed: true,
      extra: (call) => {
        if (call.url.startsWith('/api/posts/feed')) {
          return follows
            ? { status: 200, body: { rows: [summary(1)], nextCursor: null, followsAnything: true } }
            : { status: 200, body: { rows: [], nextCursor: null, followsAnything: false } }
        }
        if (call.url === '/api/user/follow/Carol') {
          follows = true
          return ok
        }
        return undefined
      },
    })
    renderApp(client, '/?tab=following')
    const suggestions = await screen.findByTestId('follow-suggestions')
    await within(suggestions).findByRole('button', { name: 'Follow Carol' })
    expect(within(suggestions).getByRole('button', { name: 'Follow #bitcoin' })).toBeTruthy()
    expect(within(suggestions).queryByRole('button', { name: 'Follow JohnDoe' })).toBeNull()
    fireEvent.click(within(suggestions).getByRole('button', { name: 'Follow Carol' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Show my feed' }))
    await waitFor(() => expect(screen.getAllByTestId('post-card')).toHaveLength(1))
    expect(calls.filter((c) => c.url === '/api/user/follow/Carol' && c.method === 'PATCH')).toHaveLength(1)
  })

  it('says so when the feed fails, and tries again', async () => {
    let fail = true
    const { client } = gateway({
      signed: true,
      extra: (call) => {
        if (!call.url.startsWith('/api/posts/feed')) return undefined
        if (fail) {
          fail = false
          return { status: 500, body: { statusCode: 500, message: 'Internal server error' } }
        }
        return { status: 200, body: { rows: [summary(1)], nextCursor: null, followsAnything: true } }
      },
    })
    renderApp(client, '/?tab=following')
    expect(await screen.findByText('Could not load your feed')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(screen.getAllByTestId('post-card')).toHaveLength(1))
  })
})
