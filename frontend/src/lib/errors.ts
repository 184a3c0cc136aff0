import { ApiError } from '../api/client'

/** How a message should look: good news is green, the rest is an error. */
export type MessageTone = 'error' | 'success' | 'info'

export interface PlainMessage {
  /** The API's machine code (`message`), or a local one. */
  code: string
  text: string
  tone: MessageTone
}

const GENERIC = 'Something went wrong. Please try again.'

/** Codes whose words do not depend on the page they happen on. */
const WORDS: Record<string, string> = {
  'hash-not-found': 'This link is invalid or has already been used.',
  'wrong-hash': 'This link is invalid or has already been used.',
  'hash-expired': 'This link has expired.',
  'email-already-confirmed': 'Your account is already confirmed — you can sign in.',
  'email-change-confirmed': 'This email change has already been confirmed.',
  'account-not-confirmed': 'Your account is not confirmed yet. Open the link we emailed you when you signed up.',
  'wrong-credentials': 'Wrong email or password.',
  'wrong-2fa': 'That code is not right. Check your authenticator app and try again.',
  'phone-code-error': 'That code is wrong or has expired. Check the latest text message.',
  'user-already-exists': 'An account with this email address already exists.',
  'username-taken': 'This username is taken. Please choose another one.',
  'email-already-changed': 'Your email address has already been changed once; it cannot be changed again.',
  'same-password': 'The new password must be different from the current one.',
  'payload-too-large': 'The photo is too large. Choose an image of 2 MB or less.',
  'user-not-found': 'We could not find that user.',
  'post-not-found': 'This post does not exist any more.',
  'post-already-exists': 'A post with this title already exists. Choose another title.',
  'tag-length': 'Tags have 1–20 characters of a–z, 0–9 and dashes; a post has 1–5 of them.',
  'wrong-user': 'Only the author can do that.',
  'wrong-rate': 'That vote could not be counted. Please reload and try again.',
  'comment-doesnt-exist': 'This comment does not exist any more.',
  'no-crypto': 'We could not find that coin.',
  'market-not-synced': 'The market is loading — try again in a minute.',
  'invalid-token': 'Your session ended — please sign in again.',
  'corrupted-token': 'Your session ended — please sign in again.',
  'token-expired': 'Your session ended — please sign in again.',
  'session-has-expired': 'Your session ended — please sign in again.',
}

const GOOD_NEWS = new Set(['email-already-confirmed', 'email-change-confirmed'])

/** "Too many attempts — try again in N seconds" (or minutes when it is long). */
export function tooManyText(retryAfter: number | null | undefined): string {
  if (retryAfter === null || retryAfter === undefined || !Number.isFinite(retryAfter) || retryAfter <= 0) {
    return 'Too many attempts — please wait a little and try again.'
  }
  const seconds = Math.ceil(retryAfter)
  if (seconds < 120) return `Too many attempts — try again in ${seconds} second${seconds === 1 ? '' : 's'}.`
  const minutes = Math.ceil(seconds / 60)
  return `Too many attempts — try again in ${minutes} minutes.`
}

function apiText(error: ApiError): string | null {
  // The API's own `error` text is written for people; the client falls back
  // to the code when there is none, which we never show.
  return error.text && error.text !== error.code ? error.text : null
}

/**
 * Plain words for any failure. `overrides` lets a page word a code for its
 * context (e.g. `wrong-credentials` on a settings form means "wrong password").
 */
export function plainMessage(error: unknown, overrides: Record<string, string> = {}): PlainMessage {
  if (!(error instanceof ApiError)) {
    const text = error instanceof Error && error.message ? error.message : GENERIC
    return { code: 'unknown', text, tone: 'error' }
  }
  const { code } = error
  const tone: MessageTone = GOOD_NEWS.has(code) ? 'success' : 'error'
  if (overrides[code]) return { code, text: overrides[code], tone }
  if (code === 'too-many-requests' || error.status === 429) {
    return { code: 'too-many-requests', text: tooManyText(error.retryAfter), tone }
  }
  if (code === 'password-changed-recently') {
    const when = apiText(error)
    return {
      code,
      text: `You can change your password once every 24 hours.${when ? ` ${when}` : ''}`,
      tone,
    }
  }
  if (WORDS[code]) return { code, text: WORDS[code], tone }
  if (code === 'validation-error') return { code, text: apiText(error) ?? 'Please check the highlighted fields.', tone }
  if (code === 'bad-request')
    return { code, text: apiText(error) ?? 'That request could not be done. Please reload and try again.', tone }
  return { code, text: apiText(error) ?? error.text ?? GENERIC, tone }
}

/** Just the words. */
export function plainText(error: unknown, overrides?: Record<string, string>): string {
  return plainMessage(error, overrides).text
}

/** The code of an ApiError, else null. */
export function errorCode(error: unknown): string | null {
  return error instanceof ApiError ? error.code : null
}

/** Where a failure belongs on a form: a field, or the form as a whole. */
export interface PlacedError<F extends string> {
  field: F | null
  message: PlainMessage
}

/**
 * Puts an API failure next to the field it is about. `fields` maps codes to
 * field names; unmapped codes belong to the whole form.
 */
export function placeError<F extends string>(
  error: unknown,
  fields: Partial<Record<string, F>>,
  overrides?: Record<string, string>,
): PlacedError<F> {
  const message = plainMessage(error, overrides)
  const field = fields[message.code] ?? null
  return { field, message }
}
