import { Link } from 'react-router'
import { useAuth } from '../auth/AuthContext'
import { ChartIcon, ChatIcon, ShieldIcon } from '../components/icons'
import { useDocumentTitle } from '../lib/useDocumentTitle'

const FEATURES = [
  {
    icon: <ChatIcon size={24} />,
    title: 'Real discussions',
    text: 'Share analysis, ask questions and argue (politely) about coins, chains and everything in between.',
  },
  {
    icon: <ChartIcon size={24} />,
    title: 'Market at a glance',
    text: 'Follow live crypto rates right next to the conversation, so context is never a tab away.',
  },
  {
    icon: <ShieldIcon size={24} />,
    title: 'Accounts you can trust',
    text: 'Email-confirmed sign-up and optional two-factor sign-in with an authenticator app or SMS.',
  },
]

export function HomePage() {
  const { status, user } = useAuth()
  useDocumentTitle('')

  return (
    <div className="home">
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
                  Your account is ready. Posts and market rates are on their way — check your profile in the
                  meantime.
                </p>
                <div className="hero-actions">
                  <Link to="/account" className="button button-primary button-lg">
                    Go to your account
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
                  full node. Post ideas, follow the market and learn from each other.
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
                <p>Halving math says… patience.</p>
              </div>
            </div>
            <div className="bubble bubble-b">
              <span className="coin coin-eth">Ξ</span>
              <div>
                <strong>gasless</strong>
                <p>L2 fees are finally tiny.</p>
              </div>
            </div>
            <div className="bubble bubble-c">
              <span className="coin coin-usd">$</span>
              <div>
                <strong>stable_steve</strong>
                <p>Anyone tried the new DEX?</p>
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
