import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { useAuth } from '../auth/AuthContext'
import { PageLoading } from './ui'

export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, signedOut, sessionEnded } = useAuth()
  const location = useLocation()
  if (status === 'loading') return <PageLoading label="Checking your session…" />
  if (status === 'anonymous') {
    // Signing out on a protected page leads home, not to the sign-in form.
    if (signedOut && !sessionEnded) return <Navigate to="/" replace />
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />
  }
  return <>{children}</>
}
