import { Link, useLocation } from 'react-router'
import { useDocumentTitle } from '../lib/useDocumentTitle'

export function NotFoundPage() {
  const location = useLocation()
  useDocumentTitle('Page not found')
  return (
    <div className="container narrow center-page">
      <div className="card status-card">
        <p className="big-code" aria-hidden="true">
          404
        </p>
        <h1>Page not found</h1>
        <p className="muted">
          Nothing lives at <code className="break">{location.pathname}</code>. It may have moved, or the link is
          mistyped.
        </p>
        <div className="actions-row">
          <Link to="/" className="button button-primary">
            Back to home
          </Link>
        </div>
      </div>
    </div>
  )
}
