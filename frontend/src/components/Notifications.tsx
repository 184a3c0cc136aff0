import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react'
import { Link } from 'react-router'
import { ApiError, type AppNotification } from '../api/client'
import { useAuth } from '../auth/AuthContext'
import { badgeText, bellLabel } from '../lib/notifications'
import { eventData, useEventStream } from '../lib/useEventStream'

type Listener = (notification: AppNotification) => void

interface NotificationsValue {
  /** The caller's unread count, live; null while not known (signed out, or before the stream's first word). */
  unread: number | null
  /** Sets the count at once after a read here (the stream confirms it moments later). */
  setUnread: (update: (unread: number) => number) => void
  /** Hears each new or updated notification from the stream; returns the unsubscribe. */
  listen: (listener: Listener) => () => void
}

const NotificationsContext = createContext<NotificationsValue>({
  unread: null,
  setUnread: () => undefined,
  listen: () => () => undefined,
})

export function useNotifications(): NotificationsValue {
  return useContext(NotificationsContext)
}

/**
 * The tab's one notification stream (`GET /api/notifications/stream`), open only while signed in and closed on
 * sign-out: the unread count for the bell, and each new notification for whoever listens (the notifications page).
 */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const { client, status, user } = useAuth()
  const userId = status === 'authenticated' ? (user?.id ?? null) : null
  // the count belongs to the user it was read for, so another session never shows the last one's count
  const [count, setCount] = useState<{ userId: string; unread: number } | null>(null)
  const listeners = useRef(new Set<Listener>())
  const unread = count && count.userId === userId ? count.unread : null

  useEventStream(client, userId ? '/api/notifications/stream' : null, {
    onEvent: (event) => {
      const data = eventData(event)
      if (!userId || !data) return
      if (event.event === 'unread' && typeof data.unread === 'number') setCount({ userId, unread: data.unread })
      if (event.event === 'notification' && typeof data.id === 'number') {
        for (const listener of listeners.current) listener(data as unknown as AppNotification)
      }
    },
    // no stream here (an older gateway): the count as it is now, at least; a 401 means the session is gone
    onGiveUp: (error) => {
      if (!userId || (error instanceof ApiError && error.status === 401)) return
      client.unreadNotifications().then(
        (value) => setCount({ userId, unread: value }),
        () => undefined,
      )
    },
  })

  const setUnread = useCallback(
    (update: (unread: number) => number) =>
      setCount((current) => (current ? { ...current, unread: Math.max(0, update(current.unread)) } : current)),
    [],
  )
  const listen = useCallback((listener: Listener) => {
    listeners.current.add(listener)
    return () => {
      listeners.current.delete(listener)
    }
  }, [])
  const value = useMemo(() => ({ unread, setUnread, listen }), [unread, setUnread, listen])
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>
}

/** The header's bell: a link to /notifications with the unread count as a badge. */
export function NotificationBell() {
  const { unread } = useNotifications()
  const label = bellLabel(unread)
  return (
    <Link to="/notifications" className="icon-button bell" aria-label={label} title={label} data-testid="bell">
      <BellIcon size={20} />
      {unread ? (
        <span className="bell-badge" aria-hidden="true">
          {badgeText(unread)}
        </span>
      ) : null}
    </Link>
  )
}

export function BellIcon({ size = 20 }: { size?: number }) {
  return (
    <svg viewBox="0 0 24 24" width={size} height={size} aria-hidden="true">
      <path
        d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.4A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.6L18 12.6V9a6 6 0 0 0-6-6Z"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
      />
      <path d="M9.5 19.5a2.5 2.5 0 0 0 5 0" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  )
}
