import type { AppNotification } from '../api/client'

/** A notification in words: "<who> <action> <title><after>", where the title (when there is one) is the link's text. */
export interface NotificationWords {
  who: string
  action: string
  title: string | null
  after: string
}

function people(n: AppNotification): string {
  const others = Math.max(0, (n.actors ?? 1) - 1)
  if (others === 0) return n.actor
  return `${n.actor} and ${others} ${others === 1 ? 'other' : 'others'}`
}

/** Who did what where, for one row. */
export function notificationWords(n: AppNotification): NotificationWords {
  const title = n.postTitle || null
  switch (n.type) {
    case 'COMMENT':
      return { who: n.actor, action: 'commented on', title, after: '' }
    case 'REPLY':
      return { who: n.actor, action: 'replied on', title, after: ', where you commented' }
    case 'MENTION':
      return {
        who: n.actor,
        action: n.commentId ? 'mentioned you in a comment on' : 'mentioned you in',
        title,
        after: '',
      }
    case 'FOLLOW':
      return { who: n.actor, action: 'followed you', title: null, after: '' }
    case 'RATING':
      return { who: people(n), action: n.commentId ? 'voted on your comment on' : 'voted on', title, after: '' }
    default:
      return { who: n.actor, action: 'was active on', title, after: '' }
  }
}

/** The whole sentence, e.g. "bob and 4 others voted on Why halvings matter". */
export function notificationText(n: AppNotification): string {
  const { who, action, title, after } = notificationWords(n)
  return [who, action, title].filter(Boolean).join(' ') + after
}

/** Where a row leads: the post (at the comment when there is one), or the actor's profile. */
export function notificationHref(n: AppNotification): string {
  if (n.type === 'FOLLOW' || !n.postSlug) return `/user/${encodeURIComponent(n.actor)}`
  const anchor = n.commentId ? `#comment-${n.commentId}` : ''
  return `/posts/${encodeURIComponent(n.postSlug)}${anchor}`
}

/**
 * A live notification merged into a list shown newest first: an update (a batched rating keeps its id and gains
 * actors) replaces its row where it is — the API orders by id, so it keeps its place — and a new one goes where its
 * id says, which is the top. One older than every row shown belongs to a page not loaded yet: it comes with it.
 */
export function mergeNotification(rows: readonly AppNotification[], n: AppNotification): AppNotification[] {
  const at = rows.findIndex((row) => row.id === n.id)
  if (at >= 0) return rows.map((row, i) => (i === at ? n : row))
  const before = rows.findIndex((row) => row.id < n.id)
  if (before < 0) return rows.length === 0 ? [n] : [...rows]
  return [...rows.slice(0, before), n, ...rows.slice(before)]
}

/** Appends a loaded page, leaving out rows already shown (live ones shift the pages by their number). */
export function appendPage(rows: readonly AppNotification[], page: readonly AppNotification[]): AppNotification[] {
  const known = new Set(rows.map((row) => row.id))
  return [...rows, ...page.filter((row) => !known.has(row.id))]
}

/** The bell's label and badge: "Notifications, 3 unread"; the badge caps at "99+". */
export function bellLabel(unread: number | null): string {
  return unread ? `Notifications, ${unread} unread` : 'Notifications'
}

export function badgeText(unread: number): string {
  return unread > 99 ? '99+' : String(unread)
}
