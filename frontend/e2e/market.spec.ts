import { expect, test, type Locator, type Page } from '@playwright/test'
import { watchCsp } from './csp'
import { newSignedInUser, noDialogs } from './users'

/*
 * The market journeys against the whole running stack started by
 * `./cryptotalks up`: no Coinranking key, so the market is the bundled sample
 * (real Coinranking uuids: Bitcoin Qwsogvtv82FCd, Ethereum razxDUgYGNAdQ),
 * with hourly price history for the last 7 days. The dev mailbox is on.
 */

const SHOTS = 'test-results/screenshots'
const ETHEREUM = 'razxDUgYGNAdQ'

/** How many points the chart draws, once it shows `range`. */
async function chartPoints(page: Page, range: '24h' | '7d' | '30d'): Promise<number> {
  const chart = page.getByTestId('price-chart')
  await expect(chart).toHaveAttribute('data-range', range)
  const points = Number(await chart.getAttribute('data-points'))
  expect(points, `the ${range} chart has points`).toBeGreaterThan(1)
  await expect(chart.locator('path.chart-line')).toHaveAttribute('d', /^M[\d.]+,[\d.]+ L/)
  return points
}

async function favouriteStar(page: Page, name: string): Promise<Locator> {
  const star = page.getByRole('button', { name: `Favourite ${name}`, exact: true })
  await expect(star).toBeVisible()
  return star
}

