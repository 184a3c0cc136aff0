import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { msToNextStep, totp } from './totp'

/*
 * Browser journeys of the "Accounts and account security" issue, against the
 * whole running stack with the dev mailbox on (DEV_MAILBOX=true). Every test
 * signs up its own user and confirms it through the dev mailbox.
 */

const PASSWORD = 'Str0ng!Pass'
const SHOTS = 'test-results/screenshots'

interface MailboxMessage {
  id: string | number
  channel: string
  to: string
  subject?: string | null
  text?: string | null
  links?: string[] | null
}

function uniqueUser() {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`
  return { username: `acc${stamp}`, email: `acc.${stamp}@example.com`, password: PASSWORD }
}

/** Waits for a message to `to` in the dev mailbox whose links match `pattern`; returns the link's in-app path. */
async function linkFromMailbox(request: APIRequestContext, to: string, pattern: RegExp): Promise<string> {
  let found: string | null = null
  await expect(async () => {
    const response = await request.get('/api/dev/mailbox')
    expect(response.status(), 'the dev mailbox must be on (DEV_MAILBOX=true)').toBe(200)
    const messages = (await response.json()) as MailboxMessage[]
    for (const message of messages) {
      if (message.to.toLowerCase() !== to.toLowerCase()) continue
      const links = [...(message.links ?? []), ...((message.text ?? '').match(/https?:\/\/\S+/g) ?? [])]
      const link = links.find((l) => pattern.test(l))
      if (link) {
        found = link
        return
      }
    }
    throw new Error(`no message to ${to} with a link matching ${pattern}`)
  }).toPass({ timeout: 30_000, intervals: [500, 1_000, 2_000] })
  const url = new URL(found!)
  return url.pathname + url.search
}

async function signUpAndConfirm(page: Page) {
  const user = uniqueUser()
  await page.goto('/sign-up')
  await page.getByLabel('Email').fill(user.email)
  await page.getByLabel('Username').fill(user.username)
  await page.getByLabel('Password', { exact: true }).fill(user.password)
  await page.getByLabel('I accept the terms and conditions').check()
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()
  const path = await linkFromMailbox(page.request, user.email, /\/account-confirmation\//)
  await page.goto(path)
  await expect(page.getByRole('heading', { name: 'Your account is confirmed' })).toBeVisible({ timeout: 15_000 })
  return user
}

async function fillSignIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
}

async function signIn(page: Page, email: string, password: string) {
  await fillSignIn(page, email, password)
  await expect(page).toHaveURL(/\/account$/)
}

async function signOut(page: Page) {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible()
}

/** A code for the secret that stays valid for a while (waits out the end of a step). */
async function freshCode(page: Page, secret: string): Promise<string> {
  if (msToNextStep() < 5_000) await page.waitForTimeout(msToNextStep() + 200)
  return totp(secret)
}

test.describe('accounts and account security', () => {
  test('turn on the authenticator app, sign out, sign in with a code', async ({ page }) => {
    const user = await signUpAndConfirm(page)
    await signIn(page, user.email, user.password)

    await page.goto('/settings?tab=security')
    const section = page.getByTestId('totp-section')
    await section.getByRole('button', { name: 'Set up an authenticator app' }).click()
    await expect(section.getByRole('img', { name: /QR code/ })).toBeVisible()
    const secret = ((await section.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '')
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/)
    await page.screenshot({ path: `${SHOTS}/accounts-totp-setup.png`, fullPage: true })

    await section.getByLabel('Authenticator code').fill(await freshCode(page, secret))
    await section.getByRole('button', { name: 'Turn on' }).click()
    await expect(section.getByText(/The authenticator app is on/)).toBeVisible()
    await signOut(page)

    // A code may work once: sign in with the next step's code.
    await page.waitForTimeout(msToNextStep() + 500)
    await fillSignIn(page, user.email, user.password)
    const dialog = page.getByTestId('second-factor-dialog')
    await expect(dialog).toContainText('Enter the 6-digit code from your authenticator app')
    await dialog.getByLabel('Authenticator code').fill('000000')
    await dialog.getByRole('button', { name: 'Verify and sign in' }).click()
    await expect(dialog.getByText(/That code is not right/)).toBeVisible()
    await dialog.getByLabel('Authenticator code').fill(await freshCode(page, secret))
    await dialog.getByRole('button', { name: 'Verify and sign in' }).click()
    await expect(page).toHaveURL(/\/account$/)
    await expect(page.getByTestId('account-username')).toHaveText(user.username)
  })

  test('change the password, then only the new one works', async ({ page }) => {
    const user = await signUpAndConfirm(page)
    await signIn(page, user.email, user.password)
    const next = 'N3w!Passw0rd'

    await page.goto('/settings?tab=security')
    const section = page.getByTestId('change-password')
    await section.getByLabel('Current password').fill(user.password)
    await section.getByLabel('New password', { exact: true }).fill(next)
    await section.getByLabel('Repeat the new password').fill(next)
    await section.getByRole('button', { name: 'Change password' }).click()
    await expect(section.getByText('Password changed')).toBeVisible()

    // The 24-hour rule: a second change is refused in plain words.
    await section.getByLabel('Current password').fill(next)
    await section.getByLabel('New password', { exact: true }).fill('Th1rd!Password')
    await section.getByLabel('Repeat the new password').fill('Th1rd!Password')
    await section.getByRole('button', { name: 'Change password' }).click()
    await expect(section.getByText(/once every 24 hours/).last()).toBeVisible()

    await signOut(page)
    await fillSignIn(page, user.email, user.password)
    await expect(page.getByRole('alert')).toContainText('Wrong email or password')
    await signIn(page, user.email, next)
  })

  test('upload a profile photo and see it', async ({ page }) => {
    const user = await signUpAndConfirm(page)
    await signIn(page, user.email, user.password)
    await expect(page.getByTestId('profile-card').getByTestId('avatar-initials')).toBeVisible()

    await page.goto('/settings?tab=photo')
    // A valid 2×2 PNG (red, green, blue, white).
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFElEQVR4nGP4z8DAAMIM/////w8AH+4F+7C4l8kAAAAASUVORK5CYII=',
      'base64',
    )
    await page.getByTestId('photo-input').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: png })
    await expect(page.getByTestId('photo-form').getByTestId('avatar-photo')).toHaveAttribute('src', /^data:image\/png/)
    await page.getByRole('button', { name: 'Upload photo' }).click()
    await expect(page.getByText('Your new photo is up.')).toBeVisible()

    await page.goto('/account')
    const photo = page.getByTestId('profile-card').getByTestId('avatar-photo')
    await expect(photo).toHaveAttribute('src', new RegExp(`/api/user/photo/${user.username}`))
    await expect
      .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0)

    const response = await page.request.get(`/api/user/photo/${user.username}`)
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toMatch(/^image\/png/)

    // A file that is not an image we take is refused before upload.
    await page.goto('/settings?tab=photo')
    await page
      .getByTestId('photo-input')
      .setInputFiles({ name: 'x.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') })
    await expect(page.getByText('Choose a PNG, JPEG or WebP image.')).toBeVisible()
  })

  test('forgot password by email: the link from the mailbox sets a new password', async ({ page }) => {
    const user = await signUpAndConfirm(page)
    const next = 'Reset!Passw0rd'

    await page.goto('/sign-in')
    await page.getByRole('link', { name: 'Forgot your password?' }).click()
    // the sign-in form has an Email field too: fill only once the forgot-password page has replaced it
    await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible()
    await page.getByLabel('Email').fill(user.email)
    await page.getByRole('button', { name: 'Email me a link' }).click()
    await expect(page.getByTestId('forgot-sent')).toContainText(user.email)

    const path = await linkFromMailbox(page.request, user.email, /\/reset-password\//)
    await page.goto(path)
    await page.getByLabel('New password', { exact: true }).fill(next)
    await page.getByLabel('Repeat the new password').fill(next)
    await page.getByRole('button', { name: 'Set the new password' }).click()
    await expect(page.getByRole('heading', { name: 'Your password is changed' })).toBeVisible()

    // The link works once.
    await page.goto(path)
    await page.getByLabel('New password', { exact: true }).fill('Other!Passw0rd')
    await page.getByLabel('Repeat the new password').fill('Other!Passw0rd')
    await page.getByRole('button', { name: 'Set the new password' }).click()
    await expect(page.getByRole('alert')).toContainText('This link is invalid or has already been used')

    await signIn(page, user.email, next)
  })

  test('close the account, then signing in fails', async ({ page }) => {
    const user = await signUpAndConfirm(page)
    await signIn(page, user.email, user.password)

    await page.goto('/settings?tab=security')
    await page.getByRole('button', { name: 'Close my account…' }).click()
    const dialog = page.getByTestId('close-account-dialog')
    await dialog.getByLabel(/Type your username/).fill(user.username)
    await dialog.getByLabel('Password').fill('Wrong!Passw0rd')
    await dialog.getByRole('button', { name: 'Close my account' }).click()
    await expect(dialog.getByText('That password is not right.')).toBeVisible()
    await dialog.getByLabel('Password').fill(user.password)
    await dialog.getByRole('button', { name: 'Close my account' }).click()

    await expect(page.getByText('Your account is closed')).toBeVisible()
    await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible()

    await fillSignIn(page, user.email, user.password)
    await expect(page.getByRole('alert')).toContainText('Wrong email or password')
    await page.goto(`/user/${user.username}`)
    await expect(page.getByRole('heading', { name: 'No one here by that name' })).toBeVisible()
  })
})
