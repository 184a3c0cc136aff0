import { Link, useParams } from 'react-router'
import { useAuth } from '../auth/AuthContext'
import { ConfirmLink } from '../components/ConfirmLink'
import { useDocumentTitle } from '../lib/useDocumentTitle'

export function AccountConfirmationPage() {
  const { hash = '' } = useParams()
  const { client } = useAuth()
  useDocumentTitle('Confirm your account')

  return (
    <ConfirmLink
      cacheKey={`account:${hash}`}
      confirm={() => client.confirmAccount(hash)}
      busyTitle="Confirming your account…"
      success={{
        title: 'Your account is confirmed',
        text: 'Welcome to Cryptotalks! You can sign in now.',
        actions: (
          <Link to="/sign-in" className="button button-primary button-lg">
            Sign in
          </Link>
        ),
      }}
      goodNewsTitle="Already confirmed"
      failureTitle="We could not confirm your account"
      actions={(code) =>
        code === 'email-already-confirmed' ? (
          <Link to="/sign-in" className="button button-primary">
            Sign in
          </Link>
        ) : code === 'hash-expired' ? (
          <>
            <Link to="/sign-in" className="button button-primary">
              Sign in to get a new link
            </Link>
            <Link to="/sign-up" className="button button-secondary">
              Sign up again
            </Link>
          </>
        ) : (
          <Link to="/" className="button button-primary">
            Back to home
          </Link>
        )
      }
    />
  )
}
