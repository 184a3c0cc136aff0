import { lazy, Suspense, type ComponentProps } from 'react'

// The Markdown renderer (react-markdown, remark-gfm, rehype-sanitize) is the
// biggest part of the app; only the post page and the editor load it.
const Markdown = lazy(() => import('./Markdown').then((m) => ({ default: m.Markdown })))

export function LazyMarkdown(props: ComponentProps<typeof Markdown>) {
  return (
    <Suspense fallback={<span className="skeleton skeleton-line" aria-label="Loading…" />}>
      <Markdown {...props} />
    </Suspense>
  )
}
