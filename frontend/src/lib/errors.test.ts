import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/client'
import { placeError, plainMessage, plainText, tooManyText } from './errors'

const api = (status: number, code: string, text = code, retryAfter: number | null = null) =>
  new ApiError(status, code, text, retryAfter)

describe('plain words for API codes', () => {
  it.each([
    ['hash-not-found', 404, 'This link is invalid or has already been used.'],
    ['wrong-hash', 400, 'This link is invalid or has already been used.'],
    ['hash-expired', 400, 'This link has expired.'],
    ['wrong-2fa', 400, 'That code is not right. Check your authenticator app and try again.'],
    ['username-taken', 403, 'This username is taken. Please choose another one.'],
    ['payload-too-large', 413, 'The photo is too large. Choose an image of 2 MB or less.'],
    ['no-crypto', 404, 'We could not find that coin.'],
    ['market-not-synced', 503, 'The market is loading — try again in a minute.'],
  ])('%s', (code, status, words) => {
    expect(plainText(api(status, code, 'Some server text'))).toBe(words)
  })

  it('treats "already confirmed" as good news', () => {
    expect(plainMessage(api(403, 'email-already-confirmed'))).toEqual({
      code: 'email-already-confirmed',
      text: 'Your account is already confirmed — you can sign in.',
      tone: 'success',
    })
    expect(plainMessage(api(400, 'wrong-hash')).tone).toBe('error')
  })

  it('says when to retry after 429, from Retry-After', () => {
    expect(plainText(api(429, 'too-many-requests', 'Try later', 42))).toBe(
      'Too many attempts — try again in 42 seconds.',
    )
    expect(plainText(api(429, 'too-many-requests', 'Try later', 1))).toBe('Too many attempts — try again in 1 second.')
    expect(plainText(api(429, 'http-429', 'x', 600))).toBe('Too many attempts — try again in 10 minutes.')
    expect(plainText(api(429, 'too-many-requests'))).toMatch(/wait a little/)
    expect(tooManyText(0)).toMatch(/wait a little/)
  })

  it('keeps the API text for the 24-hour rule, which says when', () => {
    const text = plainText(api(400, 'password-changed-recently', 'You can change it again after 14:05.'))
    expect(text).toBe('You can change your password once every 24 hours. You can change it again after 14:05.')
  })

  it('shows the API text for validation errors and unknown codes, never a bare code', () => {
    expect(plainText(api(400, 'validation-error', 'Bio is too long'))).toBe('Bio is too long')
    expect(plainText(api(400, 'validation-error'))).toBe('Please check the highlighted fields.')
    expect(plainText(api(418, 'teapot', 'I am a teapot'))).toBe('I am a teapot')
    expect(plainText(new Error('boom'))).toBe('boom')
    expect(plainText('??')).toMatch(/went wrong/)
  })

  it('lets a page word a code for its context', () => {
    expect(plainText(api(403, 'wrong-credentials'), { 'wrong-credentials': 'That password is not right.' })).toBe(
      'That password is not right.',
    )
    expect(plainText(api(403, 'wrong-credentials'))).toBe('Wrong email or password.')
  })
})

describe('placeError', () => {
  it('puts a mapped code on its field and the rest on the form', () => {
    const fields = { 'username-taken': 'username' as const }
    expect(placeError(api(403, 'username-taken'), fields).field).toBe('username')
    const other = placeError(api(400, 'validation-error', 'Bad link'), fields)
    expect(other.field).toBeNull()
    expect(other.message.text).toBe('Bad link')
  })
})
