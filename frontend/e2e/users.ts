import { expect, type APIRequestContext, type Page } from '@playwright/test'

/*
 * Test members for the journeys against the whole running stack with the dev
 * mailbox on (DEV_MAILBOX=true): each test signs up and confirms its own.
 */

const PASSWORD = 'Str0ng!Pass'

interface MailboxMessage {
  to: string
  text?: string | null
  links?: string[] | null
}

/** A fresh member's details; `prefix` tells the specs' users apart in the data. */
export function uniqueUser(prefix = 'post') {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`
  return { username: `${prefix}${stamp}`, email: `${prefix}.${stamp}@example.com`, password: PASSWORD, stamp }
}

export async function confirmationPath(request: APIRequestContext, to: string): Promise<string> {
  let found: string | null = null
  await expect(async () => {
    const response = await request.get('/api/dev/mailbox')
    expect(response.status(), 'the dev mailbox must be on (DEV_MAILBOX=true)').toBe(200)
    for (const message of (await response.json()) as MailboxMessage[]) {
      if (message.to.toLowerCase() !== to.toLowerCase()) continue
      const links = [...(message.links ?? []), ...((message.text ?? '').match(/https?:\/\/\S+/g) ?? [])]
      found = links.find((l) => /\/account-confirmation\//.test(l)) ?? null
      if (found) return
    }
    throw new Error(`no confirmation email to ${to} yet`)
  }).toPass({ timeout: 30_000, intervals: [500, 1_000, 2_000] })
  const url = new URL(found!)
  return url.pathname + url.search
}

/** Signs up, confirms through the dev mailbox and signs in. */
export async function newSignedInUser(page: Page, prefix = 'post') {
  const user = uniqueUser(prefix)
  await page.goto('/sign-up')
  await page.getByLabel('Email').fill(user.email)
  await page.getByLabel('Username').fill(user.username)
  await page.getByLabel('Password', { exact: true }).fill(user.password)
  await page.getByLabel('I accept the terms and conditions').check()
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()
  await page.goto(await confirmationPath(page.request, user.email))
  await expect(page.getByRole('heading', { name: 'Your account is confirmed' })).toBeVisible({ timeout: 15_000 })
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(user.email)
  await page.getByLabel('Password', { exact: true }).fill(user.password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page).toHaveURL(/\/account$/)
  return user
}

/** Fails the test if any alert/confirm/prompt opens. */
export function noDialogs(page: Page): string[] {
  const opened: string[] = []
  page.on('dialog', async (dialog) => {
    opened.push(`${dialog.type()}: ${dialog.message()}`)
    await dialog.dismiss()
  })
  return opened
}
