import { expect, test, type Page, type Route } from '@playwright/test'

/*
 * Screenshots of the posts pages at desktop and 375 px phone width, against a
 * mocked API (page.route). For looking at; the journeys are in posts.spec.ts.
 */

const OUT = 'test-results/visual'
const DESKTOP = { width: 1280, height: 900 }
const PHONE = { width: 375, height: 812 }

const user = {
  id: '7d0c9e1a-2b3f-4c5d-8e6f-a7b8c9d0e1f2',
  email: 'alexandra@example.com',
  username: 'alexandra_k',
  firstName: 'Alexandra',
  lastName: 'Konstantinopoulou',
  title: 'DeFi researcher',
  bio: 'Writing about rollups, MEV and why fees matter.',
  createdAt: '2023-03-14T09:00:00Z',
  isProfilePicPresent: false,
}

const TITLES = [
  ['Why Bitcoin halvings matter more than you think for long-term holders', ['bitcoin', 'mining', 'economics']],
  ['Ethereum gas, explained with pizza', ['ethereum', 'gas']],
  ['Rollups vs. sidechains: a field guide', ['layer-2', 'ethereum', 'rollups', 'scaling', 'research-notes']],
  ['My first hardware wallet: what I got wrong', ['security', 'wallets']],
  ['Stablecoins are not all the same', ['stablecoins']],
] as const

const rows = TITLES.map(([title, tags], i) => ({
  id: `p${i}`,
  title,
  preview:
    i === 0
      ? 'Every 210,000 blocks the block reward halves. Here is what that does to miners, to supply and — maybe — to the price, with charts from the last three halvings and a few honest caveats about what we cannot know.'
      : 'A short, friendly walk through the idea with examples and the trade-offs that matter in practice.',
  slug: title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, ''),
  searchTags: tags,
  username: i % 2 ? 'satoshi_fan' : 'alexandra_k',
  createdAt: new Date(Date.now() - i * 86_400_000 * 3).toISOString(),
  rating: [12, 3, 0, -2, 41][i],
  commentsCount: [8, 0, 2, 1, 23][i],
}))

const post = {
  ...rows[0],
  userId: 'u7',
  updatedAt: rows[0].createdAt,
  myRate: '+',
  content: [
    '## What a halving is',
    '',
    'Every **210,000 blocks** (about four years) the reward a miner gets for a block is cut in half.',
    '',
    '- 2012: 50 → 25 BTC',
    '- 2016: 25 → 12.5 BTC',
    '- 2020: 12.5 → 6.25 BTC',
    '',
    '> Supply is predictable; price is not.',
    '',
    'Read the [whitepaper](https://bitcoin.org/bitcoin.pdf) or try `bitcoin-cli getblockchaininfo`.',
    '',
    '| Year | Reward |',
    '|---|---|',
    '| 2024 | 3.125 |',
    '',
    '<script>alert("xss")</script><img src=x onerror="alert(1)"> [click](javascript:alert(1))',
  ],
  postInfo: {
    rates: [],
    comments: [
      {
        id: 'c1',
        username: 'satoshi_fan',
        payload: 'Great write-up! The table helps a lot.',
        createdAt: new Date(Date.now() - 3_600_000).toISOString(),
        rating: 3,
        myRate: '+',
      },
      {
        id: 'c2',
        username: 'alexandra_k',
        payload: 'Thanks! **Supply** is the part people forget.',
        createdAt: new Date(Date.now() - 600_000).toISOString(),
        rating: 0,
        myRate: null,
      },
      {
        id: 'c3',
        username: 'mallory',
        payload: '<img src=x onerror="alert(2)"> nice [link](javascript:alert(3))',
        createdAt: new Date().toISOString(),
        rating: -1,
        myRate: null,
      },
    ],
  },
}

const tags = [
  { tag: 'bitcoin', posts: 12 },
  { tag: 'ethereum', posts: 9 },
  { tag: 'layer-2', posts: 4 },
  { tag: 'security', posts: 3 },
  { tag: 'stablecoins', posts: 2 },
  { tag: 'research-notes', posts: 1 },
]

