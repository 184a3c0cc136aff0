import { useState } from 'react'
import { useAuth } from '../auth/AuthContext'

export function initials(person: { username: string; firstName?: string | null; lastName?: string | null }): string {
  const first = person.firstName?.trim()
  const last = person.lastName?.trim()
  if (first && last) return (first[0] + last[0]).toUpperCase()
  return (first?.[0] ?? person.username.slice(0, 1)).toUpperCase()
}

/**
 * The profile photo from `/api/user/photo/{username}`, or the person's
 * initials when there is none (or it fails to load).
 */
export function Avatar({
  person,
  size = 'sm',
  src,
}: {
  person: { username: string; firstName?: string | null; lastName?: string | null; isProfilePicPresent?: boolean }
  size?: 'sm' | 'md' | 'lg'
  /** Shows this image instead (a preview before upload). */
  src?: string
}) {
  const { client, photoVersion } = useAuth()
  const url = src ?? (person.isProfilePicPresent ? client.photoUrl(person.username, photoVersion || undefined) : null)
  const [failed, setFailed] = useState<string | null>(null)
  if (url && failed !== url) {
    return (
      <img
        className={`avatar avatar-${size} avatar-img`}
        src={url}
        alt=""
        data-testid="avatar-photo"
        onError={() => setFailed(url)}
      />
    )
  }
  return (
    <span className={`avatar avatar-${size}`} aria-hidden="true" data-testid="avatar-initials">
      {initials(person)}
    </span>
  )
}
