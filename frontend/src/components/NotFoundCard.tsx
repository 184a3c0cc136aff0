import type { ReactNode } from 'react'

/** The 404 card of a page whose thing is not there: a title, why, and the ways on (links as children). */
export function NotFoundCard({
  testId,
  title,
  reason,
  children,
}: {
  testId: string
  title: string
  reason: string
  children: ReactNode
}) {
  return (
    <div className="container narrow center-page">
      <div className="card status-card" data-testid={testId}>
        <p className="big-code" aria-hidden="true">
          404
        </p>
        <h1>{title}</h1>
        <p className="muted">{reason}</p>
        <div className="actions-row">{children}</div>
      </div>
    </div>
  )
}
