import { useEffect, useState } from 'react'
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router'
import { useAuth } from '../auth/AuthContext'
import { useTheme } from '../theme/theme'
import { Avatar } from './Avatar'
import { Logo } from './Logo'
import { NotificationBell, NotificationsProvider } from './Notifications'
import { SecondFactorProvider } from './SecondFactor'
import { useOnChange } from '../lib/useOnChange'

function ThemeToggle() {
  const { theme, toggle } = useTheme()
  const next = theme === 'dark' ? 'light' : 'dark'
  return (
    <button
      type="button"
      className="icon-button theme-toggle"
      onClick={toggle}
      aria-label={`Switch to ${next} theme`}
      title={`Switch to ${next} theme`}
    >
      {theme === 'dark' ? (
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <circle cx="12" cy="12" r="4.5" fill="currentColor" />
          <g stroke="currentColor" strokeWidth="2" strokeLinecap="round">
            <path d="M12 2v2M12 20v2M2 12h2M20 12h2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
          </g>
        </svg>
      ) : (
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path d="M20.5 14.5A8.5 8.5 0 0 1 9.5 3.5a8.5 8.5 0 1 0 11 11Z" fill="currentColor" />
        </svg>
      )}
    </button>
  )
}

function Header() {
  const { status, user, signOut } = useAuth()
  const [open, setOpen] = useState(false)
  const [signingOut, setSigningOut] = useState(false)
  const location = useLocation()
  const navigate = useNavigate()

  // Close the phone menu whenever the page changes.
  useOnChange([location.pathname], () => setOpen(false))

  useEffect(() => {
    if (!open) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [open])

  async function handleSignOut() {
    setSigningOut(true)
    try {
      await signOut()
    } finally {
      setSigningOut(false)
      setOpen(false)
      navigate('/')
    }
  }

  return (
    <header className="site-header">
      <div className="container header-inner">
        <Link to="/" className="brand" aria-label="Cryptotalks home">
          <Logo />
          <span className="brand-name">
            Crypto<span className="brand-accent">talks</span>
          </span>
        </Link>

        <div className={`header-menu${open ? ' is-open' : ''}`} id="site-menu">
          <nav aria-label="Main" className="main-nav">
            <NavLink to="/" end>
              Home
            </NavLink>
            <NavLink to="/posts">Posts</NavLink>
            <NavLink to="/market">Market</NavLink>
            {status === 'authenticated' && <NavLink to="/account">Account</NavLink>}
            {status === 'authenticated' && <NavLink to="/settings">Settings</NavLink>}
          </nav>

          <div className="header-auth">
            {status === 'loading' && <span className="skeleton skeleton-pill" aria-label="Checking your session" />}
            {status === 'authenticated' && user && (
              <>
                <Link to="/posts/new" className="button button-primary write-button">
                  <span aria-hidden="true">✎</span> Write
                </Link>
                <Link to="/account" className="user-chip" title="Your account">
                  <Avatar person={user} size="sm" />
                  <span className="user-chip-name" data-testid="header-username">
                    {user.username}
                  </span>
                </Link>
                <button type="button" className="button button-ghost" onClick={handleSignOut} disabled={signingOut}>
                  {signingOut ? 'Signing out…' : 'Sign out'}
                </button>
              </>
            )}
            {status === 'anonymous' && (
              <>
                <Link to="/sign-in" className="button button-ghost">
                  Sign in
                </Link>
                <Link to="/sign-up" className="button button-primary">
                  Sign up
                </Link>
              </>
            )}
          </div>
        </div>

        {open && <div className="menu-scrim" aria-hidden="true" onClick={() => setOpen(false)} />}

        <div className="header-tools">
          {status === 'authenticated' && <NotificationBell />}
          <ThemeToggle />
          <button
            type="button"
            className="icon-button menu-toggle"
            aria-expanded={open}
            aria-controls="site-menu"
            aria-label={open ? 'Close menu' : 'Open menu'}
            onClick={() => setOpen((value) => !value)}
          >
            <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
              <g stroke="currentColor" strokeWidth="2" strokeLinecap="round">
                {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
              </g>
            </svg>
          </button>
        </div>
      </div>
    </header>
  )
}

export function Layout() {
  return (
    <SecondFactorProvider>
      <NotificationsProvider>
        <div className="app-shell">
          <a href="#main" className="skip-link">
            Skip to content
          </a>
          <Header />
          <main id="main" className="site-main">
            <Outlet />
          </main>
          <footer className="site-footer">
            <div className="container footer-inner">
              <span>© {new Date().getFullYear()} Cryptotalks</span>
              <span className="muted">Conversations, not financial advice.</span>
            </div>
          </footer>
        </div>
      </NotificationsProvider>
    </SecondFactorProvider>
  )
}
