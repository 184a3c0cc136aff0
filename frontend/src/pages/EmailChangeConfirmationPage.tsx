import { Link, useParams } from 'react-router'
import { useAuth } from '../auth/AuthContext'
import { ConfirmLink } from '../components/ConfirmLink'
import { useDocumentTitle } from '../lib/useDocumentTitle'

export function EmailChangeConfirmationPage() {
  const { hash = '' } = useParams()
  const { client, status } = useAuth()
  useDocumentTitle('Confirm your new email')
  const next = status === 'authenticated' ? '/account' : '/sign-in'
  const nextLabel = status === 'authenticated' ? 'Go to your account' : 'Sign in'

  return (
    <ConfirmLink
      cacheKey={`email:${hash}`}
      confirm={() => client.confirmEmailChange(hash)}
      // A signed-in tab picks up the new address with a refresh.
      onConfirmed={() => {
        if (client.hasToken) void client.refresh().catch(() => null)
      }}
      busyTitle="Confirming your new email…"
      success={{
        title: 'Your email is changed',
        text: 'From now on, sign in with your new email address.',
        actions: (
          <Link to={next} className="button button-primary button-lg">
            {nextLabel}
          </Link>
        ),
      }}
      goodNewsTitle="Already done"
      failureTitle="We could not change your email"
      actions={(code) =>
        code === 'hash-expired' || code === 'user-already-exists' ? (
          <Link to="/settings?tab=security" className="button button-primary">
            Try again in settings
          </Link>
        ) : (
          <Link to={next} className="button button-primary">
            {nextLabel}
          </Link>
        )
      }
    />
  )
}
