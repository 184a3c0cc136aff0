import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type TextareaHTMLAttributes,
} from 'react'
import { useAuth } from '../auth/AuthContext'
import { completeMention, mentionAt, type MentionQuery } from '../lib/mentions'

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'> & {
  value: string
  onValueChange: (value: string) => void
}

/** How long typing pauses before usernames are asked for. */
const DEBOUNCE_MS = 150

/**
 * A textarea that completes `@mentions`: typing `@al` offers up to 8 usernames (`GET /api/user/suggest?prefix=al`)
 * in a listbox under the caret. A combobox (ARIA 1.2): up/down move through the offers, Enter or Tab takes one,
 * Escape closes them; a click takes one too. Focus never leaves the textarea.
 */
export function MentionTextarea({ value, onValueChange, onKeyDown, onBlur, className, ...textarea }: Props) {
  const { client } = useAuth()
  const listId = useId()
  const ref = useRef<HTMLTextAreaElement>(null)
  const [query, setQuery] = useState<MentionQuery | null>(null)
  const [offers, setOffers] = useState<{ prefix: string; names: string[] }>({ prefix: '', names: [] })
  const [active, setActive] = useState(0)
  /** The `@` whose offers were closed with Escape: they stay closed until another mention starts. */
  const [dismissed, setDismissed] = useState<number | null>(null)
  const [place, setPlace] = useState({ top: 0, left: 0 })
  const caretAfter = useRef<number | null>(null)
  const cache = useRef(new Map<string, string[]>())

  // while the answer for "@ali" is on its way, the offers for "@al" that still fit
  const typed = query?.prefix.toLowerCase() ?? null
  const names =
    typed !== null && offers.prefix && typed.startsWith(offers.prefix)
      ? offers.names.filter((name) => name.toLowerCase().startsWith(typed))
      : []
  const open = query !== null && dismissed !== query.start && names.length > 0
  const optionId = (i: number) => `${listId}-option-${i}`

  useEffect(() => {
    if (!query) return
    const prefix = query.prefix.toLowerCase()
    const known = cache.current.get(prefix)
    if (known) {
      const timer = setTimeout(() => setOffers({ prefix, names: known }), 0)
      return () => clearTimeout(timer)
    }
    let active = true
    const timer = setTimeout(() => {
      client.suggestUsers(prefix).then(
        (rows) => {
          const found = rows.map((row) => row.username).slice(0, 8)
          cache.current.set(prefix, found)
          if (active) setOffers({ prefix, names: found })
        },
        () => undefined, // no offers: the person types the name
      )
    }, DEBOUNCE_MS)
    return () => {
      active = false
      clearTimeout(timer)
    }
  }, [client, query])

  // the caret goes after a completed mention once the new text is rendered
  useLayoutEffect(() => {
    if (caretAfter.current === null || !ref.current) return
    ref.current.setSelectionRange(caretAfter.current, caretAfter.current)
    caretAfter.current = null
  })

  function follow(element: HTMLTextAreaElement) {
    const caret = element.selectionStart ?? element.value.length
    const next = element.selectionEnd === caret ? mentionAt(element.value, caret) : null
    if (next?.start === query?.start && next?.prefix === query?.prefix) return
    setQuery(next)
    setActive(0)
    if (next && next.start !== query?.start) setPlace(caretPlace(element, next.start))
  }

  function take(username: string) {
    const element = ref.current
    if (!element || !query) return
    const done = completeMention(value, query, element.selectionStart ?? value.length, username)
    caretAfter.current = done.caret
    setQuery(null)
    onValueChange(done.text)
  }

  function keyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (open) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault()
        const step = event.key === 'ArrowDown' ? 1 : -1
        setActive((i) => (i + step + names.length) % names.length)
        return
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault()
        take(names[Math.min(active, names.length - 1)])
        return
      }
      if (event.key === 'Escape') {
        event.preventDefault()
        event.stopPropagation()
        setDismissed(query.start)
        return
      }
    }
    onKeyDown?.(event)
  }

  return (
    <div className="mention-field">
      <textarea
        {...textarea}
        ref={ref}
        className={className}
        value={value}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? optionId(Math.min(active, names.length - 1)) : undefined}
        onChange={(event) => {
          onValueChange(event.target.value)
          follow(event.target)
        }}
        onSelect={(event) => follow(event.currentTarget)}
        onKeyDown={keyDown}
        onBlur={(event) => {
          setQuery(null)
          onBlur?.(event)
        }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="People to mention"
        className="mention-list"
        hidden={!open}
        style={{ top: place.top, left: place.left }}
      >
        {open &&
          names.map((name, i) => (
            <li
              key={name}
              id={optionId(i)}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              className={`mention-option${i === active ? ' is-active' : ''}`}
              // mousedown, not click: the textarea keeps the focus (and its caret)
              onMouseDown={(event) => {
                event.preventDefault()
                take(name)
              }}
              onMouseEnter={() => setActive(i)}
            >
              @{name}
            </li>
          ))}
      </ul>
    </div>
  )
}

/**
 * Where, inside the textarea's box, the character at `index` is drawn: a hidden copy of the textarea with the same
 * font, padding and wrapping, holding the text up to it (the usual "mirror div"). Just under that line.
 */
function caretPlace(element: HTMLTextAreaElement, index: number): { top: number; left: number } {
  const style = window.getComputedStyle(element)
  const mirror = document.createElement('div')
  const copied = [
    'boxSizing',
    'width',
    'paddingTop',
    'paddingRight',
    'paddingBottom',
    'paddingLeft',
    'borderTopWidth',
    'borderRightWidth',
    'borderBottomWidth',
    'borderLeftWidth',
    'fontFamily',
    'fontSize',
    'fontWeight',
    'fontStyle',
    'letterSpacing',
    'lineHeight',
    'textTransform',
    'wordSpacing',
    'tabSize',
  ] as const
  for (const name of copied) mirror.style[name] = style[name]
  Object.assign(mirror.style, {
    position: 'absolute',
    visibility: 'hidden',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'break-word',
    top: '0',
    left: '-9999px',
  })
  mirror.textContent = element.value.slice(0, index)
  const marker = document.createElement('span')
  marker.textContent = '@'
  mirror.appendChild(marker)
  document.body.appendChild(mirror)
  const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.4 || 20
  const top = marker.offsetTop - element.scrollTop + lineHeight
  const left = Math.min(marker.offsetLeft - element.scrollLeft, Math.max(0, element.clientWidth - 200))
  mirror.remove()
  return { top: Math.max(0, top), left: Math.max(0, left) }
}
