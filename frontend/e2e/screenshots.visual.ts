import { expect, test, type Page, type Route } from '@playwright/test'

/*
 * Screenshots of the account pages at desktop and phone width, against a
 * mocked API. For looking at, not for asserting behaviour: the real journeys
 * are in accounts.spec.ts.
 */

const OUT = 'test-results/visual'
const DESKTOP = { width: 1280, height: 900 }
const PHONE = { width: 375, height: 812 }

const user = {
  id: '7d0c9e1a-2b3f-4c5d-8e6f-a7b8c9d0e1f2',
  email: 'alexandra.konstantinopoulou.very.long.address@subdomain.example-mail.com',
  username: 'alexandra_k',
  firstName: 'Alexandra',
  lastName: 'Konstantinopoulou',
  title: 'DeFi researcher',
  bio: 'Writing about rollups, MEV and why fees matter. Long-term ETH, curious about everything else.',
  twitter: 'https://twitter.com/alexandra_k',
  linkedIn: '',
  personalWebsite: 'https://alexandra.example.com/blog',
  createdAt: '2023-03-14T09:00:00Z',
  isProfilePicPresent: false,
}

const settings = (security: Record<string, unknown> = {}) => ({
  isProfilePicPresent: false,
  securitySettings: {
    publicEmail: false,
    emailChanged: false,
    passwordChanged: null,
    phone: null,
    email: user.email,
    twoFaToken: false,
    ...security,
  },
  personalSettings: { ...user },
})

