import { expect, type Page } from '@playwright/test'

/**
 * The app works under its Content-Security-Policy (security-headers.json): collects every violation the browser
 * reports, as a console message ("Refused to … because it violates the following Content Security Policy
 * directive") or a `securitypolicyviolation` event. Call before the first `goto`; `expectNone()` at the end.
 */
export function watchCsp(page: Page) {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  page.on('pageerror', (error) => {
    if (/Content Security Policy/i.test(error.message)) violations.push(error.message)
  })
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI}`)
    })
  })
  return {
    violations,
    expectNone() {
      expect(violations, 'Content Security Policy violations').toEqual([])
    },
  }
}

/** The page came with the web app's policy (not a preview server's, not none). */
export async function expectPolicy(page: Page, path = '/') {
  const response = await page.request.get(path)
  const headers = response.headers()
  expect(headers['content-security-policy']).toContain("script-src 'self'")
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBeTruthy()
}
