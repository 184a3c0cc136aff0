import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { api as defaultClient, type ApiClient, type SignInInput, type SignInResult, type User } from '../api/client'

export type AuthStatus = 'loading' | 'anonymous' | 'authenticated'

export interface AuthValue {
  status: AuthStatus
  user: User | null
  /** True after the person signed out on purpose (until the next sign-in). */
  signedOut: boolean
  /** True when a session this browser had was ended by the server (refresh answered 401). */
  sessionEnded: boolean
  /** True right after this person closed their account here. */
  accountClosed: boolean
  /** Bumped after a new profile photo, so every `<img>` of it reloads. */
  photoVersion: number
  client: ApiClient
  signIn: (input: SignInInput) => Promise<SignInResult>
  signOut: () => Promise<void>
  /** Patches the signed-in user after a settings change. */
  updateUser: (patch: Partial<User>) => void
  photoChanged: () => void
}

const AuthContext = createContext<AuthValue | null>(null)

export function AuthProvider({ children, client = defaultClient }: { children: ReactNode; client?: ApiClient }) {
  const [user, setUser] = useState<User | null>(null)
  const [status, setStatus] = useState<AuthStatus>('loading')
  const [signedOut, setSignedOut] = useState(false)
  const [sessionEnded, setSessionEnded] = useState(false)
  const [photoVersion, setPhotoVersion] = useState(0)
  const [accountClosed, setAccountClosed] = useState(false)

  useEffect(() => {
    let active = true
    const unsubscribe = client.subscribe((next, reason) => {
      if (!active) return
      setUser(next)
      setStatus(next ? 'authenticated' : 'anonymous')
      if (next) {
        setSignedOut(false)
        setSessionEnded(false)
        setAccountClosed(false)
      } else if (reason === 'ended') {
        setSessionEnded(true)
      } else if (reason === 'signed-out' || reason === 'closed') {
        setSignedOut(true)
        if (reason === 'closed') setAccountClosed(true)
      }
    })
    const stopListening = client.listenToOtherTabs()
    // Restore the session from the refresh cookie; 401 just means anonymous.
    void client.restoreSession().then((restored) => {
      if (!active) return
      setStatus((current) => (current === 'loading' ? (restored ? 'authenticated' : 'anonymous') : current))
      if (restored) setUser((current) => current ?? restored)
    })
    return () => {
      active = false
      unsubscribe()
      stopListening()
    }
  }, [client])

  const signIn = useCallback((input: SignInInput) => client.signIn(input), [client])

  const signOut = useCallback(async () => {
    setSignedOut(true)
    try {
      await client.logout()
    } catch {
      // The local session is gone either way.
    }
  }, [client])

  const updateUser = useCallback((patch: Partial<User>) => {
    setUser((current) => (current ? { ...current, ...patch } : current))
  }, [])

  const photoChanged = useCallback(() => {
    setPhotoVersion(Date.now())
    setUser((current) => (current ? { ...current, isProfilePicPresent: true } : current))
  }, [])

  const value = useMemo<AuthValue>(
    () => ({
      status,
      user,
      signedOut,
      sessionEnded,
      accountClosed,
      photoVersion,
      client,
      signIn,
      signOut,
      updateUser,
      photoChanged,
    }),
    [
      status,
      user,
      signedOut,
      sessionEnded,
      accountClosed,
      photoVersion,
      client,
      signIn,
      signOut,
      updateUser,
      photoChanged,
    ],
  )
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext)
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>')
  return value
}
