import { expect, test, type Page } from '@playwright/test'
import { expectPolicy, watchCsp } from './csp'

const SHOTS = 'test-results/screenshots'
const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 800 }

const DEMO = { email: 'john.doe@gmail.com', password: '12qw!@QW', username: 'JohnDoe' }

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true })
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
}

test.describe('Cryptotalks journey', () => {
  test('sign up, confirm from the dev mailbox, sign in, sign out', async ({ page }) => {
    const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`
    const username = `e2e${stamp}`
    const email = `e2e.${stamp}@example.com`
    const password = 'Str0ng!Pass'
    const csp = watchCsp(page)
    await expectPolicy(page, '/')
    await expectPolicy(page, '/sign-up')

    await page.setViewportSize(DESKTOP)
    await page.goto('/')
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await shot(page, 'desktop-01-home')

    // Sign up (phone size first, to check the form there too).
    await page.setViewportSize(PHONE)
    await page.goto('/sign-up')
    await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible()
    await shot(page, 'phone-01-sign-up')
    await page.setViewportSize(DESKTOP)

    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Username').fill(username)
    await page.getByLabel('Password', { exact: true }).fill(password)
    await page.getByLabel('First name').fill('Eddie')
    await page.getByLabel('Last name').fill('Tester')
    await page.getByLabel('I accept the terms and conditions').check()
    await shot(page, 'desktop-02-sign-up-filled')
    await page.getByRole('button', { name: 'Create account' }).click()

    await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()
    await expect(page.getByText(email)).toBeVisible()
    await shot(page, 'desktop-03-check-your-email')

    // The confirmation email arrives asynchronously in the dev mailbox.
    await page.goto('/dev/mailbox')
    await expect(page.getByRole('heading', { name: 'Dev mailbox' })).toBeVisible()
    const message = page.getByTestId('mail-message').filter({ hasText: email })
    await expect(async () => {
      if (!(await message.first().isVisible())) {
        const refresh = page.getByRole('button', { name: /Refresh/ })
        if (await refresh.isEnabled()) await refresh.click()
      }
      await expect(message.first()).toBeVisible({ timeout: 2_000 })
    }).toPass({ timeout: 30_000, intervals: [500, 1_000, 2_000] })
    await shot(page, 'desktop-04-mailbox')

    await page.setViewportSize(PHONE)
    await shot(page, 'phone-02-mailbox')
    await page.setViewportSize(DESKTOP)

    // Its confirmation link opens the in-app confirmation page.
    await message
      .first()
      .getByRole('link', { name: /account-confirmation/ })
      .first()
      .click()
    await expect(page).toHaveURL(/\/account-confirmation\//)
    await expect(page.getByRole('heading', { name: 'Your account is confirmed' })).toBeVisible({ timeout: 15_000 })
    await shot(page, 'desktop-05-confirmed')

    await page.getByRole('link', { name: 'Sign in', exact: true }).last().click()
    await expect(page).toHaveURL(/\/sign-in$/)
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password', { exact: true }).fill(password)
    await shot(page, 'desktop-06-sign-in')
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()

    await expect(page).toHaveURL(/\/account$/)
    const header = page.getByRole('banner')
    await expect(header.getByText(username)).toBeVisible()
    await expect(page.getByTestId('account-username')).toHaveText(username)
    await expect(page.getByTestId('account-email')).toHaveText(email)
    await shot(page, 'desktop-07-account')

    // The session survives a reload (refresh cookie).
    await page.reload()
    await expect(page.getByTestId('account-username')).toHaveText(username)

    await header.getByRole('button', { name: 'Sign out' }).click()
    await expect(header.getByRole('link', { name: 'Sign in' })).toBeVisible()
    await expect(header.getByText(username)).toHaveCount(0)

    // Signed out for real: the account page sends us to sign in.
    await page.goto('/account')
    await expect(page).toHaveURL(/\/sign-in$/)
    await shot(page, 'desktop-08-signed-out')
    // the whole journey ran under the web app's Content-Security-Policy without a violation
    csp.expectNone()
  })

  test('a wrong password shows the error text', async ({ page }) => {
    await signIn(page, DEMO.email, 'Wrong-password-1!')
    const alert = page.getByRole('alert')
    await expect(alert).toBeVisible()
    await expect(alert).not.toHaveText(/^\s*$/)
    await expect(page).toHaveURL(/\/sign-in$/)
    await shot(page, 'desktop-09-wrong-password')
  })

  test('the demo account can sign in', async ({ page }) => {
    await signIn(page, DEMO.email, DEMO.password)
    await expect(page).toHaveURL(/\/account$/)
    await expect(page.getByRole('banner').getByText(DEMO.username)).toBeVisible()
    await expect(page.getByTestId('account-username')).toHaveText(DEMO.username)
    await expect(page.getByTestId('account-email')).toHaveText(DEMO.email)
    await shot(page, 'desktop-10-demo-account')
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click()
    await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible()
  })

  test('deep links and unknown pages are served by the app', async ({ page }) => {
    await page.goto('/no-such-page')
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
    await page.goto('/account-confirmation/definitely-not-a-real-hash')
    await expect(page.getByRole('heading', { name: /could not confirm|already confirmed/i })).toBeVisible({
      timeout: 15_000,
    })
    await expect(page.getByRole('alert')).not.toHaveText(/^\s*$/)
  })
})
