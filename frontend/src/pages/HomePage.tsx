import { Link } from 'react-router'
import { useAuth } from '../auth/AuthContext'
import { ChatIcon, MailIcon, ShieldIcon } from '../components/icons'
import { Alert } from '../components/ui'
import { useDocumentTitle } from '../lib/useDocumentTitle'

// Only what the app does today; posts and market rates get their cards when they ship.
const FEATURES = [
  {
    icon: <ChatIcon size={24} />,
    title: 'A profile of your own',
    text: 'Add a photo, a short bio and your links; every member has a public profile page.',
  },
  {
    icon: <ShieldIcon size={24} />,
    title: 'Two-step sign-in',
    text: 'Email-confirmed sign-up, and an optional second step with an authenticator app or an SMS code.',
  },
  {
    icon: <MailIcon size={24} />,
    title: 'Never locked out',
    text: 'Forgot your password? Reset it from a link by email or a code by SMS.',
  },
]

export function HomePage() {
  const { status, user, accountClosed: closed } = useAuth()
  useDocumentTitle('')

  return (
    <div className="home">
      {closed && (
        <div className="container home-notice">
          <Alert tone="success" title="Your account is closed">
            Your profile and data have been deleted and you are signed out everywhere. Thanks for being here.
          </Alert>
        </div>
      )}
      <section className="hero">
        <div className="container hero-inner">
          <div className="hero-copy">
            {status === 'authenticated' && user ? (
              <>
                <p className="eyebrow">Welcome back</p>
                <h1>
                  Good to see you, <span className="gradient-text">{user.username}</span>.
                </h1>
                <p className="lead">
                  Your account is ready. Posts and market rates are coming soon — until then, make your profile your
                  own and turn on two-step sign-in.
                </p>
                <div className="hero-actions">
                  <Link to="/account" className="button button-primary button-lg">
                    Go to your account
                  </Link>
                  <Link to="/settings?tab=security" className="button button-secondary button-lg">
                    Security settings
                  </Link>
                </div>
              </>
            ) : (
              <>
                <p className="eyebrow">The forum for crypto fans</p>
                <h1>
                  Talk crypto with people who <span className="gradient-text">get it</span>.
                </h1>
                <p className="lead">
                  Cryptotalks is a community for everyone curious about cryptocurrencies — from first wallet to
                  full node. Accounts and profiles are open today; posts and market rates are coming soon.
                </p>
                <div className="hero-actions">
                  <Link to="/sign-up" className="button button-primary button-lg">
                    Create a free account
                  </Link>
                  <Link to="/sign-in" className="button button-secondary button-lg">
                    Sign in
                  </Link>
                </div>
              </>
            )}
          </div>
          <div className="hero-art" aria-hidden="true">
            <div className="bubble bubble-a">
              <span className="coin coin-btc">B</span>
              <div>
                <strong>satoshi_fan</strong>
                <p>Joined Cryptotalks</p>
              </div>
            </div>
            <div className="bubble bubble-b">
              <span className="coin coin-eth">Ξ</span>
              <div>
                <strong>gasless</strong>
                <p>Turned on two-step sign-in</p>
              </div>
            </div>
            <div className="bubble bubble-c">
              <span className="coin coin-usd">$</span>
              <div>
                <strong>stable_steve</strong>
                <p>Updated profile photo</p>
              </div>
            </div>
          </div>
        </div>
      </section>

      <section className="container features" aria-label="What you get">
        {FEATURES.map((feature) => (
          <article key={feature.title} className="card feature">
            <span className="feature-icon" aria-hidden="true">
              {feature.icon}
            </span>
            <h2>{feature.title}</h2>
            <p className="muted">{feature.text}</p>
          </article>
        ))}
      </section>
    </div>
  )
}
