/** Client-side checks that mirror the API's rules (the API checks again). */

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** The gateway's username rule: usernames appear in profile URLs. */
export const USERNAME = /^[A-Za-z0-9_.-]{3,30}$/

/** E.164: a plus, a country code and up to 15 digits in all. */
export const PHONE = /^\+[1-9]\d{6,14}$/

export const SIX_DIGITS = /^\d{6}$/

export function isEmail(value: string): boolean {
  return EMAIL.test(value.trim())
}

export function isUsername(value: string): boolean {
  return USERNAME.test(value.trim())
}

/** Spaces, dashes, dots and brackets people type are dropped: "+48 123-456 789" → "+48123456789". */
export function normalizePhone(value: string): string {
  return value.replace(/[\s().-]/g, '')
}

export function isPhone(value: string): boolean {
  return PHONE.test(normalizePhone(value))
}

/** Authenticator codes are six digits; people paste them with a space in the middle. */
export function normalizeCode(value: string): string {
  return value.replace(/\s/g, '')
}

/** Empty is fine (the field is optional); otherwise an absolute http(s) URL with a host. */
export function isHttpUrl(value: string): boolean {
  const text = value.trim()
  if (!text) return true
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return false
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.') && !/\s/.test(text)
}

export const PHOTO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024

/** Why a chosen file cannot be a profile photo, or null when it can. */
export function photoProblem(file: { type: string; size: number }): string | null {
  if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) return 'Choose a PNG, JPEG or WebP image.'
  if (file.size > PHOTO_MAX_BYTES) return `This image is ${formatBytes(file.size)}; the limit is 2 MB.`
  if (file.size === 0) return 'This file is empty.'
  return null
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}
