import { describe, expect, it } from 'vitest'
import { groupSecret } from '../pages/settings/TwoFactorSection'
import { nextPasswordChange } from '../pages/settings/ChangePasswordForm'
import { validatePersonal } from '../pages/settings/PersonalForm'
import {
  formatBytes,
  isHttpUrl,
  isPhone,
  normalizeCode,
  normalizePhone,
  photoProblem,
  PHOTO_MAX_BYTES,
} from './validation'

describe('links', () => {
  it('accepts empty and http(s) addresses only', () => {
    expect(isHttpUrl('')).toBe(true)
    expect(isHttpUrl('https://example.com')).toBe(true)
    expect(isHttpUrl('http://my.site.org/path?q=1')).toBe(true)
    expect(isHttpUrl('javascript:alert(1)')).toBe(false)
    expect(isHttpUrl('ftp://example.com')).toBe(false)
    expect(isHttpUrl('example.com')).toBe(false)
    expect(isHttpUrl('https://localhost')).toBe(false)
    expect(isHttpUrl('https://exa mple.com')).toBe(false)
  })

  it('checks every link and the username of the personal form', () => {
    const form = {
      username: 'ok_name',
      firstName: '',
      lastName: '',
      title: '',
      bio: '',
      twitter: 'twitter.com/me',
      linkedIn: 'https://www.linkedin.com/in/me',
      personalWebsite: 'javascript:void(0)',
      publicEmail: false,
    }
    expect(validatePersonal(form)).toEqual({
      twitter: 'Enter a full web address starting with http:// or https://',
      personalWebsite: 'Enter a full web address starting with http:// or https://',
    })
    expect(validatePersonal({ ...form, username: 'a b', twitter: '', personalWebsite: '' })).toEqual({
      username: 'Use 3 to 30 letters, digits, "_", "." or "-".',
    })
  })
})

describe('phones and codes', () => {
  it('normalises what people type', () => {
    expect(normalizePhone('+48 123-456 (789)')).toBe('+48123456789')
    expect(isPhone('+48 123 456 789')).toBe(true)
    expect(isPhone('123456789')).toBe(false)
    expect(isPhone('+0123456789')).toBe(false)
    expect(normalizeCode(' 123 456 ')).toBe('123456')
  })

  it('groups an authenticator secret by four', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP')
    expect(groupSecret('ABCDE')).toBe('ABCD E')
  })
})

describe('photos', () => {
  it('takes PNG, JPEG and WebP up to 2 MB', () => {
    expect(photoProblem({ type: 'image/png', size: 1000 })).toBeNull()
    expect(photoProblem({ type: 'image/webp', size: PHOTO_MAX_BYTES })).toBeNull()
    expect(photoProblem({ type: 'image/gif', size: 1000 })).toBe('Choose a PNG, JPEG or WebP image.')
    expect(photoProblem({ type: 'image/jpeg', size: PHOTO_MAX_BYTES + 1 })).toBe(
      'This image is 2.0 MB; the limit is 2 MB.',
    )
    expect(photoProblem({ type: 'image/jpeg', size: 0 })).toBe('This file is empty.')
    expect(formatBytes(2048)).toBe('2 KB')
  })
})

describe('the 24-hour password rule', () => {
  it('says when the next change is allowed', () => {
    const now = Date.parse('2024-05-02T10:00:00Z')
    expect(nextPasswordChange('2024-05-02T09:00:00Z', now)?.toISOString()).toBe('2024-05-03T09:00:00.000Z')
    expect(nextPasswordChange('2024-05-01T09:00:00Z', now)).toBeNull()
    expect(nextPasswordChange(null, now)).toBeNull()
  })
})