async function mockApi(page: Page, options: { signedIn: boolean; empty?: boolean }) {
  if (options.signedIn) await page.addInitScript(() => localStorage.setItem('cryptotalks-had-session', '1'))
  page.on('dialog', (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`)
  })
  await page.route(
    (url) => url.pathname.startsWith('/api/'),
    async (route: Route) => {
      const url = new URL(route.request().url())
      const path = url.pathname
      const json = (status: number, body: unknown) =>
        route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) })
      if (path === '/api/auth/refresh')
        return options.signedIn
          ? json(200, { _at: 'at', user })
          : json(401, { statusCode: 401, message: 'session-has-expired' })
      if (path.startsWith('/api/posts/list/')) {
        if (options.empty || url.searchParams.get('searchQuery') === 'dogecoin')
          return json(200, { count: 0, rows: [] })
        return json(200, { count: 47, rows })
      }
      if (path === '/api/posts/tags') return json(200, tags)
      if (path.startsWith('/api/posts/get/')) {
        // Without a token the API says nothing about the caller's votes.
        const anonymous = !route.request().headers()['x-access-token']
        if (!anonymous) return json(200, post)
        const comments = post.postInfo.comments.map((c) => ({ ...c, myRate: null }))
        return json(200, { ...post, myRate: null, postInfo: { ...post.postInfo, comments } })
      }
      if (path.startsWith('/api/user/get/')) return json(200, { data: user })
      return json(200, { message: 'success' })
    },
  )
}

async function shoot(page: Page, name: string) {
  for (const [label, size] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(size)
    // A full-page shot of a scrolled page paints the sticky header mid-page.
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.waitForTimeout(200)
    await page.screenshot({ path: `${OUT}/posts-${name}-${label}.png`, fullPage: true })
  }
  await page.setViewportSize(DESKTOP)
}

test('posts pages, signed in', async ({ page }) => {
  await mockApi(page, { signedIn: true })
  await page.setViewportSize(DESKTOP)
  await page.goto('/')
  await expect(page.getByTestId('post-card').first()).toBeVisible()
  await shoot(page, '01-home')

  await page.goto('/posts?tags=ethereum&page=2')
  await expect(page.getByTestId('post-card').first()).toBeVisible()
  await shoot(page, '02-list')

  await page.goto('/posts?q=dogecoin')
  await expect(page.getByText('No posts match “dogecoin”')).toBeVisible()
  await shoot(page, '03-no-match')

  await page.goto(`/posts/${rows[0].slug}`)
  await expect(page.getByTestId('post-content')).toBeVisible()
  await expect(page.getByTestId('comment').first()).toBeVisible()
  await shoot(page, '04-post')
  await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'))
  await page.screenshot({ path: `${OUT}/posts-04-post-desktop-dark.png`, fullPage: true })
  await page.evaluate(() => (document.documentElement.dataset.theme = 'light'))

  await page.getByRole('button', { name: 'Delete post…' }).click()
  await page.screenshot({ path: `${OUT}/posts-05-delete-desktop.png` })
  await page.keyboard.press('Escape')

  await page.goto(`/posts/${rows[0].slug}/edit`)
  await expect(page.getByTestId('post-editor')).toBeVisible()
  await shoot(page, '06-editor')
  await page.setViewportSize(PHONE)
  await page.getByRole('tab', { name: 'Preview' }).click()
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: `${OUT}/posts-07-editor-preview-tab-phone.png`, fullPage: true })
  await page.setViewportSize(DESKTOP)

  await page.goto('/posts/new')
  await page.getByRole('button', { name: 'Publish' }).click()
  await shoot(page, '08-new-errors')

  await page.goto('/account')
  await expect(page.getByTestId('my-posts')).toBeVisible()
  await shoot(page, '09-account')

  await page.setViewportSize(PHONE)
  await page.goto('/')
  await page.getByRole('button', { name: 'Open menu' }).click()
  await page.screenshot({ path: `${OUT}/posts-10-menu-phone.png` })
})

test('posts pages, signed out', async ({ page }) => {
  await mockApi(page, { signedIn: false })
  await page.goto(`/posts/${rows[0].slug}`)
  await expect(page.getByTestId('post-content')).toBeVisible()
  await page.getByRole('button', { name: 'Vote up' }).first().click()
  await shoot(page, '11-post-anonymous')
})

test('posts pages, empty', async ({ page }) => {
  await mockApi(page, { signedIn: false, empty: true })
  await page.goto('/')
  await expect(page.getByText('No posts yet')).toBeVisible()
  await shoot(page, '12-home-empty')
})
