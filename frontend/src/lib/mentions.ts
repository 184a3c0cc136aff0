/** A `@name` being typed: where its `@` is and the letters after it. */
export interface MentionQuery {
  start: number
  prefix: string
}

/**
 * The `@prefix` right before the caret, or null. The `@` must start a word (so "bob@example.com" is no mention) and
 * the prefix use the username's characters (at least one).
 */
export function mentionAt(text: string, caret: number): MentionQuery | null {
  const match = /(^|[^\w@.\-/`])@([A-Za-z0-9_.-]{1,30})$/.exec(text.slice(0, caret))
  if (!match) return null
  return { start: caret - match[2].length - 1, prefix: match[2] }
}

/** The text with the mention completed to `@username ` and the caret after it. */
export function completeMention(
  text: string,
  query: MentionQuery,
  caret: number,
  username: string,
): { text: string; caret: number } {
  const after = text.slice(caret)
  const inserted = `@${username}${after.startsWith(' ') ? '' : ' '}`
  return { text: text.slice(0, query.start) + inserted + after, caret: query.start + inserted.length }
}
