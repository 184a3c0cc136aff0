// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { loadIconUrls } from '../lib/coinIcons'
import {
  anonymous,
  backend,
  fakeCoin,
  john,
  marketApi,
  marketStats,
  memoryStorage,
  renderApp,
  signedIn,
  type Call,
  type FakeCoin,
  type Reply,
} from '../test/fakeBackend'

afterEach(() => cleanup())

const missing: Reply = { status: 404, body: { statusCode: 404, message: 'not-found' } }
const boom: Reply = { status: 500, body: { statusCode: 500, message: 'internal', error: 'The server had a problem.' } }

const coins: FakeCoin[] = [
  fakeCoin(),
  fakeCoin({
    uuid: 'razxDUgYGNAdQ',
    symbol: 'ETH',
    name: 'Ethereum',
    price: 3456.78,
    change: -1.23,
    rank: 2,
    marketCap: '415600000000',
    likes: 9,
  }),
  fakeCoin({
    uuid: 'hnfQfsYfeIGUQ',
    symbol: 'ETC',
    name: 'Ethereum Classic',
    price: 28.45,
    change: null,
    rank: 3,
    marketCap: '4230000000',
    likes: 0,
  }),
  fakeCoin({
    uuid: 'xz24e0BjL',
    symbol: 'SHIB',
    name: 'Shiba Inu',
    price: 0.00001234,
    change: -5.61,
    rank: 4,
    marketCap: '7270000000',
    likes: 1,
  }),
]

/** A gateway with the fake market API; `signed` says whether refresh gives John a session. */
function gateway(
  options: { signed?: boolean; favourites?: string[]; others?: Record<string, string[]>; list?: FakeCoin[] } = {},
) {
  const api = marketApi(options.list ?? coins.map((c) => ({ ...c })), options)
  const { client, calls } = backend(
    (call) => {
      if (call.url === '/api/auth/refresh') return options.signed ? signedIn : anonymous
      if (call.url.startsWith('/api/user/get/')) return { status: 200, body: { data: { ...john, email: undefined } } }
      if (call.url.startsWith('/api/posts/list/')) return { status: 200, body: { count: 0, rows: [] } }
      return api.handle(call) ?? missing
    },
    options.signed ? {} : { storage: memoryStorage() },
  )
  return { client, calls, api }
}

const lists = (calls: Call[]) => calls.filter((c) => c.url.startsWith('/api/crypto/list/'))
const where = () => screen.getByTestId('where').textContent
const row = (name: string) => screen.getAllByTestId('coin-row').find((r) => within(r).queryByRole('link', { name }))!

