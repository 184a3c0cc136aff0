/**
 * `@mentions` and `$CASHTAGS` in posts and comments. The patterns mirror the back end's one definition
 * (`common/.../text/TextReferences.java`): a mention is `@` and 3–30 of letters, digits, `_ . -`, not preceded by one
 * of those or `@` (no e-mail addresses); a cashtag is `$` and 2–10 capitals and digits with a letter, not preceded by
 * a letter, digit, `_` or `$` nor followed by a letter, digit or `_` ("$5", "US$" and "$btc" are none).
 */
export const MENTION = /(?<![A-Za-z0-9_.@-])@([A-Za-z0-9_.-]{3,30})/g
export const CASHTAG = /(?<![A-Za-z0-9_$])\$(?=[0-9]*[A-Z])([A-Z0-9]{2,10})(?![A-Za-z0-9_])/g

/** What the API says exists: lower-case usernames, and coin uuids by symbol. */
export interface References {
  users: string[]
  coins: Record<string, string>
}

export const NO_REFERENCES: References = { users: [], coins: {} }

export type ReferencePart =
  | { kind: 'text'; value: string }
  | { kind: 'user'; value: string; username: string }
  | { kind: 'coin'; value: string; uuid: string }

/** One answer's references and another's (a further page of comments), as one. */
export function mergeReferences(a: References | undefined, b: References | undefined): References {
  return {
    users: [...new Set([...(a?.users ?? []), ...(b?.users ?? [])])],
    coins: { ...(a?.coins ?? {}), ...(b?.coins ?? {}) },
  }
}

/**
 * Splits plain text into runs of text and the mentions of existing users and cashtags of known coins; anything
 * else stays text. A name that exists only without its trailing dots and dashes ("@alice.") links without them.
 */
export function splitReferences(text: string, references: References): ReferencePart[] {
  const users = new Set(references.users.map((name) => name.toLowerCase()))
  const found: { start: number; end: number; part: ReferencePart }[] = []
  for (const match of text.matchAll(MENTION)) {
    const start = match.index ?? 0
    const written = match[1]
    const name = users.has(written.toLowerCase()) ? written : written.replace(/[.-]+$/, '')
    if (name.length >= 3 && users.has(name.toLowerCase())) {
      found.push({ start, end: start + 1 + name.length, part: { kind: 'user', value: `@${name}`, username: name } })
    }
  }
  for (const match of text.matchAll(CASHTAG)) {
    const uuid = references.coins[match[1]]
    const start = match.index ?? 0
    if (uuid) found.push({ start, end: start + match[0].length, part: { kind: 'coin', value: match[0], uuid } })
  }
  found.sort((a, b) => a.start - b.start)
  const parts: ReferencePart[] = []
  let last = 0
  for (const { start, end, part } of found) {
    if (start < last) continue
    if (start > last) parts.push({ kind: 'text', value: text.slice(last, start) })
    parts.push(part)
    last = end
  }
  if (last < text.length) parts.push({ kind: 'text', value: text.slice(last) })
  return parts
}

export function userPath(username: string): string {
  return `/user/${encodeURIComponent(username)}`
}

export function coinPath(uuid: string): string {
  return `/market/${encodeURIComponent(uuid)}`
}

/** Whether the text names a user or a coin that `references` does not cover (a live comment: worth asking about). */
export function unknownReferences(text: string, references: References | undefined): boolean {
  const users = new Set((references?.users ?? []).map((name) => name.toLowerCase()))
  for (const match of text.matchAll(MENTION)) if (!users.has(match[1].toLowerCase())) return true
  for (const match of text.matchAll(CASHTAG)) if (!references?.coins?.[match[1]]) return true
  return false
}
