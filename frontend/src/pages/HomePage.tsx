import { Link, useSearchParams } from 'react-router'
import { useAuth } from '../auth/AuthContext'
import { ChartIcon, ChatIcon, ShieldIcon } from '../components/icons'
import { FollowingFeed } from '../components/FollowingFeed'
import { NoPosts, PostList } from '../components/posts'
import { Alert, LoadError } from '../components/ui'
import { PAGE_SIZE } from '../lib/posts'
import { usePostList } from '../lib/usePostList'
import { useDocumentTitle } from '../lib/useDocumentTitle'

const NEWEST = { page: 0, pageSize: PAGE_SIZE, sort: 'newest' } as const

type Tab = 'latest' | 'following'
const TABS: { id: Tab; label: string }[] = [
  { id: 'latest', label: 'Latest' },
  { id: 'following', label: 'Following' },
]

// Only what the app does today.
const FEATURES = [
  {
    icon: <ChatIcon size={24} />,
    title: 'Posts and discussion',
    text: 'Write posts in Markdown, tag them, vote on the best ones and talk it over in the comments.',
  },
  {
    icon: <ChartIcon size={24} />,
    title: 'The market',
    text: 'Prices, market caps and 24-hour moves of the top coins, with charts — star the coins you follow.',
  },
  {
    icon: <ChatIcon size={24} />,
    title: 'A profile of your own',
    text: 'Add a photo, a short bio and your links; follow the people and tags you like and read them under Following.',
  },
  {
    icon: <ShieldIcon size={24} />,
    title: 'Two-step sign-in',
    text: 'Email-confirmed sign-up, and an optional second step with an authenticator app or an SMS code.',
  },
]

export function HomePage() {
  const { status, user, accountClosed: closed } = useAuth()
  const [params, setParams] = useSearchParams()
  const signedIn = status === 'authenticated'
  const tab: Tab = signedIn && params.get('tab') === 'following' ? 'following' : 'latest'
  const newest = usePostList(NEWEST, { enabled: tab === 'latest' })
  useDocumentTitle('')

  function select(next: Tab) {
    setParams(next === 'following' ? { tab: 'following' } : {}, { replace: true })
  }

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
                  Share what you are reading, building or worried about — or catch up on the newest posts below.
                </p>
                <div className="hero-actions">
                  <Link to="/posts/new" className="button button-primary button-lg">
                    Write a post
                  </Link>
                  <Link to="/posts" className="button button-secondary button-lg">
                    Browse posts
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
                  Cryptotalks is a community for everyone curious about cryptocurrencies — from first wallet to full
                  node. Read the posts and follow the market, then join in to vote, comment and keep favourite coins.
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

      <section className="container home-posts" aria-labelledby="newest-heading">
        <div className="section-head">
          <h2 id="newest-heading">{tab === 'following' ? 'From people and tags you follow' : 'Newest posts'}</h2>
          <Link to="/posts" className="button button-ghost">
            All posts →
          </Link>
        </div>
        {signedIn && (
          <div className="tabs home-tabs" role="tablist" aria-label="Which posts">
            {TABS.map((t) => (
              <button
                key={t.id}
                id={`home-tab-${t.id}`}
                type="button"
                role="tab"
                className="tab"
                aria-selected={tab === t.id}
                aria-controls="home-panel"
                onClick={() => select(t.id)}
              >
                {t.label}
              </button>
            ))}
          </div>
        )}
        <div
          role={signedIn ? 'tabpanel' : undefined}
          id="home-panel"
          aria-labelledby={signedIn ? `home-tab-${tab}` : undefined}
        >
          {tab === 'following' ? (
            <FollowingFeed />
          ) : newest.error ? (
            <LoadError title="Could not load the posts" error={newest.error} onRetry={newest.retry} />
          ) : (
            <PostList
              posts={newest.posts}
              loading={newest.loading}
              empty={
                <NoPosts title="No posts yet">
                  <p className="muted">Be the first to start a conversation.</p>
                  {signedIn && (
                    <Link to="/posts/new" className="button button-primary">
                      Write the first post
                    </Link>
                  )}
                </NoPosts>
              }
            />
          )}
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
