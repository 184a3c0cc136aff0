// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import {
  anonymous,
  backend,
  fakeCoin,
  fakePost,
  john,
  marketApi,
  memoryStorage,
  postsApi,
  renderApp,
  type Call,
  type Reply,
} from '../test/fakeBackend'

afterEach(() => cleanup())

const missing: Reply = { status: 404, body: { statusCode: 404, message: 'not-found' } }
const boom: Reply = { status: 500, body: { statusCode: 500, message: 'internal', error: 'The server had a problem.' } }

/** A gateway with the fake posts and market APIs; `extra` answers first. */
function gateway(extra: (call: Call) => Reply | undefined = () => undefined) {
  const posts = postsApi([
    fakePost({
      content: ['Buying $BTC, not $NOPE; ask @JohnDoe or @ghost.', '', '`$BTC` in code'],
      comments: [
        {
          id: 'c1',
          username: 'JohnDoe',
          payload: 'Agreed, @jan_kowalski',
          createdAt: '2024-04-21T10:00:00Z',
          rating: 0,
          myRate: null,
        },
      ],
      commentsCount: 1,
    }),
  ])
  const market = marketApi([fakeCoin()])
  const { client, calls } = backend(
    (call) => {
      if (call.url === '/api/auth/refresh') return anonymous
      if (call.url.startsWith('/api/user/get/')) return { status: 200, body: { data: { ...john, email: undefined } } }
      const reply = extra(call) ?? posts.handle(call) ?? market.handle(call) ?? missing
      if (call.url.startsWith('/api/posts/get/') && reply.status === 200) {
        return {
          status: 200,
          body: {
            ...(reply.body as object),
            cashtags: [
              { symbol: 'BTC', coinUuid: 'Qwsogvtv82FCd', priceAtPost: 100, price: 112.3, changePercent: 12.3 },
            ],
            references: { users: ['johndoe', 'jan_kowalski'], coins: { BTC: 'Qwsogvtv82FCd' } },
          },
        }
      }
      return reply
    },
    { storage: memoryStorage() },
  )
  return { client, calls }
}

const summary = (n: number) => ({
  id: `p${n}`,
  title: `Post ${n} on $BTC`,
  preview: 'A preview',
  slug: `post-${n}`,
  searchTags: ['bitcoin'],
  username: 'JohnDoe',
  createdAt: '2024-04-20T10:00:00Z',
  rating: 0,
  commentsCount: 0,
})

/** The coin's posts: `count` of them, newest (highest number) first. */
function coinPosts(count: number) {
  return (call: Call): Reply | undefined => {
    const match = call.url.match(/^\/api\/crypto\/posts\/([^/]+)\/(\d+)\/(\d+)$/)
    if (!match) return undefined
    const [page, size] = [Number(match[2]), Number(match[3])]
    const rows = Array.from({ length: count }, (_, i) => summary(count - i)).slice(page * size, page * size + size)
    return { status: 200, body: { count, rows } }
  }
}

describe('post page references', () => {
  it('shows the cashtag chips and links known mentions and coins in the post and its comments', async () => {
    const { client } = gateway()
    renderApp(client, '/posts/why-bitcoin-halvings-matter')
    const content = await screen.findByTestId('post-content')
    const chip = await screen.findByRole('link', { name: 'BTC: up 12.30% since posted' })
    expect(chip.getAttribute('href')).toBe('/market/Qwsogvtv82FCd')
    expect(within(content).getByRole('link', { name: '$BTC' }).getAttribute('href')).toBe('/market/Qwsogvtv82FCd')
    expect(within(content).getByRole('link', { name: '@JohnDoe' }).getAttribute('href')).toBe('/user/JohnDoe')
    expect(within(content).queryByRole('link', { name: '@ghost' })).toBeNull()
    expect(within(content).queryByRole('link', { name: '$NOPE' })).toBeNull()
    expect(content.querySelector('code')!.textContent).toBe('$BTC')
    const comment = screen.getByTestId('comment')
    expect(within(comment).getByRole('link', { name: '@jan_kowalski' }).getAttribute('href')).toBe('/user/jan_kowalski')
  })

  it('opens the coin page from a cashtag in the text, in the app', async () => {
    const { client } = gateway(coinPosts(0))
    renderApp(client, '/posts/why-bitcoin-halvings-matter')
    const content = await screen.findByTestId('post-content')
    fireEvent.click(within(content).getByRole('link', { name: '$BTC' }))
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/market/Qwsogvtv82FCd'))
  })
})

describe('coin page posts', () => {
  it('lists the newest posts that mention the coin, five a page', async () => {
    const { client, calls } = gateway(coinPosts(7))
    renderApp(client, '/market/Qwsogvtv82FCd')
    const section = await screen.findByTestId('coin-posts')
    await waitFor(() => expect(within(section).getAllByTestId('post-card')).toHaveLength(5))
    expect(within(section).getByRole('heading', { name: /Posts about \$BTC/ }).textContent).toContain('(7)')
    expect(within(section).getAllByTestId('post-card')[0].textContent).toContain('Post 7 on $BTC')
    fireEvent.click(within(section).getByRole('button', { name: 'Page 2' }))
    await waitFor(() => expect(within(section).getAllByTestId('post-card')).toHaveLength(2))
    expect(within(section).getAllByTestId('post-card')[1].textContent).toContain('Post 1 on $BTC')
    expect(calls.filter((c) => c.url.startsWith('/api/crypto/posts/')).map((c) => c.url)).toEqual([
      '/api/crypto/posts/Qwsogvtv82FCd/0/5',
      '/api/crypto/posts/Qwsogvtv82FCd/1/5',
    ])
  })

  it('shows skeletons while loading, then says when no post mentions the coin', async () => {
    const { client } = gateway(coinPosts(0))
    renderApp(client, '/market/Qwsogvtv82FCd')
    const section = await screen.findByTestId('coin-posts')
    expect(within(section).queryAllByTestId('post-skeleton').length).toBeGreaterThan(0)
    expect(await within(section).findByText('No posts mention $BTC yet')).toBeTruthy()
  })

  it('shows a failed list with a way to try again', async () => {
    let failures = 1
    const posts = coinPosts(2)
    const { client } = gateway((call) =>
      call.url.startsWith('/api/crypto/posts/') && failures-- > 0 ? boom : posts(call),
    )
    renderApp(client, '/market/Qwsogvtv82FCd')
    const section = await screen.findByTestId('coin-posts')
    expect(await within(section).findByText('Could not load the posts')).toBeTruthy()
    fireEvent.click(within(section).getByRole('button', { name: /try again/i }))
    await waitFor(() => expect(within(section).getAllByTestId('post-card')).toHaveLength(2))
  })
})