describe('market page', () => {
  it('is in the main navigation', async () => {
    const { client } = gateway()
    renderApp(client, '/')
    const nav = screen.getByRole('navigation', { name: 'Main' })
    expect(within(nav).getByRole('link', { name: 'Market' }).getAttribute('href')).toBe('/market')
  })

  it('shows the global figures compactly and the coins by rank, from the public list', async () => {
    const { client, calls } = gateway({ signed: true })
    renderApp(client, '/market')
    expect((await screen.findAllByTestId('coin-skeleton')).length).toBeGreaterThan(0)
    await screen.findAllByTestId('coin-row')
    const stats = screen.getByTestId('market-stats')
    await waitFor(() => expect(within(stats).getByText('$1.26T')).toBeTruthy())
    expect(within(stats).getByText('$90.92B')).toBeTruthy()
    expect(within(stats).getByText('24,625')).toBeTruthy()
    expect(within(stats).getByText('40,089')).toBeTruthy()
    expect(within(stats).getByText('179')).toBeTruthy()

    const bitcoin = row('Bitcoin')
    expect(within(bitcoin).getByText('$97,234.56')).toBeTruthy()
    expect(within(bitcoin).getByText('+2.35%').closest('[data-testid=coin-change]')?.className).toContain('is-up')
    expect(within(bitcoin).getByText('$1.93T')).toBeTruthy()
    expect(within(bitcoin).getByRole('link', { name: 'Bitcoin' }).getAttribute('href')).toBe('/market/Qwsogvtv82FCd')
    expect(within(bitcoin).getByTestId('sparkline').querySelector('path')?.getAttribute('d')).toMatch(/^M0,/)
    expect(within(row('Ethereum')).getByText('-1.23%').closest('[data-testid=coin-change]')?.className).toContain(
      'is-down',
    )
    expect(within(row('Shiba Inu')).getByText('$0.00001234')).toBeTruthy()
    expect(within(row('Ethereum Classic')).getByTestId('coin-change').textContent).toBe('—')

    // The market list never carries the token.
    expect(lists(calls)[0].url).toBe('/api/crypto/list/0/25/ASC/rank')
    expect(lists(calls).every((c) => c.token === undefined)).toBe(true)
  })

  it('says when the market is the bundled sample, and not otherwise', async () => {
    const sample = gateway()
    renderApp(sample.client, '/market')
    const badge = await screen.findByTestId('sample-badge')
    expect(within(badge).getByText('Sample data')).toBeTruthy()
    expect(badge.textContent).toContain('No Coinranking API key is set')
    cleanup()

    const live = gateway()
    live.api.state.stats = { ...marketStats, sample: false }
    renderApp(live.client, '/market')
    await screen.findAllByTestId('coin-row')
    await waitFor(() => expect(screen.getByText('$1.26T')).toBeTruthy())
    expect(screen.queryByTestId('sample-badge')).toBeNull()
  })

  it('debounces the search into the URL and asks the server once', async () => {
    const { client, calls } = gateway()
    renderApp(client, '/market')
    await screen.findAllByTestId('coin-row')
    const box = screen.getByLabelText('Search coins')
    fireEvent.change(box, { target: { value: 'e' } })
    fireEvent.change(box, { target: { value: 'et' } })
    fireEvent.change(box, { target: { value: 'eth' } })
    await waitFor(() => expect(where()).toBe('/market?q=eth'))
    await waitFor(() => expect(screen.getAllByTestId('coin-row')).toHaveLength(2))
    const searched = lists(calls).filter((c) => c.url.includes('searchQuery'))
    expect(searched.map((c) => new URL(c.url, 'http://x').searchParams.get('searchQuery'))).toEqual(['eth'])
    expect(screen.getByText('2 coins')).toBeTruthy()
  })

  it('says when no coin matches, and clears the search', async () => {
    const { client } = gateway()
    renderApp(client, '/market?q=xyz')
    expect(await screen.findByText('No coins match “xyz”')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Clear the search' }))
    await waitFor(() => expect(where()).toBe('/market'))
    expect(await screen.findAllByTestId('coin-row')).toHaveLength(4)
  })

  it('sorts by a column header (again flips it) and by the select, in the URL', async () => {
    const { client, calls } = gateway()
    renderApp(client, '/market')
    await screen.findAllByTestId('coin-row')
    fireEvent.click(screen.getByRole('button', { name: /Market cap/ }))
    await waitFor(() => expect(where()).toBe('/market?sort=marketCap'))
    await waitFor(() => expect(lists(calls).at(-1)!.url).toBe('/api/crypto/list/0/25/DESC/marketCap'))
    expect(screen.getByRole('columnheader', { name: /Market cap/ }).getAttribute('aria-sort')).toBe('descending')
    fireEvent.click(screen.getByRole('button', { name: /Market cap/ }))
    await waitFor(() => expect(where()).toBe('/market?sort=marketCap&order=asc'))
    await waitFor(() => expect(lists(calls).at(-1)!.url).toBe('/api/crypto/list/0/25/ASC/marketCap'))
    await waitFor(() => expect(screen.getAllByTestId('coin-row')[0].textContent).toContain('Ethereum Classic'))

    fireEvent.change(screen.getByLabelText('Sort'), { target: { value: 'likes:DESC' } })
    await waitFor(() => expect(where()).toBe('/market?sort=likes'))
    await waitFor(() => expect(lists(calls).at(-1)!.url).toBe('/api/crypto/list/0/25/DESC/likes'))
  })

  it('pages through the market', async () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      fakeCoin({ uuid: `c${i}`, symbol: `C${i}`, name: `Coin ${i}`, rank: i + 1 }),
    )
    const { client, calls } = gateway({ list: many })
    renderApp(client, '/market')
    expect(await screen.findAllByTestId('coin-row')).toHaveLength(25)
    fireEvent.click(screen.getByRole('button', { name: 'Page 2' }))
    await waitFor(() => expect(where()).toBe('/market?page=2'))
    await waitFor(() => expect(screen.getAllByTestId('coin-row')).toHaveLength(5))
    expect(lists(calls).at(-1)!.url).toBe('/api/crypto/list/1/25/ASC/rank')
  })

  it('says the market is loading when the first sync has not finished (503)', async () => {
    const { client, api } = gateway({ list: [] })
    api.state.fail.set('/api/crypto/market-stats', {
      status: 503,
      body: { statusCode: 503, message: 'market-not-synced', error: 'Market not synced yet' },
    })
    renderApp(client, '/market')
    expect(await screen.findByText('The market is loading — try again in a minute')).toBeTruthy()
    expect(screen.queryByTestId('market-stats')).toBeNull()

    api.state.fail.clear()
    api.state.coins.push(fakeCoin())
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findAllByTestId('coin-row')).toHaveLength(1)
    await waitFor(() => expect(screen.getByText('$1.26T')).toBeTruthy())
  })

  it('shows a failed list with a way to try again', async () => {
    const { client, api } = gateway()
    api.state.fail.set('/api/crypto/list/', boom)
    renderApp(client, '/market')
    const alert = await screen.findByText('Could not load the market')
    expect(alert.closest('[role=alert]')?.textContent).toContain('The server had a problem.')
    api.state.fail.clear()
    fireEvent.click(within(alert.closest('[role=alert]') as HTMLElement).getByRole('button', { name: 'Try again' }))
    expect(await screen.findAllByTestId('coin-row')).toHaveLength(4)
  })

  it('sends signed-out visitors who click a star to sign in', async () => {
    const { client, calls } = gateway()
    renderApp(client, '/market?q=eth')
    await screen.findAllByTestId('coin-row')
    fireEvent.click(screen.getByRole('button', { name: 'Favourite Ethereum' }))
    await waitFor(() => expect(where()).toBe('/sign-in'))
    expect(calls.some((c) => c.url.startsWith('/api/crypto/favorite'))).toBe(false)
  })

  it('shows the signed-in member’s stars and toggles one at once', async () => {
    const { client, calls, api } = gateway({ signed: true, favourites: ['Qwsogvtv82FCd'] })
    renderApp(client, '/market')
    const btc = await screen.findByRole('button', { name: 'Favourite Bitcoin' })
    await waitFor(() => expect(btc.getAttribute('aria-pressed')).toBe('true'))
    const mine = calls.filter((c) => c.url.startsWith('/api/crypto/list-favorites/'))
    expect(mine[0].url).toBe('/api/crypto/list-favorites/0/100/ASC/rank')
    expect(mine[0].token).toBe('Bearer at-1')

    const eth = screen.getByRole('button', { name: 'Favourite Ethereum' })
    expect(eth.getAttribute('aria-pressed')).toBe('false')
    fireEvent.click(eth)
    expect(eth.getAttribute('aria-pressed')).toBe('true')
    await waitFor(() => expect(api.state.favourites.has('razxDUgYGNAdQ')).toBe(true))
    const patch = calls.find((c) => c.method === 'PATCH')!
    expect(patch.url).toBe('/api/crypto/favorites/razxDUgYGNAdQ')
    expect(patch.token).toBe('Bearer at-1')

    fireEvent.click(btc)
    await waitFor(() => expect(api.state.favourites.has('Qwsogvtv82FCd')).toBe(false))
    expect(calls.find((c) => c.method === 'DELETE')!.url).toBe('/api/crypto/favorite/Qwsogvtv82FCd')
    expect(btc.getAttribute('aria-pressed')).toBe('false')
  })

  it('rolls a star back and says so when the server refuses', async () => {
    const { client, api } = gateway({ signed: true })
    api.state.fail.set('PATCH /api/crypto/favorites/', boom)
    renderApp(client, '/market')
    const eth = await screen.findByRole('button', { name: 'Favourite Ethereum' })
    await waitFor(() => expect(screen.queryByText('Checking your session…')).toBeNull())
    fireEvent.click(eth)
    expect(eth.getAttribute('aria-pressed')).toBe('true')
    expect(await screen.findByText('Your favourites did not change')).toBeTruthy()
    expect(eth.getAttribute('aria-pressed')).toBe('false')
    expect(api.state.favourites.size).toBe(0)
  })
})

