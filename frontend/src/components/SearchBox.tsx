import { useId } from 'react'
import { useSearchBox } from '../lib/useSearchBox'

/**
 * A list page's search field: what is typed reaches `onSearch` after a pause in typing (Enter: at once), and the
 * field follows `committed` (the search in the URL: back, forward, a shared link).
 */
export function SearchBox({
  label,
  placeholder,
  committed,
  onSearch,
  maxLength,
}: {
  label: string
  placeholder: string
  committed: string
  onSearch: (text: string) => void
  maxLength?: number
}) {
  const id = useId()
  const { typed, setTyped, flush } = useSearchBox(committed, onSearch)
  return (
    <div className="search-box">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <span className="search-icon" aria-hidden="true">
        ⌕
      </span>
      <input
        id={id}
        type="search"
        className="input"
        placeholder={placeholder}
        value={typed}
        maxLength={maxLength}
        onChange={(e) => setTyped(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') flush()
        }}
        enterKeyHint="search"
        autoComplete="off"
      />
    </div>
  )
}
