import { describe, expect, it } from 'vitest'
import { splitLinks, toInAppPath } from './links'
import { isPasswordValid, PASSWORD_RULES } from './password'
import { formatRelative, parseTime } from './time'

describe('toInAppPath', () => {
  const origin = 'http://localhost:8080'

  it('keeps same-origin links inside the app', () => {
    expect(toInAppPath('http://localhost:8080/account-confirmation/abc', origin)).toBe('/account-confirmation/abc')
    expect(toInAppPath('http://localhost:8080/sign-in?next=1#top', origin)).toBe('/sign-in?next=1#top')
  })

  it('treats localhost and 127.0.0.1 on the same port as the same app', () => {
    expect(toInAppPath('http://localhost:8080/account-confirmation/abc', 'http://127.0.0.1:8080')).toBe(
      '/account-confirmation/abc',
    )
  })

  it('leaves other sites, other ports, API links and odd schemes alone', () => {
    expect(toInAppPath('https://example.com/account-confirmation/abc', origin)).toBeNull()
    expect(toInAppPath('http://localhost:3000/account-confirmation/abc', origin)).toBeNull()
    expect(toInAppPath('http://localhost:8080/api/user/account-confirmation/abc', origin)).toBeNull()
    expect(toInAppPath('mailto:someone@example.com', origin)).toBeNull()
  })
})

describe('splitLinks', () => {
  it('finds links and keeps the text around them', () => {
    expect(splitLinks('Confirm: http://localhost:8080/account-confirmation/abc.\nThanks')).toEqual([
      { kind: 'text', value: 'Confirm: ' },
      { kind: 'link', value: 'http://localhost:8080/account-confirmation/abc' },
      { kind: 'text', value: '.\nThanks' },
    ])
  })

  it('returns plain text untouched', () => {
    expect(splitLinks('no links here')).toEqual([{ kind: 'text', value: 'no links here' }])
    expect(splitLinks('')).toEqual([])
  })
})

describe('password policy', () => {
  it('accepts a strong password', () => {
    expect(isPasswordValid('12qw!@QW')).toBe(true)
    expect(isPasswordValid('Str0ng-pass')).toBe(true)
  })

  it.each([
    ['short', 'Aa1!aaa'],
    ['no upper', 'aa1!aaaa'],
    ['no lower', 'AA1!AAAA'],
    ['no digit', 'Aaa!aaaa'],
    ['no special', 'Aaa1aaaa'],
  ])('rejects %s', (_name, password) => {
    expect(isPasswordValid(password)).toBe(false)
  })

  it('names every rule', () => {
    expect(PASSWORD_RULES.map((r) => r.id)).toEqual(['length', 'upper', 'lower', 'digit', 'special'])
  })
})

describe('time', () => {
  it('parses ISO text and epoch values', () => {
    expect(parseTime('2024-05-01T12:00:00Z')?.toISOString()).toBe('2024-05-01T12:00:00.000Z')
    expect(parseTime(1714564800000)?.toISOString()).toBe('2024-05-01T12:00:00.000Z')
    expect(parseTime(1714564800)?.toISOString()).toBe('2024-05-01T12:00:00.000Z')
    expect(parseTime('nonsense')).toBeNull()
    expect(parseTime(null)).toBeNull()
  })

  it('formats recent times relatively', () => {
    const now = Date.parse('2024-05-01T12:00:00Z')
    expect(formatRelative('2024-05-01T11:59:50Z', now)).toBe('just now')
    expect(formatRelative('2024-05-01T11:55:00Z', now)).toMatch(/5/)
  })
})