describe('coin page', () => {
  it('shows the coin, its figures, the Coinranking link and the sanitised description', async () => {
    const list = coins.map((c) => ({ ...c }))
    list[0].description =
      '<p>Digital <strong>gold</strong>. <a href="https://bitcoin.org">Site</a><script>alert(1)</script><img src=x onerror="alert(2)"></p>'
    const { client, calls } = gateway({ list })
    renderApp(client, '/market/Qwsogvtv82FCd')
    expect(await screen.findByRole('heading', { name: /Bitcoin/, level: 1 })).toBeTruthy()
    expect(screen.getByTestId('coin-price').textContent).toBe('$97,234.56')
    expect(screen.getAllByText('#1').length).toBeGreaterThan(0)
    expect(screen.getByText('$1.93T')).toBeTruthy()
    expect(screen.getByText('$41.2B')).toBeTruthy()
    expect(screen.getByText('1 BTC')).toBeTruthy()
    expect(screen.getByTestId('coin-likes').textContent).toBe('3')
    const link = screen.getByRole('link', { name: /Bitcoin on Coinranking/ })
    expect(link.getAttribute('href')).toBe('https://coinranking.com/coin/Qwsogvtv82FCd+bitcoin')
    expect(link.getAttribute('rel')).toContain('noopener')

    const description = screen.getByTestId('coin-description')
    expect(within(description).getByText('gold').tagName).toBe('STRONG')
    expect(within(description).getByRole('link', { name: 'Site' }).getAttribute('rel')).toBe(
      'nofollow noopener noreferrer',
    )
    expect(description.querySelector('script, img')).toBeNull()
    expect(calls.find((c) => c.url.startsWith('/api/crypto/get/'))!.token).toBeUndefined()
  })

  it('charts the history and switches ranges', async () => {
    const { client, calls } = gateway()
    renderApp(client, '/market/razxDUgYGNAdQ')
    const chart = await screen.findByTestId('price-chart')
    expect(chart.getAttribute('data-range')).toBe('24h')
    expect(chart.getAttribute('data-points')).toBe('25')
    expect(chart.querySelector('.chart-line')?.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+( L[\d.]+,[\d.]+){24}$/)
    expect(within(chart).getByRole('img').getAttribute('aria-label')).toMatch(
      /^Ethereum price over the last 24 hours: from \$/,
    )
    expect(screen.getByRole('button', { name: '24h' }).getAttribute('aria-pressed')).toBe('true')

    fireEvent.click(screen.getByRole('button', { name: '7d' }))
    // While the week loads, the day's points are not shown as the week.
    expect(screen.getByTestId('chart-loading')).toBeTruthy()
    await waitFor(() => expect(screen.getByTestId('price-chart').getAttribute('data-range')).toBe('7d'))
    expect(screen.getByTestId('price-chart').getAttribute('data-points')).toBe('169')
    expect(screen.getByRole('button', { name: '7d' }).getAttribute('aria-pressed')).toBe('true')
    fireEvent.click(screen.getByRole('button', { name: '30d' }))
    await waitFor(() => expect(screen.getByTestId('price-chart').getAttribute('data-range')).toBe('30d'))
    const ranges = calls.filter((c) => c.url.startsWith('/api/crypto/history/')).map((c) => c.url)
    expect(ranges).toEqual([
      '/api/crypto/history/razxDUgYGNAdQ?range=24h',
      '/api/crypto/history/razxDUgYGNAdQ?range=7d',
      '/api/crypto/history/razxDUgYGNAdQ?range=30d',
    ])
  })

  it('moves the chart readout with the arrow keys', async () => {
    const { client } = gateway()
    renderApp(client, '/market/Qwsogvtv82FCd')
    const chart = await screen.findByTestId('price-chart')
    const svg = within(chart).getByRole('img')
    const readout = () => screen.getByTestId('chart-readout').textContent
    const last = readout()
    fireEvent.keyDown(svg, { key: 'Home' })
    expect(readout()).not.toBe(last)
    expect(chart.querySelector('.chart-cursor')).not.toBeNull()
    fireEvent.keyDown(svg, { key: 'End' })
    expect(readout()).toBe(last)
  })

  it('favourites the coin with the token and shows the new likes at once', async () => {
    const { client, calls, api } = gateway({ signed: true })
    renderApp(client, '/market/Qwsogvtv82FCd')
    const star = await screen.findByRole('button', { name: 'Favourite Bitcoin' })
    expect(calls.find((c) => c.url.startsWith('/api/crypto/get/'))!.token).toBe('Bearer at-1')
    expect(star.getAttribute('aria-pressed')).toBe('false')
    fireEvent.click(star)
    expect(star.getAttribute('aria-pressed')).toBe('true')
    expect(screen.getByTestId('coin-likes').textContent).toBe('4')
    await waitFor(() => expect(api.state.favourites.has('Qwsogvtv82FCd')).toBe(true))
  })

  it('rolls the favourite back when the server refuses', async () => {
    const { client, api } = gateway({ signed: true, favourites: ['Qwsogvtv82FCd'] })
    api.state.fail.set('DELETE /api/crypto/favorite/', boom)
    renderApp(client, '/market/Qwsogvtv82FCd')
    const star = await screen.findByRole('button', { name: 'Favourite Bitcoin' })
    expect(star.getAttribute('aria-pressed')).toBe('true')
    fireEvent.click(star)
    expect(star.getAttribute('aria-pressed')).toBe('false')
    expect(screen.getByTestId('coin-likes').textContent).toBe('2')
    expect(await screen.findByText('Your favourites did not change')).toBeTruthy()
    expect(star.getAttribute('aria-pressed')).toBe('true')
    expect(screen.getByTestId('coin-likes').textContent).toBe('3')
  })

  it('shows a friendly not-found for no-crypto', async () => {
    const { client } = gateway()
    renderApp(client, '/market/nope')
    expect(await screen.findByTestId('coin-not-found')).toBeTruthy()
    expect(screen.getByRole('heading', { name: 'This coin is not here' })).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Browse the market' }).getAttribute('href')).toBe('/market')
  })
})

