import { expect, test, type Page } from '@playwright/test'
import { newSignedInUser, noDialogs } from './users'

/*
 * Follows and the home feed against the whole running stack with the dev
 * mailbox on (DEV_MAILBOX=true): two members in two browser contexts.
 */

async function writePost(page: Page, title: string, tag: string) {
  await page.goto('/posts/new')
  const form = page.getByTestId('post-editor')
  await form.getByLabel('Title', { exact: true }).fill(title)
  await form.getByLabel('Preview', { exact: true }).fill('A post for the followers feed.')
  await form.getByLabel('Tags').fill(tag)
  await form.getByLabel('Tags').press('Enter')
  await form.getByLabel('Post (Markdown)').fill('Written by the followed member.')
  await form.getByRole('button', { name: 'Publish' }).click()
  await expect(page.getByTestId('post-title')).toHaveText(title)
}

test.describe('follows', () => {
  test('A follows B, B posts, A sees it in Following; counts and "follows you" on the profiles', async ({
    page,
    browser,
    baseURL,
  }) => {
    const dialogs = noDialogs(page)
    const a = await newSignedInUser(page, 'fola')
    const bContext = await browser.newContext({ baseURL })
    const bPage = await bContext.newPage()
    try {
      const b = await newSignedInUser(bPage, 'folb')

      // A's Following tab is empty at first and suggests people and tags.
      await page.goto('/?tab=following')
      await expect(page.getByTestId('follow-suggestions')).toBeVisible()

      // A follows B from B's profile: the count moves at once.
      await page.goto(`/user/${b.username}`)
      const follow = page.getByRole('button', { name: `Follow ${b.username}` })
      await expect(page.getByTestId('follow-counts')).toContainText('0 followers')
      await follow.click()
      await expect(follow).toHaveAttribute('aria-pressed', 'true')
      await expect(page.getByTestId('follow-counts')).toContainText('1 follower')
      await page.reload()
      await expect(page.getByRole('button', { name: `Follow ${b.username}` })).toHaveAttribute('aria-pressed', 'true')

      // B sees "follows you" on A's profile once the follow is applied, and A among their followers.
      await expect(async () => {
        await bPage.goto(`/user/${a.username}`)
        await expect(bPage.getByTestId('follows-you')).toBeVisible({ timeout: 1_000 })
      }).toPass({ timeout: 30_000 })
      await bPage.goto(`/user/${b.username}`)
      await expect(bPage.getByTestId('followers-list').getByRole('link', { name: a.username })).toBeVisible()

      // B posts; A finds it in Following.
      const title = `Followed post ${b.stamp}`
      await writePost(bPage, title, 'e2e-follow')
      await expect(async () => {
        await page.goto('/?tab=following')
        await expect(page.getByTestId('following-feed').getByRole('link', { name: title })).toBeVisible({
          timeout: 2_000,
        })
      }).toPass({ timeout: 30_000 })

      // A unfollows: the post leaves the feed.
      await page.goto(`/user/${b.username}`)
      await page.getByRole('button', { name: `Follow ${b.username}` }).click()
      await expect(page.getByRole('button', { name: `Follow ${b.username}` })).toHaveAttribute('aria-pressed', 'false')
      await page.goto('/?tab=following')
      await expect(page.getByTestId('follow-suggestions')).toBeVisible()
      expect(dialogs).toEqual([])
    } finally {
      await bContext.close()
    }
  })

  test('a tag page shows its followers and a follow button; a phone-width feed works', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 })
    const user = await newSignedInUser(page, 'foltag')
    const tag = `t${user.stamp}`.slice(0, 20).toLowerCase()
    await page.goto(`/tags/${tag}`)
    await expect(page.getByTestId('tag-followers')).toHaveText('0 followers')
    await page.getByRole('button', { name: `Follow #${tag}` }).click()
    await expect(page.getByTestId('tag-followers')).toHaveText('1 follower')
    await page.reload()
    await expect(page.getByRole('button', { name: `Follow #${tag}` })).toHaveAttribute('aria-pressed', 'true')
    await page.goto('/?tab=following')
    await expect(page.getByText('Nothing new from the people and tags you follow')).toBeVisible()
  })
})