test.describe('market', () => {
  test('search, open a coin, switch chart ranges, favourite it, see it on the account and the public profile', async ({
    page,
    browser,
  }) => {
    const dialogs = noDialogs(page)
    const csp = watchCsp(page)
    const user = await newSignedInUser(page, 'coin')

    // The market, from the main navigation: the sample badge, the figures, the table.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Market' }).click()
    await expect(page).toHaveURL(/\/market$/)
    await expect(page.getByTestId('sample-badge')).toContainText('Sample data')
    await expect(page.getByTestId('market-stats')).toContainText(/\$[\d.]+T/)
    await expect(page.getByTestId('coin-row').first()).toBeVisible()
    await page.screenshot({ path: `${SHOTS}/market-01-market.png`, fullPage: true })

    // Typo-tolerant search, server-side.
    await page.getByLabel('Search coins').fill('bitcon')
    await expect(page).toHaveURL(/[?&]q=bitcon/)
    await expect(page.getByTestId('coin-row').getByRole('link', { name: 'Bitcoin', exact: true })).toBeVisible()

    // A prefix finds Ethereum (and Ethereum Classic).
    await page.getByLabel('Search coins').fill('eth')
    await expect(page).toHaveURL(/[?&]q=eth(&|$)/)
    const ethereum = page
      .getByTestId('coin-row')
      .filter({ has: page.getByRole('link', { name: 'Ethereum', exact: true }) })
    await expect(ethereum).toBeVisible()
    await expect(ethereum).toContainText('ETH')
    await expect(ethereum).toContainText(/\$[\d,]+\.\d\d/)
    await expect(ethereum.getByTestId('coin-change')).toHaveText(/^(▲|▼)?[+-]?\d+\.\d\d%$|^—$/)
    await page.screenshot({ path: `${SHOTS}/market-02-search-eth.png`, fullPage: true })

    // The coin page.
    await ethereum.getByRole('link', { name: 'Ethereum', exact: true }).click()
    await expect(page).toHaveURL(new RegExp(`/market/${ETHEREUM}$`))
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Ethereum')
    await expect(page.getByTestId('coin-price')).toHaveText(/^\$[\d,]+\.\d\d$/)
    await expect(page.getByRole('link', { name: /Ethereum on Coinranking/ })).toHaveAttribute(
      'href',
      /coinranking\.com/,
    )

    // The chart: points for every range, more for a week than for a day.
    const day = await chartPoints(page, '24h')
    await page.getByRole('button', { name: '7d', exact: true }).click()
    await expect(page.getByRole('button', { name: '7d', exact: true })).toHaveAttribute('aria-pressed', 'true')
    const week = await chartPoints(page, '7d')
    expect(week).toBeGreaterThan(day)
    await page.getByRole('button', { name: '30d', exact: true }).click()
    await chartPoints(page, '30d')
    await page.getByRole('button', { name: '24h', exact: true }).click()
    await chartPoints(page, '24h')

    // Favourite it: the star turns on at once and stays on after a reload (read-your-writes).
    const star = await favouriteStar(page, 'Ethereum')
    await expect(star).toHaveAttribute('aria-pressed', 'false')
    const saved = page.waitForResponse(
      (r) => r.url().includes(`/api/crypto/favorites/${ETHEREUM}`) && r.request().method() === 'PATCH',
    )
    await star.click()
    await expect(star).toHaveAttribute('aria-pressed', 'true')
    expect((await saved).status()).toBe(200)
    await page.reload()
    await expect(await favouriteStar(page, 'Ethereum')).toHaveAttribute('aria-pressed', 'true')
    await page.screenshot({ path: `${SHOTS}/market-03-coin.png`, fullPage: true })

    // The market table shows the star too.
    await page.goto('/market?q=eth')
    await expect(await favouriteStar(page, 'Ethereum')).toHaveAttribute('aria-pressed', 'true')

    // "My favourite coins" on the account page.
    await page.goto('/account')
    const mine = page.getByTestId('my-favourite-coins')
    await expect(mine.getByRole('link', { name: 'Ethereum', exact: true })).toBeVisible()
    await page.screenshot({ path: `${SHOTS}/market-04-account.png`, fullPage: true })

    // The public profile, for a visitor (no session): other readers may see it a moment later.
    const visitor = await browser.newPage()
    await visitor.goto(`/user/${user.username}`)
    const theirs = visitor.getByTestId('favourite-coins')
    await expect(async () => {
      await visitor.reload()
      await expect(theirs.getByRole('link', { name: 'Ethereum', exact: true })).toBeVisible({ timeout: 2_000 })
    }).toPass({ timeout: 30_000, intervals: [500, 1_000, 2_000] })
    await visitor.screenshot({ path: `${SHOTS}/market-05-profile.png`, fullPage: true })
    await visitor.close()

    // Unfavourite it: gone from the account page at once.
    await page.goto(`/market/${ETHEREUM}`)
    const again = await favouriteStar(page, 'Ethereum')
    await expect(again).toHaveAttribute('aria-pressed', 'true')
    await again.click()
    await expect(again).toHaveAttribute('aria-pressed', 'false')
    await page.goto('/account')
    await expect(page.getByTestId('my-favourite-coins')).toContainText('No favourite coins yet')

    expect(dialogs).toEqual([])
    // coin icons, the chart and the favourites worked under the web app's Content-Security-Policy
    csp.expectNone()
  })

  test('signed-out visitors read the market and are sent to sign in by a star', async ({ page }) => {
    await page.goto('/market')
    await expect(page.getByTestId('coin-row').first()).toBeVisible()
    await (await favouriteStar(page, 'Bitcoin')).click()
    await expect(page).toHaveURL(/\/sign-in$/)
  })

  test('on a phone the table keeps rank, coin, price, change and star, without scrolling the page sideways', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto('/market')
    const first = page.getByTestId('coin-row').first()
    await expect(first).toBeVisible()
    await expect(first.getByRole('link', { name: 'Bitcoin', exact: true })).toBeVisible()
    await expect(first.getByTestId('coin-change')).toBeVisible()
    await expect(first.getByTestId('favourite-star')).toBeVisible()
    await expect(first.getByTestId('sparkline')).toBeHidden()
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow).toBeLessThanOrEqual(0)
    await page.screenshot({ path: `${SHOTS}/market-06-phone.png`, fullPage: true })
  })

  test('a coin that is not listed shows a friendly not-found', async ({ page }) => {
    await page.goto('/market/no-such-coin-uuid')
    await expect(page.getByTestId('coin-not-found')).toBeVisible()
    await expect(page.getByRole('heading', { name: 'This coin is not here' })).toBeVisible()
  })
})
