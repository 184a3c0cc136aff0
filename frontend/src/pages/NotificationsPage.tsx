import { useEffect, useState } from 'react'
import { Link } from 'react-router'
import type { AppNotification } from '../api/client'
import { useAuth } from '../auth/AuthContext'
import { Avatar } from '../components/Avatar'
import { BellIcon, useNotifications } from '../components/Notifications'
import { Alert, EmptyState, LoadError } from '../components/ui'
import { plainText } from '../lib/errors'
import { appendPage, mergeNotification, notificationHref, notificationWords } from '../lib/notifications'
import { formatDate, formatDateTime, formatRelative, parseTime } from '../lib/time'
import { useDocumentTitle } from '../lib/useDocumentTitle'

export const NOTIFICATIONS_PAGE = 20

interface List {
  rows: AppNotification[]
  count: number
  /** Pages read so far. */
  pages: number
}

/**
 * `/notifications`: the caller's notifications, newest first, 20 at a time with "Load more"; new ones arrive at the top
 * from the tab's stream. Opening one marks it read; "Mark all read" marks them all.
 */
export function NotificationsPage() {
  const { client } = useAuth()
  const { unread, setUnread, listen } = useNotifications()
  const [list, setList] = useState<List | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<string | null>(null)
  const [markingAll, setMarkingAll] = useState(false)
  const [markError, setMarkError] = useState<string | null>(null)
  useDocumentTitle(unread ? `(${unread}) Notifications` : 'Notifications')

  useEffect(() => {
    let active = true
    client.notifications(0, NOTIFICATIONS_PAGE).then(
      (page) => active && setList({ rows: page.rows, count: page.count, pages: 1 }),
      (failure) => active && setError(plainText(failure)),
    )
    return () => {
      active = false
    }
  }, [client, attempt])

  // live: new ones on top, updated ones (a vote batch growing) in place
  useEffect(
    () =>
      listen((notification) =>
        setList((current) => {
          if (!current) return current
          const rows = mergeNotification(current.rows, notification)
          return { ...current, rows, count: current.count + rows.length - current.rows.length }
        }),
      ),
    [listen],
  )

  async function loadMore() {
    if (!list) return
    setLoadingMore(true)
    setMoreError(null)
    try {
      const page = await client.notifications(list.pages, NOTIFICATIONS_PAGE)
      setList((current) =>
        current
          ? {
              rows: appendPage(current.rows, page.rows),
              count: Math.max(page.count, current.count),
              pages: current.pages + 1,
            }
          : current,
      )
    } catch (failure) {
      setMoreError(plainText(failure))
    } finally {
      setLoadingMore(false)
    }
  }

  function markRows(read: (row: AppNotification) => boolean) {
    setList((current) =>
      current ? { ...current, rows: current.rows.map((row) => (read(row) ? { ...row, read: true } : row)) } : current,
    )
  }

  function open(notification: AppNotification) {
    if (notification.read) return
    markRows((row) => row.id === notification.id)
    setUnread((n) => n - 1)
    // the page changes now; a failed read only leaves it unread for next time
    client.readNotification(notification.id).catch(() => undefined)
  }

  async function markAll() {
    setMarkingAll(true)
    setMarkError(null)
    try {
      await client.readAllNotifications()
      markRows(() => true)
      setUnread(() => 0)
    } catch (failure) {
      setMarkError(plainText(failure))
    } finally {
      setMarkingAll(false)
    }
  }

  const anyUnread = (unread ?? 0) > 0 || Boolean(list?.rows.some((row) => !row.read))

  return (
    <div className="container narrow notifications-page">
      <div className="page-head">
        <div>
          <p className="eyebrow">Your account</p>
          <h1>Notifications</h1>
        </div>
        <div className="page-head-actions">
          <Link to="/settings?tab=notifications" className="button button-ghost">
            Preferences
          </Link>
          <button
            type="button"
            className="button button-secondary"
            onClick={markAll}
            disabled={markingAll || !anyUnread || !list}
          >
            {markingAll ? 'Marking…' : 'Mark all read'}
          </button>
        </div>
      </div>
      {markError && (
        <Alert tone="error" title="Could not mark them read">
          {markError}
        </Alert>
      )}

      {error && !list && (
        <LoadError
          title="Could not load your notifications"
          error={error}
          onRetry={() => {
            setError(null)
            setAttempt((n) => n + 1)
          }}
        />
      )}
      {!error && !list && <NotificationSkeletons />}
      {list && list.rows.length === 0 && (
        <EmptyState icon={<BellIcon size={40} />} title="No notifications yet">
          When someone comments on your posts or in your threads, mentions you, follows you or votes on what you wrote,
          it shows up here.
        </EmptyState>
      )}
      {list && list.rows.length > 0 && (
        <ol className="notification-list" aria-label="Notifications, newest first">
          {list.rows.map((notification) => (
            <NotificationRow key={notification.id} notification={notification} onOpen={open} />
          ))}
        </ol>
      )}
      {list && list.rows.length < list.count && (
        <div className="load-more-row">
          <button type="button" className="button button-secondary load-more" disabled={loadingMore} onClick={loadMore}>
            {loadingMore ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
      {moreError && (
        <Alert tone="error" title="Could not load more">
          {moreError}
        </Alert>
      )}
    </div>
  )
}

function NotificationRow({
  notification,
  onOpen,
}: {
  notification: AppNotification
  onOpen: (notification: AppNotification) => void
}) {
  const { who, action, title, after } = notificationWords(notification)
  const unread = !notification.read
  const when = notification.updatedAt || notification.createdAt
  return (
    <li className={`notification${unread ? ' is-unread' : ''}`} data-testid="notification">
      <Link to={notificationHref(notification)} className="notification-link" onClick={() => onOpen(notification)}>
        <Avatar person={{ username: notification.actor }} size="sm" />
        <span className="notification-body">
          <span className="notification-text break">
            {unread && <span className="visually-hidden">Unread: </span>}
            <strong>{who}</strong> {action}
            {title && (
              <>
                {' '}
                <em className="notification-title">{title}</em>
              </>
            )}
            {after}
          </span>
          <time className="muted small" dateTime={when} title={formatDateTime(when)}>
            {whenText(when)}
          </time>
        </span>
        {unread && <span className="unread-dot" aria-hidden="true" />}
      </Link>
    </li>
  )
}

function NotificationSkeletons() {
  return (
    <div className="notification-list" aria-busy="true" aria-label="Loading your notifications">
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className="notification notification-skeleton" data-testid="notification-skeleton">
          <span className="skeleton skeleton-circle" />
          <span className="notification-body">
            <span className="skeleton skeleton-line" style={{ width: `${70 - i * 8}%` }} />
            <span className="skeleton skeleton-line" style={{ width: '20%' }} />
          </span>
        </div>
      ))}
    </div>
  )
}

/** "5 min. ago" within a day, else the date: the time of day of an old notification is noise. */
function whenText(value: string): string {
  const date = parseTime(value)
  if (date && Date.now() - date.getTime() > 86_400_000) return formatDate(value)
  return formatRelative(value)
}