describe('coin icons', () => {
  // The list of bundled icons is a chunk of its own; load it before counting on it.
  beforeAll(() => loadIconUrls(), 30_000)

  it('uses the bundled icon, then the server’s iconUrl, then the first letter', async () => {
    const list = [
      fakeCoin(),
      fakeCoin({ uuid: 'zzz', symbol: 'ZZQ', name: 'Zeta', rank: 2, iconUrl: 'https://cdn.example/zzq.svg' }),
      fakeCoin({ uuid: 'yyy', symbol: 'YYQ', name: 'Ypsilon', rank: 3, iconUrl: 'javascript:alert(1)' }),
    ]
    const { client } = gateway({ list })
    renderApp(client, '/market')
    await screen.findAllByTestId('coin-row')
    await waitFor(() => expect(within(row('Bitcoin')).getByTestId('coin-icon').getAttribute('src')).toMatch(/btc\.svg/))
    const zeta = within(row('Zeta')).getByTestId('coin-icon')
    expect(zeta.getAttribute('src')).toBe('https://cdn.example/zzq.svg')
    fireEvent.error(zeta)
    expect(within(row('Zeta')).getByTestId('coin-letter').textContent).toBe('Z')
    // Only http(s) addresses are used as images.
    expect(within(row('Ypsilon')).getByTestId('coin-letter').textContent).toBe('Y')

    // A bundled icon that fails falls back to the server's address.
    fireEvent.error(within(row('Bitcoin')).getByTestId('coin-icon'))
    expect(within(row('Bitcoin')).getByTestId('coin-icon').getAttribute('src')).toBe(
      'https://cdn.coinranking.com/Qwsogvtv82FCd.svg',
    )
  })
})

