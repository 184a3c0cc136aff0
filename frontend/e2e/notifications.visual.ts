import { expect, test, type Page, type Route } from '@playwright/test'

/*
 * Screenshots of the bell, the notifications page, their settings and the @mention offers at desktop and phone width,
 * against a mocked API (the streams answer one event and end; the app reconnects). For looking at, not for asserting
 * behaviour: that is in src/pages/notifications.test.tsx and e2e/live.spec.ts.
 *   npx playwright test -c playwright.visual.config.ts notifications
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
  createdAt: '2023-03-14T09:00:00Z',
  isProfilePicPresent: false,
}

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString()
const post = { postId: '6f1c1d4e-0000-4000-8000-000000000001', postSlug: 'rollups-and-fees' }
const rows = [
  {
    id: 9,
    type: 'MENTION',
    actor: 'satoshi_fan',
    actors: 1,
    ...post,
    postTitle: 'Rollups, fees and what comes after the Dencun upgrade',
    commentId: 'c1',
    read: false,
    createdAt: ago(2),
    updatedAt: ago(2),
  },
  {
    id: 8,
    type: 'RATING',
    actor: 'bob',
    actors: 5,
    ...post,
    postTitle: 'Rollups, fees and what comes after the Dencun upgrade',
    commentId: null,
    read: false,
    createdAt: ago(50),
    updatedAt: ago(9),
  },
  {
    id: 7,
    type: 'FOLLOW',
    actor: 'carol',
    actors: 1,
    postId: null,
    postSlug: null,
    postTitle: null,
    commentId: null,
    read: false,
    createdAt: ago(90),
    updatedAt: ago(90),
  },
  {
    id: 6,
    type: 'COMMENT',
    actor: 'dave_the_very_long_username_x',
    actors: 1,
    ...post,
    postTitle: 'Why halvings matter',
    commentId: 'c2',
    read: true,
    createdAt: ago(300),
    updatedAt: ago(300),
  },
  {
    id: 5,
    type: 'REPLY',
    actor: 'erin',
    actors: 1,
    ...post,
    postTitle: 'Is proof of stake secure enough?',
    commentId: 'c3',
    read: true,
    createdAt: ago(2000),
    updatedAt: ago(2000),
  },
  {
    id: 4,
    type: 'RATING',
    actor: 'frank',
    actors: 1,
    ...post,
    postTitle: 'Is proof of stake secure enough?',
    commentId: 'c4',
    read: true,
    createdAt: ago(3000),
    updatedAt: ago(3000),
  },
]

async function mockApi(page: Page, options: { empty?: boolean } = {}) {
  await page.addInitScript(() => localStorage.setItem('cryptotalks-had-session', '1'))
  await page.route(
    (url) => url.pathname.startsWith('/api/'),
    async (route: Route) => {
      const path = new URL(route.request().url()).pathname
      const json = (status: number, body: unknown) =>
        route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) })
      if (path === '/api/auth/refresh') return json(200, { _at: 'at', user })
      if (path === '/api/notifications/stream')
        return route.fulfill({
          status: 200,
          contentType: 'text/event-stream',
          body: `event: unread\ndata: {"unread":${options.empty ? 0 : 3}}\n\n`,
        })
      if (path === '/api/posts/stream/p1')
        return route.fulfill({ status: 200, contentType: 'text/event-stream', body: ': keep-alive\n\n' })
      if (path.startsWith('/api/notifications/preferences'))
        return json(200, {
          comments: true,
          replies: true,
          mentions: true,
          follows: false,
          ratings: true,
          emailMentions: true,
          emailReplies: false,
        })
      if (/^\/api\/notifications\/\d+\/\d+$/.test(path))
        return json(200, options.empty ? { count: 0, unread: 0, rows: [] } : { count: rows.length, unread: 3, rows })
      if (path === '/api/user/get-settings')
        return json(200, {
          isProfilePicPresent: false,
          securitySettings: { email: user.email },
          personalSettings: user,
        })
      if (path === '/api/user/suggest')
        return json(200, [{ username: 'alice' }, { username: 'albert' }, { username: 'alfred_the_great' }])
      if (path.startsWith('/api/posts/list/')) return json(200, { count: 0, rows: [] })
      if (path.startsWith('/api/posts/get/'))
        return json(200, {
          id: 'p1',
          userId: 'u',
          username: 'bob',
          title: 'Rollups, fees and what comes after',
          slug: 'rollups',
          preview: 'A look at fees.',
          content: ['Rollups batch transactions.'],
          searchTags: ['eth'],
          createdAt: ago(600),
          updatedAt: ago(600),
          rating: 4,
          commentsCount: 0,
          myRate: null,
          postInfo: { rates: [], comments: [] },
        })
      if (path.startsWith('/api/user/get/')) return json(404, { statusCode: 404, message: 'user-not-found' })
      return json(200, { message: 'success' })
    },
  )
}

async function shoot(page: Page, name: string, theme: 'light' | 'dark' = 'light') {
  await page.evaluate((t) => {
    document.documentElement.dataset.theme = t
  }, theme)
  for (const [label, size] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(size)
    await page.waitForTimeout(200)
    await page.screenshot({ path: `${OUT}/${name}-${label}${theme === 'dark' ? '-dark' : ''}.png`, fullPage: true })
  }
  await page.setViewportSize(DESKTOP)
}

test('notifications', async ({ page }) => {
  await mockApi(page)
  await page.setViewportSize(DESKTOP)
  await page.goto('/notifications')
  await expect(page.getByTestId('notification').first()).toBeVisible()
  await expect(page.getByTestId('bell')).toHaveAttribute('aria-label', 'Notifications, 3 unread')
  await shoot(page, 'n1-notifications')
  await shoot(page, 'n1-notifications', 'dark')

  await page.goto('/settings?tab=notifications')
  await expect(page.getByTestId('notifications-form')).toBeVisible()
  await shoot(page, 'n3-settings-notifications')

  await page.goto('/posts/rollups')
  const box = page.getByLabel('Add a comment')
  await box.click()
  await box.pressSequentially('Good point @al')
  await expect(page.getByRole('listbox', { name: 'People to mention' })).toBeVisible()
  await page.keyboard.press('ArrowDown')
  await page.screenshot({ path: `${OUT}/n4-mention-desktop.png` })
})

test('notifications, empty', async ({ page }) => {
  await mockApi(page, { empty: true })
  await page.goto('/notifications')
  await expect(page.getByText('No notifications yet')).toBeVisible()
  await shoot(page, 'n2-notifications-empty')
})
