import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { Link } from 'react-router'
import { errorText, type MailboxMessage } from '../api/client'
import { useAuth } from '../auth/AuthContext'
import { InboxIcon, MailIcon, PhoneIcon, RefreshIcon } from '../components/icons'
import { Alert, EmailText, EmptyState, Spinner } from '../components/ui'
import { splitLinks, toInAppPath } from '../lib/links'
import { formatDateTime, formatRelative, parseTime } from '../lib/time'
import { useDocumentTitle } from '../lib/useDocumentTitle'

type Load =
  | { kind: 'loading' }
  | { kind: 'off' }
  | { kind: 'error'; text: string }
  | { kind: 'ready'; messages: MailboxMessage[] }

const POLL_MS = 5000

/** A link from a message: in-app links navigate inside the app. */
function MessageLink({ href, children }: { href: string; children?: ReactNode }) {
  const inApp = toInAppPath(href, window.location.origin)
  if (inApp) {
    return (
      <Link to={inApp} className="mail-link">
        {children ?? href}
      </Link>
    )
  }
  return (
    <a href={href} className="mail-link" target="_blank" rel="noreferrer noopener">
      {children ?? href}
    </a>
  )
}

function MessageText({ text }: { text: string }) {
  return (
    <div className="mail-text">
      {splitLinks(text).map((part, index) =>
        part.kind === 'link' ? <MessageLink key={index} href={part.value} /> : <span key={index}>{part.value}</span>,
      )}
    </div>
  )
}

function MessageCard({ message }: { message: MailboxMessage }) {
  const text = message.text ?? ''
  const channel = message.channel === 'sms' ? 'sms' : 'email'
  const extraLinks = (message.links ?? []).filter((link) => !text.includes(link))
  return (
    <article className="card mail-card" data-testid="mail-message" data-channel={channel}>
      <header className="mail-head">
        <span className={`badge badge-${channel}`}>
          {channel === 'sms' ? <PhoneIcon size={14} /> : <MailIcon size={14} />}
          {channel === 'sms' ? 'SMS' : 'Email'}
        </span>
        <span className="mail-to">
          <span className="muted">to</span>{' '}
          <strong>
            <EmailText email={message.to} />
          </strong>
        </span>
        <time className="mail-time muted small" title={formatDateTime(message.createdAt)}>
          {formatRelative(message.createdAt)}
        </time>
      </header>
      {message.subject ? <h2 className="mail-subject">{message.subject}</h2> : null}
      {text && <MessageText text={text} />}
      {extraLinks.length > 0 && (
        <ul className="mail-links">
          {extraLinks.map((link) => (
            <li key={link}>
              <MessageLink href={link} />
            </li>
          ))}
        </ul>
      )}
    </article>
  )
}

function MailboxSkeleton() {
  return (
    <div className="mail-list" aria-hidden="true">
      {[0, 1, 2].map((i) => (
        <div key={i} className="card mail-card">
          <div className="skeleton skeleton-line" style={{ width: '40%' }} />
          <div className="skeleton skeleton-line" style={{ width: '70%' }} />
          <div className="skeleton skeleton-line" style={{ width: '90%' }} />
        </div>
      ))}
    </div>
  )
}

export function DevMailboxPage() {
  const { client } = useAuth()
  const [load, setLoad] = useState<Load>({ kind: 'loading' })
  const [refreshing, setRefreshing] = useState(false)
  const [filter, setFilter] = useState('')
  const inFlight = useRef(false)
  useDocumentTitle('Dev mailbox')

  const fetchMessages = useCallback(
    async (quiet: boolean) => {
      if (inFlight.current) return
      inFlight.current = true
      if (!quiet) setRefreshing(true)
      try {
        const messages = await client.devMailbox()
        setLoad(messages === null ? { kind: 'off' } : { kind: 'ready', messages })
      } catch (error) {
        // A failed background poll keeps the list that is already shown.
        if (!quiet) setLoad({ kind: 'error', text: errorText(error) })
        else setLoad((current) => (current.kind === 'ready' ? current : { kind: 'error', text: errorText(error) }))
      } finally {
        inFlight.current = false
        if (!quiet) setRefreshing(false)
      }
    },
    [client],
  )

  useEffect(() => {
    void fetchMessages(false)
  }, [fetchMessages])

  // Messages arrive asynchronously: poll quietly while the page is visible.
  useEffect(() => {
    if (load.kind === 'off') return
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void fetchMessages(true)
    }, POLL_MS)
    return () => window.clearInterval(timer)
  }, [fetchMessages, load.kind])

  const visible = useMemo(() => {
    if (load.kind !== 'ready') return []
    const needle = filter.trim().toLowerCase()
    const sorted = [...load.messages].sort((a, b) => timeOf(b) - timeOf(a))
    if (!needle) return sorted
    return sorted.filter((m) =>
      [m.to, m.subject ?? '', m.text ?? ''].some((value) => value.toLowerCase().includes(needle)),
    )
  }, [load, filter])

  return (
    <div className="container mailbox-page">
      <div className="page-head">
        <div>
          <p className="eyebrow">Development tool</p>
          <h1>Dev mailbox</h1>
          <p className="muted">
            Emails and SMS the backend would have sent, newest first. It only exists on development setups and is not
            part of the app's navigation.
          </p>
        </div>
        {load.kind !== 'off' && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void fetchMessages(false)}
            disabled={refreshing || load.kind === 'loading'}
          >
            {refreshing ? (
              <>
                <Spinner size="sm" label="Refreshing" /> Refreshing…
              </>
            ) : (
              <>
                <RefreshIcon size={18} /> Refresh
              </>
            )}
          </button>
        )}
      </div>

      {load.kind === 'loading' && <MailboxSkeleton />}

      {load.kind === 'off' && (
        <Alert tone="info" title="The dev mailbox is disabled">
          This server sends real emails and text messages, so there is nothing to show here. (It is turned on with
          DEV_MAILBOX=true on development setups.)
        </Alert>
      )}

      {load.kind === 'error' && (
        <Alert tone="error" title="Could not load the mailbox">
          {load.text}
        </Alert>
      )}

      {load.kind === 'ready' && load.messages.length === 0 && (
        <EmptyState icon={<InboxIcon size={40} />} title="No messages yet">
          <p className="muted">Sign up or trigger a notification and it will show up here within a few seconds.</p>
          <Link to="/sign-up" className="button button-primary">
            Sign up
          </Link>
        </EmptyState>
      )}

      {load.kind === 'ready' && load.messages.length > 0 && (
        <>
          <div className="mail-toolbar">
            <input
              type="search"
              className="input"
              placeholder="Filter by recipient, subject or text"
              aria-label="Filter messages"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
            <span className="muted small">
              {visible.length} of {load.messages.length} message{load.messages.length === 1 ? '' : 's'}
            </span>
          </div>
          {visible.length === 0 ? (
            <p className="muted center">No message matches “{filter}”.</p>
          ) : (
            <div className="mail-list">
              {visible.map((message) => (
                <MessageCard key={message.id} message={message} />
              ))}
            </div>
          )}
        </>
      )}
    </div>
  )
}

function timeOf(message: MailboxMessage): number {
  return parseTime(message.createdAt)?.getTime() ?? 0
}