describe('favourite coins on the account and profile pages', () => {
  it('lists my favourites with the token and no username', async () => {
    const { client, calls } = gateway({ signed: true, favourites: ['razxDUgYGNAdQ', 'xz24e0BjL'] })
    renderApp(client, '/account')
    const section = await screen.findByTestId('my-favourite-coins')
    expect(within(section).getByRole('heading', { name: /My favourite coins/ })).toBeTruthy()
    await waitFor(() => expect(within(section).getAllByTestId('coin-mini')).toHaveLength(2))
    expect(within(section).getByRole('link', { name: 'Ethereum' }).getAttribute('href')).toBe('/market/razxDUgYGNAdQ')
    expect(within(section).getByText('$0.00001234')).toBeTruthy()
    const call = calls.find((c) => c.url.startsWith('/api/crypto/list-favorites/'))!
    expect(call.url).toBe('/api/crypto/list-favorites/0/10/ASC/rank')
    expect(call.token).toBe('Bearer at-1')
  })

  it('says when I have no favourites yet', async () => {
    const { client } = gateway({ signed: true })
    renderApp(client, '/account')
    const section = await screen.findByTestId('my-favourite-coins')
    expect(await within(section).findByText('No favourite coins yet')).toBeTruthy()
    expect(within(section).getByRole('link', { name: 'market' }).getAttribute('href')).toBe('/market')
  })

  it('lists a member’s favourites on the public profile by username, without the token', async () => {
    const { client, calls } = gateway({
      signed: true,
      favourites: ['Qwsogvtv82FCd'],
      others: { JohnDoe: ['hnfQfsYfeIGUQ'] },
    })
    renderApp(client, '/user/JohnDoe')
    const section = await screen.findByTestId('favourite-coins')
    await waitFor(() => expect(within(section).getAllByTestId('coin-mini')).toHaveLength(1))
    expect(within(section).getByRole('link', { name: 'Ethereum Classic' })).toBeTruthy()
    const call = calls.find((c) => c.url.startsWith('/api/crypto/list-favorites/'))!
    expect(call.url).toBe('/api/crypto/list-favorites/0/10/ASC/rank?username=JohnDoe')
    expect(call.token).toBeUndefined()
  })

  it('says when a member has no favourites', async () => {
    const { client } = gateway()
    renderApp(client, '/user/JohnDoe')
    const section = await screen.findByTestId('favourite-coins')
    expect(await within(section).findByText('JohnDoe has no favourite coins yet')).toBeTruthy()
  })
})