// A tiny QR-looking PNG is enough for a look (21×21 modules drawn on a canvas server-side normally).
const QR =
  'data:image/svg+xml;base64,' +
  Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 21 21" shape-rendering="crispEdges"><rect width="21" height="21" fill="#fff"/>${Array.from(
      { length: 160 },
      (_, i) => `<rect x="${(i * 7) % 21}" y="${Math.floor((i * 13) % 21)}" width="1" height="1"/>`,
    ).join(
      '',
    )}<rect x="0" y="0" width="7" height="7"/><rect x="1" y="1" width="5" height="5" fill="#fff"/><rect x="2" y="2" width="3" height="3"/><rect x="14" y="0" width="7" height="7"/><rect x="15" y="1" width="5" height="5" fill="#fff"/><rect x="16" y="2" width="3" height="3"/><rect x="0" y="14" width="7" height="7"/><rect x="1" y="15" width="5" height="5" fill="#fff"/><rect x="2" y="16" width="3" height="3"/></svg>`,
  ).toString('base64')

interface Mock {
  signedIn?: boolean
  settings?: ReturnType<typeof settings>
  twoFaRequiredFor?: string[]
}

async function mockApi(page: Page, mock: Mock) {
  if (mock.signedIn) {
    await page.addInitScript(() => localStorage.setItem('cryptotalks-had-session', '1'))
  }
  // Only the API: Vite also serves source modules under /src/api/.
  await page.route(
    (url) => url.pathname.startsWith('/api/'),
    async (route: Route) => {
      const url = new URL(route.request().url())
      const path = url.pathname
      const json = (status: number, body: unknown) =>
        route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) })
      if (path === '/api/auth/refresh') {
        return mock.signedIn
          ? json(200, { _at: 'at', user })
          : json(401, { statusCode: 401, message: 'session-has-expired' })
      }
      if (path === '/api/user/get-settings') return json(200, mock.settings ?? settings())
      if (path === '/api/user/generate-2fa')
        return json(201, { twoFaToken: 'JBSWY3DPEHPK3PXPJBSWY3DP', qr: QR, uri: 'otpauth://totp/x' })
      if (path === '/api/user/get/alexandra_k') return json(200, { data: user })
      if (path.startsWith('/api/user/get/')) return json(404, { statusCode: 404, message: 'user-not-found' })
      if (path.startsWith('/api/user/email-change-confirmation/')) return json(200, { message: 'success' })
      if (path === '/api/dev/mailbox') return json(404, { statusCode: 404, message: 'not-found' })
      if (path === '/api/user/forgot-password') return json(201, { message: 'sent' })
      if (mock.twoFaRequiredFor?.includes(path)) {
        const body = route.request().postDataJSON() as Record<string, unknown>
        if (!body.twoFaCode && !body.code) return json(201, { message: 'two-fa-required' })
      }
      return json(201, { message: 'success' })
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
    await page.waitForTimeout(150)
    await page.screenshot({ path: `${OUT}/${name}-${label}${theme === 'dark' ? '-dark' : ''}.png`, fullPage: true })
  }
  await page.setViewportSize(DESKTOP)
}

test('account pages', async ({ page }) => {
  await mockApi(page, { signedIn: true, twoFaRequiredFor: ['/api/user/change-password'] })
  await page.setViewportSize(DESKTOP)

  await page.goto('/account')
  await expect(page.getByTestId('profile-card')).toBeVisible()
  await shoot(page, '01-account')
  await shoot(page, '01-account', 'dark')

  await page.goto('/settings')
  await expect(page.getByTestId('personal-form')).toBeVisible()
  await page.getByLabel('Personal website').fill('ftp://nope')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await shoot(page, '02-settings-profile-error')

  await page.goto('/settings?tab=photo')
  await expect(page.getByTestId('photo-form')).toBeVisible()
  await shoot(page, '03-settings-photo')

  await page.goto('/settings?tab=security')
  await expect(page.getByTestId('totp-section')).toBeVisible()
  await shoot(page, '04-settings-security')
  await shoot(page, '04-settings-security', 'dark')

  await page.getByRole('button', { name: 'Set up an authenticator app' }).click()
  await expect(page.getByTestId('totp-setup')).toBeVisible()
  await page.getByTestId('totp-section').scrollIntoViewIfNeeded()
  await shoot(page, '05-totp-setup')

  const pw = page.getByTestId('change-password')
  await pw.getByLabel('Current password').fill('Old!pass1')
  await pw.getByLabel('New password', { exact: true }).fill('N3w!pass')
  await pw.getByLabel('Repeat the new password').fill('N3w!pass')
  await pw.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByTestId('second-factor-dialog')).toBeVisible()
  await page.setViewportSize(PHONE)
  await page.screenshot({ path: `${OUT}/06-second-factor-phone.png` })
  await page.setViewportSize(DESKTOP)
  await page.screenshot({ path: `${OUT}/06-second-factor-desktop.png` })
  await page.keyboard.press('Escape')

  await page.getByRole('button', { name: 'Close my account…' }).click()
  await page
    .getByTestId('close-account-dialog')
    .getByLabel(/Type your username/)
    .fill('alexandra')
  await page.setViewportSize(PHONE)
  await page.screenshot({ path: `${OUT}/07-close-account-phone.png` })
  await page.setViewportSize(DESKTOP)
  await page.screenshot({ path: `${OUT}/07-close-account-desktop.png` })
  await page.keyboard.press('Escape')

  await page.goto('/user/alexandra_k')
  await expect(page.getByTestId('profile-card')).toBeVisible()
  await shoot(page, '08-public-profile')
  await page.goto('/user/nobody_here')
  await expect(page.getByTestId('profile-not-found')).toBeVisible()
  await shoot(page, '09-profile-not-found')

  // Phone menu with the signed-in user.
  await page.setViewportSize(PHONE)
  await page.goto('/')
  await page.getByRole('button', { name: 'Open menu' }).click()
  await page.screenshot({ path: `${OUT}/10-home-menu-phone.png` })
})

test('anonymous pages', async ({ page }) => {
  await mockApi(page, { signedIn: false })
  await page.setViewportSize(DESKTOP)
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await shoot(page, '11-home')

  await page.goto('/forgot-password')
  await shoot(page, '12-forgot')
  await page.getByRole('tab', { name: /By SMS/ }).click()
  await page.getByLabel('Mobile number').fill('+48123456789')
  await page.getByRole('button', { name: 'Text me a code' }).click()
  await expect(page.getByLabel('SMS code')).toBeVisible()
  await shoot(page, '13-forgot-phone-code')

  await page.goto('/forgot-password')
  await page.getByLabel('Email').fill(user.email)
  await page.getByRole('button', { name: 'Email me a link' }).click()
  await expect(page.getByTestId('forgot-sent')).toBeVisible()
  await shoot(page, '14-forgot-sent')

  await page.goto(`/reset-password/tok?email=${encodeURIComponent(user.email)}`)
  await page.getByLabel('New password', { exact: true }).fill('short')
  await page.getByRole('button', { name: 'Set the new password' }).click()
  await shoot(page, '15-reset-password')

  await page.goto('/email-change-confirmation/abc')
  await expect(page.getByRole('heading', { name: 'Your email is changed' })).toBeVisible()
  await shoot(page, '16-email-change-confirmed')

  await page.goto('/dev/mailbox')
  await expect(page.getByText('The dev mailbox is disabled')).toBeVisible()
  await shoot(page, '17-dev-mailbox-off')
})

test('session ended on sign-in', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('cryptotalks-had-session', '1'))
  await mockApi(page, { signedIn: false })
  await page.goto('/settings')
  await expect(page.getByText('Your session ended — please sign in again')).toBeVisible()
  await shoot(page, '18-sign-in-session-ended')
})
