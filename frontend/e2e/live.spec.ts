import { expect, test, type Locator, type Page } from '@playwright/test'
import { newSignedInUser, noDialogs } from './users'

/*
 * Live updates against the whole running stack with the dev mailbox on (DEV_MAILBOX=true): two members in two browser
 * contexts. Nothing on A's side is reloaded while it waits for B: the bell and the comments come over the streams
 * (GET /api/notifications/stream, GET /api/posts/stream/{id}).
 */

/** The unread count the bell says ("Notifications, 3 unread"; 0 for "Notifications"). */
async function unread(bell: Locator): Promise<number> {
  const label = (await bell.getAttribute('aria-label')) ?? ''
  return Number(label.match(/(\d+) unread/)?.[1] ?? 0)
}

async function writePost(page: Page, title: string, body: string) {
  await page.goto('/posts/new')
  const form = page.getByTestId('post-editor')
  await form.getByLabel('Title', { exact: true }).fill(title)
  await form.getByLabel('Preview', { exact: true }).fill('A post that mentions someone, for the live test.')
  await form.getByLabel('Tags').fill('e2e-live')
  await form.getByLabel('Tags').press('Enter')
  await form.getByLabel('Post (Markdown)').fill(body)
  await form.getByRole('button', { name: 'Publish' }).click()
  await expect(page.getByTestId('post-title')).toHaveText(title)
}

test.describe('live updates', () => {
  test('A sees the bell rise and B’s comment arrive without reloading, keeping what A is typing', async ({
    page,
    browser,
    baseURL,
  }) => {
    const dialogs = noDialogs(page)
    const a = await newSignedInUser(page, 'livea')
    const bContext = await browser.newContext({ baseURL })
    const bPage = await bContext.newPage()
    try {
      const b = await newSignedInUser(bPage, 'liveb')

      // A follows B.
      await page.goto(`/user/${b.username}`)
      const follow = page.getByRole('button', { name: `Follow ${b.username}` })
      await follow.click()
      await expect(follow).toHaveAttribute('aria-pressed', 'true')

      // A waits on the home page; from here on A's page is never reloaded until the post is open.
      await page.goto('/')
      const bell = page.getByTestId('bell')
      await expect(bell).toBeVisible()
      await expect(bell).toHaveAttribute('href', '/notifications')
      const before = await unread(bell)
      // a marker that survives only as long as the document does: a reload would drop it
      await page.evaluate(() => Object.assign(window, { __stillTheSamePage: true }))

      // B writes a post mentioning @A.
      const title = `Live post ${b.stamp}`
      await writePost(bPage, title, `Hello @${a.username}, what do you make of this?`)

      // A's bell rises by itself.
      await expect
        .poll(() => unread(bell), { timeout: 30_000, message: 'the bell counts the mention' })
        .toBeGreaterThan(before)
      await expect(bell).toHaveAttribute('aria-label', /^Notifications, \d+ unread$/)
      expect(await page.evaluate(() => (window as { __stillTheSamePage?: boolean }).__stillTheSamePage)).toBe(true)

      // The post is in A's Following tab (the feed may lag the notification a moment: switch tabs to read it again).
      await expect(async () => {
        await page.getByRole('tab', { name: 'Latest' }).click()
        await page.getByRole('tab', { name: 'Following' }).click()
        await expect(page.getByTestId('following-feed').getByRole('link', { name: title })).toBeVisible({
          timeout: 2_000,
        })
      }).toPass({ timeout: 30_000 })
      expect(await page.evaluate(() => (window as { __stillTheSamePage?: boolean }).__stillTheSamePage)).toBe(true)

      // A opens the post and starts typing a comment.
      await page.getByTestId('following-feed').getByRole('link', { name: title }).click()
      await expect(page.getByTestId('post-title')).toHaveText(title)
      const box = page.getByLabel('Add a comment')
      await box.fill('A half-written thought')
      const url = page.url()

      // B comments on the post; it arrives on A's page by itself, and A's draft stays.
      const comment = `Arrived live ${b.stamp}`
      // (B is on the post page already, after publishing)
      const bBox = bPage.getByLabel('Add a comment')
      await bBox.fill(comment)
      await bPage.getByRole('button', { name: 'Post comment' }).click()
      await expect(bPage.getByTestId('comment').filter({ hasText: comment })).toHaveCount(1)

      await expect(page.getByTestId('comment').filter({ hasText: comment })).toHaveCount(1, { timeout: 30_000 })
      await expect(box).toHaveValue('A half-written thought')
      expect(page.url()).toBe(url)

      // The bell leads to the mention.
      await page.getByTestId('bell').click()
      await expect(page).toHaveURL(/\/notifications$/)
      await expect(
        page
          .getByTestId('notification')
          .filter({ hasText: `${b.username} mentioned you` })
          .filter({ hasText: title }),
      ).toBeVisible()
      expect(dialogs).toEqual([])
    } finally {
      await bContext.close()
    }
  })
})
