import { expect, test, type Page } from '@playwright/test'
import { newSignedInUser, noDialogs } from './users'

/*
 * The posts journeys against the whole running stack with the dev mailbox on
 * (DEV_MAILBOX=true). Each test signs up and confirms its own user.
 */

const SHOTS = 'test-results/screenshots'

async function writePost(page: Page, post: { title: string; preview: string; content: string; tags: string[] }) {
  await page.getByRole('banner').getByRole('link', { name: 'Write' }).click()
  await expect(page).toHaveURL(/\/posts\/new$/)
  const form = page.getByTestId('post-editor')
  await form.getByLabel('Title', { exact: true }).fill(post.title)
  await form.getByLabel('Preview', { exact: true }).fill(post.preview)
  for (const tag of post.tags) {
    await form.getByLabel('Tags').fill(tag)
    await form.getByLabel('Tags').press('Enter')
  }
  await form.getByLabel('Post (Markdown)').fill(post.content)
  await form.getByRole('button', { name: 'Publish' }).click()
  await expect(page.getByTestId('post-title')).toHaveText(post.title)
}

test.describe('posts', () => {
  test('write, find, open, comment, vote, rename (old link redirects), delete', async ({ page }) => {
    const dialogs = noDialogs(page)
    const user = await newSignedInUser(page)
    const word = `zebra${user.stamp}`
    const title = `Notes on ${word} and the mempool`

    await writePost(page, {
      title,
      preview: 'How transactions wait for a block, in plain words.',
      content: `# Mempool\n\nTransactions wait in the **mempool** until a miner picks them.\n\n- fees matter\n- size matters\n\nSee [the docs](https://developer.bitcoin.org).`,
      tags: ['bitcoin', 'e2e-test'],
    })
    const firstUrl = new URL(page.url())
    const oldSlug = firstUrl.pathname.replace(/^\/posts\//, '')
    await expect(page.getByTestId('post-content').getByRole('heading', { name: 'Mempool' })).toBeVisible()
    await expect(page.getByTestId('post-content').getByRole('link', { name: 'the docs' })).toHaveAttribute(
      'rel',
      'nofollow noopener noreferrer',
    )
    await page.screenshot({ path: `${SHOTS}/posts-01-new-post.png`, fullPage: true })

    // Find it by search (a prefix is enough).
    await page.goto('/posts')
    await page.getByLabel('Search posts').fill(word.slice(0, -2))
    await expect(page).toHaveURL(new RegExp(`[?&]q=${word.slice(0, -2)}`))
    const card = page.getByTestId('post-card').filter({ hasText: title })
    await expect(card).toBeVisible()
    await card.getByRole('link', { name: title }).click()
    await expect(page).toHaveURL(new RegExp(`/posts/${oldSlug}$`))

    // Comment.
    const form = page.getByTestId('comment-form')
    await form.getByLabel('Add a comment').fill('First comment, from the e2e test.')
    await expect(form.getByText('33 / 5,000')).toBeVisible()
    await form.getByRole('button', { name: 'Post comment' }).click()
    await expect(page.getByTestId('comment').filter({ hasText: 'First comment, from the e2e test.' })).toBeVisible()

    // Vote: up, then reload and see it counted; the same vote again withdraws it.
    const score = page.getByTestId('vote-score').first()
    const before = Number(await score.textContent())
    await page.getByRole('button', { name: 'Vote up' }).first().click()
    await expect(score).toHaveText(String(before + 1))
    await page.reload()
    await expect(page.getByTestId('vote-score').first()).toHaveText(String(before + 1))
    await expect(page.getByRole('button', { name: 'Vote up' }).first()).toHaveAttribute('aria-pressed', 'true')
    await page.getByRole('button', { name: 'Vote up' }).first().click()
    await expect(page.getByTestId('vote-score').first()).toHaveText(String(before))

    // Rename: the post gets a new slug; the old link opens it and the URL is replaced.
    await page.getByRole('link', { name: 'Edit post' }).click()
    await expect(page.getByTestId('post-editor').getByLabel('Title')).toHaveValue(title)
    const newTitle = `${title}, revised`
    await page.getByTestId('post-editor').getByLabel('Title').fill(newTitle)
    await page.getByRole('button', { name: 'Save changes' }).click()
    await expect(page.getByTestId('post-title')).toHaveText(newTitle)
    const newSlug = new URL(page.url()).pathname.replace(/^\/posts\//, '')
    expect(newSlug).not.toBe(oldSlug)
    await page.goto(`/posts/${oldSlug}`)
    await expect(page.getByTestId('post-title')).toHaveText(newTitle)
    await expect(page).toHaveURL(new RegExp(`/posts/${newSlug}$`))

    // It is listed under "My posts".
    await page.goto('/account')
    await expect(page.getByTestId('my-posts').getByRole('link', { name: newTitle })).toBeVisible()

    // Delete (no second factor is set up for this user).
    await page.goto(`/posts/${newSlug}`)
    await page.getByRole('button', { name: 'Delete post…' }).click()
    await page.getByTestId('delete-post-dialog').getByRole('button', { name: 'Delete the post' }).click()
    await expect(page).toHaveURL(/\/account$/)
    await expect(page.getByText('Your post is deleted')).toBeVisible()
    await expect(page.getByTestId('my-posts').getByRole('link', { name: newTitle })).toHaveCount(0)
    await page.goto(`/posts/${newSlug}`)
    await expect(page.getByTestId('post-not-found')).toBeVisible()

    expect(dialogs).toEqual([])
  })

  test('script in a post and a comment never runs', async ({ page }) => {
    const dialogs = noDialogs(page)
    const user = await newSignedInUser(page)
    const payload = [
      '<script>alert("post-script")</script>',
      '',
      '<img src=x onerror="alert(\'post-img\')">',
      '',
      '[click me](javascript:alert("post-link"))',
      '',
      '<a href="javascript:alert(1)">raw</a> <svg onload="alert(2)"></svg> <iframe src="javascript:alert(3)"></iframe>',
    ].join('\n')
    await writePost(page, {
      title: `XSS check ${user.stamp}`,
      preview: 'Nothing in this post may run as script.',
      content: payload,
      tags: ['e2e-test'],
    })
    const form = page.getByTestId('comment-form')
    await form
      .getByLabel('Add a comment')
      .fill(
        '<img src=x onerror="alert(\'comment-img\')"> <script>alert("c")</script> [x](javascript:alert("comment-link"))',
      )
    await form.getByRole('button', { name: 'Post comment' }).click()
    await expect(page.getByTestId('comment')).toHaveCount(1)

    // Read the page again as a visitor would, and give anything a moment to fire.
    await page.reload()
    await expect(page.getByTestId('post-content')).toBeVisible()
    await page.waitForTimeout(1_000)

    const main = page.locator('main')
    await expect(main.locator('script, iframe, svg[onload], img[onerror], [onerror], [onload]')).toHaveCount(0)
    for (const href of await main.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
      expect(href.toLowerCase()).not.toMatch(/^\s*javascript:/)
    }
    expect(dialogs).toEqual([])

    // Clean up.
    await page.getByRole('button', { name: 'Delete post…' }).click()
    await page.getByTestId('delete-post-dialog').getByRole('button', { name: 'Delete the post' }).click()
    await expect(page).toHaveURL(/\/account$/)
  })

  test('signed-out visitors read posts and are asked to sign in to vote', async ({ page, browser }) => {
    const user = await newSignedInUser(page)
    await writePost(page, {
      title: `Public post ${user.stamp}`,
      preview: 'Anyone can read this one.',
      content: 'Hello, readers.',
      tags: ['e2e-test'],
    })
    const url = page.url()
    const visitor = await browser.newPage()
    await visitor.goto(url)
    await expect(visitor.getByTestId('post-content')).toHaveText('Hello, readers.')
    await visitor.getByRole('button', { name: 'Vote up' }).first().click()
    await expect(visitor.getByText('Sign in to vote')).toBeVisible()
    await expect(visitor.getByTestId('comment-form')).toHaveCount(0)
    await visitor.close()

    await page.getByRole('button', { name: 'Delete post…' }).click()
    await page.getByTestId('delete-post-dialog').getByRole('button', { name: 'Delete the post' }).click()
    await expect(page).toHaveURL(/\/account$/)
  })
})
