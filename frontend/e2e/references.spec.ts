import { expect, test, type Page } from '@playwright/test'
import { newSignedInUser, noDialogs } from './users'

/*
 * Issue 10 against the whole running stack: the market is the bundled sample (Bitcoin is Qwsogvtv82FCd, its symbol
 * BTC), the dev mailbox is on. A post naming $BTC, $NOPE and its author: the chip, the links, the coin page's list.
 */

const BITCOIN = 'Qwsogvtv82FCd'

async function writePost(page: Page, post: { title: string; preview: string; content: string }) {
  await page.getByRole('banner').getByRole('link', { name: 'Write' }).click()
  const form = page.getByTestId('post-editor')
  await form.getByLabel('Title', { exact: true }).fill(post.title)
  await form.getByLabel('Preview', { exact: true }).fill(post.preview)
  await form.getByLabel('Tags').fill('e2e-test')
  await form.getByLabel('Tags').press('Enter')
  await form.getByLabel('Post (Markdown)').fill(post.content)
  await form.getByRole('button', { name: 'Publish' }).click()
  await expect(page.getByTestId('post-title')).toHaveText(post.title)
}

test.describe('cashtags and mentions', () => {
  test('a post links $BTC and its author, shows the chip, and is listed on the coin page', async ({ page }) => {
    const dialogs = noDialogs(page)
    const user = await newSignedInUser(page, 'cash')
    const title = `Cashtags ${user.stamp}`

    await writePost(page, {
      title,
      preview: 'Bitcoin today, by the numbers.',
      content: `Buying $BTC, not $NOPE${user.stamp.toUpperCase().replace(/[^A-Z]/g, '')}; not \`$BTC\` in code.\n\nAsk @${user.username}.`,
    })

    const chip = page.getByTestId('cashtag-chip')
    await expect(chip).toHaveCount(1)
    await expect(chip).toContainText('BTC')
    await expect(chip).toHaveAttribute('aria-label', /^BTC: (unchanged|up|down)/)
    const content = page.getByTestId('post-content')
    await expect(content.getByRole('link', { name: '$BTC' })).toHaveAttribute('href', `/market/${BITCOIN}`)
    await expect(content.getByRole('link', { name: `@${user.username}` })).toHaveAttribute(
      'href',
      `/user/${user.username}`,
    )
    await expect(content.getByRole('link', { name: /\$NOPE/ })).toHaveCount(0)
    await expect(content.locator('code')).toHaveText('$BTC')

    await content.getByRole('link', { name: '$BTC' }).click()
    await expect(page).toHaveURL(new RegExp(`/market/${BITCOIN}$`))
    const posts = page.getByTestId('coin-posts')
    await expect(posts.getByRole('heading', { name: /Posts about \$BTC/ })).toBeVisible()
    // the list reads the projection: the post shows once the posts-service applied it (moments)
    await expect(async () => {
      await page.reload()
      await expect(page.getByTestId('coin-posts').getByRole('link', { name: title })).toBeVisible({ timeout: 2000 })
    }).toPass({ timeout: 20_000 })
    expect(dialogs).toEqual([])
  })
})
