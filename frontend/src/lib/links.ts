const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

function samePlace(a: URL, b: URL): boolean {
  if (a.origin === b.origin) return true
  // localhost and 127.0.0.1 are the same machine: a link built for one
  // should still open in-app when the app is browsed through the other.
  return a.protocol === b.protocol && a.port === b.port && LOOPBACK.has(a.hostname) && LOOPBACK.has(b.hostname)
}

/**
 * The in-app path (pathname + search + hash) for a link that points at this
 * web app, or null when the link goes elsewhere.
 */
export function toInAppPath(href: string, currentOrigin: string): string | null {
  let url: URL
  let here: URL
  try {
    url = new URL(href, currentOrigin)
    here = new URL(currentOrigin)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  if (!samePlace(url, here)) return null
  // API calls are not pages of the app.
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return null
  return url.pathname + url.search + url.hash
}

export type TextPart = { kind: 'text'; value: string } | { kind: 'link'; value: string }

const URL_PATTERN = /https?:\/\/[^\s<>"')\]]+/g
const TRAILING_PUNCTUATION = /[.,;:!?]+$/

/** Splits text into plain runs and http(s) links. */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = []
  let last = 0
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0
    let link = match[0]
    const trailing = TRAILING_PUNCTUATION.exec(link)
    if (trailing) link = link.slice(0, -trailing[0].length)
    if (start > last) parts.push({ kind: 'text', value: text.slice(last, start) })
    parts.push({ kind: 'link', value: link })
    last = start + link.length
  }
  if (last < text.length) parts.push({ kind: 'text', value: text.slice(last) })
  return parts
}
