import type { HTMLAttributes, InputHTMLAttributes, ReactNode, Ref, TextareaHTMLAttributes } from 'react'
import { useEffect, useEffectEvent, useId, useRef } from 'react'

export function Spinner({ label = 'Loading…', size = 'md' }: { label?: string; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <span className={`spinner spinner-${size}`} role="status" aria-label={label}>
      <span className="visually-hidden">{label}</span>
    </span>
  )
}

export function PageLoading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="page-loading">
      <Spinner size="lg" label={label} />
      <p className="muted">{label}</p>
    </div>
  )
}

type Tone = 'error' | 'info' | 'success' | 'warning'

const ICONS: Record<Tone, string> = { error: '!', info: 'i', success: '✓', warning: '!' }

export function Alert({ tone = 'error', title, children }: { tone?: Tone; title?: string; children?: ReactNode }) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <span className="alert-icon" aria-hidden="true">
        {ICONS[tone]}
      </span>
      <div className="alert-body">
        {title && <strong className="alert-title">{title}</strong>}
        {children && <div>{children}</div>}
      </div>
    </div>
  )
}

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string
  hint?: ReactNode
  error?: string
  optional?: boolean
  trailing?: ReactNode
  ref?: Ref<HTMLInputElement>
}

export function Field({ label, hint, error, optional, trailing, className, ref, ...input }: FieldProps) {
  const id = useId()
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
        {optional && <span className="field-optional"> (optional)</span>}
      </label>
      <div className="field-control">
        <input
          ref={ref}
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
          {...input}
        />
        {trailing}
      </div>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
      {hint && (
        <div className="field-hint" id={hintId}>
          {hint}
        </div>
      )}
    </div>
  )
}

export function EmptyState({ icon, title, children }: { icon: ReactNode; title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <div className="empty-icon" aria-hidden="true">
        {icon}
      </div>
      <h2>{title}</h2>
      {children}
    </div>
  )
}

interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string
  hint?: ReactNode
  error?: string
  optional?: boolean
}

export function TextAreaField({ label, hint, error, optional, className, ...input }: TextAreaFieldProps) {
  const id = useId()
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
        {optional && <span className="field-optional"> (optional)</span>}
      </label>
      <div className="field-control">
        <textarea
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
          {...input}
        />
      </div>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
      {hint && (
        <div className="field-hint" id={hintId}>
          {hint}
        </div>
      )}
    </div>
  )
}

/** An on/off switch: a real checkbox with role="switch". */
export function Switch({
  label,
  description,
  checked,
  onChange,
  disabled,
}: {
  label: string
  description?: ReactNode
  checked: boolean
  onChange: (checked: boolean) => void
  disabled?: boolean
}) {
  const id = useId()
  return (
    <div className="switch-field">
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="switch-input"
        checked={checked}
        disabled={disabled}
        aria-describedby={description ? `${id}-desc` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id} className="switch-label">
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        <span>{label}</span>
      </label>
      {description && (
        <p className="field-hint switch-desc" id={`${id}-desc`}>
          {description}
        </p>
      )}
    </div>
  )
}

/** Shows the spinner and busy words while `busy`, else the label. */
export function BusyLabel({ busy, label, busyLabel }: { busy: boolean; label: ReactNode; busyLabel: string }) {
  if (!busy) return <>{label}</>
  return (
    <>
      <Spinner size="sm" label={busyLabel} /> {busyLabel}
    </>
  )
}

/**
 * An email address that wraps at sensible points on narrow screens: after
 * the "@" and before dots, and anywhere as a last resort.
 */
export function EmailText({
  email,
  className,
  ...rest
}: { email: string; className?: string } & HTMLAttributes<HTMLSpanElement>) {
  const parts: ReactNode[] = []
  let run = ''
  let key = 0
  for (const char of email) {
    if (char === '.' && run) {
      parts.push(run, <wbr key={key++} />)
      run = '.'
    } else if (char === '@') {
      parts.push(run + '@', <wbr key={key++} />)
      run = ''
    } else {
      run += char
    }
  }
  if (run) parts.push(run)
  return (
    <span className={`email-text${className ? ` ${className}` : ''}`} {...rest}>
      {parts}
    </span>
  )
}

/**
 * A modal dialog: traps nothing fancy, but focuses its first field, closes
 * on Escape (unless busy) and gives focus back to where it was.
 */
export function Modal({
  title,
  description,
  onClose,
  busy,
  children,
  testId,
}: {
  title: string
  description?: ReactNode
  onClose: () => void
  busy?: boolean
  children: ReactNode
  testId?: string
}) {
  const id = useId()
  const ref = useRef<HTMLDivElement>(null)
  const onEscape = useEffectEvent(() => {
    if (!busy) onClose()
  })

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null
    const first = ref.current?.querySelector<HTMLElement>('input, textarea, select, button:not(.modal-close)')
    first?.focus()
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onEscape()
    }
    document.addEventListener('keydown', onKey)
    document.body.classList.add('has-modal')
    return () => {
      document.removeEventListener('keydown', onKey)
      document.body.classList.remove('has-modal')
      previous?.focus?.()
    }
  }, [])

  return (
    // a click beside the dialog closes it; keyboards have Escape and the close button
    <div
      className="modal-backdrop"
      role="presentation"
      onMouseDown={(e) => e.target === e.currentTarget && !busy && onClose()}
    >
      <div
        ref={ref}
        className="modal card"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={description ? `${id}-desc` : undefined}
        data-testid={testId}
      >
        <div className="modal-head">
          <h2 id={`${id}-title`}>{title}</h2>
          <button
            type="button"
            className="icon-button modal-close"
            onClick={onClose}
            disabled={busy}
            aria-label="Close"
          >
            ×
          </button>
        </div>
        {description && (
          <div className="muted modal-desc" id={`${id}-desc`}>
            {description}
          </div>
        )}
        {children}
      </div>
    </div>
  )
}

/** A failed load, in plain words, with a way to try again. */
export function LoadError({ title, error, onRetry }: { title: string; error: string; onRetry: () => void }) {
  return (
    <Alert tone="error" title={title}>
      {error}{' '}
      <button type="button" className="link-button" onClick={onRetry}>
        Try again
      </button>
    </Alert>
  )
}
