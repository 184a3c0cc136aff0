/** Parses an API timestamp: ISO text, epoch milliseconds or epoch seconds. */
export function parseTime(value: string | number | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null
  let date: Date
  if (typeof value === 'number') {
    date = new Date(value < 1e11 ? value * 1000 : value)
  } else if (/^\d+$/.test(value)) {
    return parseTime(Number(value))
  } else {
    date = new Date(value)
  }
  return Number.isNaN(date.getTime()) ? null : date
}

export function formatDate(value: string | number | null | undefined): string {
  const date = parseTime(value)
  if (!date) return '—'
  return new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'long', day: 'numeric' }).format(date)
}

export function formatDateTime(value: string | number | null | undefined): string {
  const date = parseTime(value)
  if (!date) return ''
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' }).format(date)
}

/** "just now", "5 min ago", "3 h ago", else the date and time. */
export function formatRelative(value: string | number | null | undefined, now: number = Date.now()): string {
  const date = parseTime(value)
  if (!date) return ''
  const seconds = Math.round((now - date.getTime()) / 1000)
  if (seconds < 45 && seconds > -45) return 'just now'
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' })
  const minutes = Math.round(seconds / 60)
  if (Math.abs(minutes) < 60) return rtf.format(-minutes, 'minute')
  const hours = Math.round(minutes / 60)
  if (Math.abs(hours) < 24) return rtf.format(-hours, 'hour')
  return formatDateTime(value)
}
