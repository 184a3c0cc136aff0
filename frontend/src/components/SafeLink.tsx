import type { ComponentProps } from 'react'

/** What links written by others (posts, comments, coin descriptions) carry. */
export const SAFE_REL = 'nofollow noopener noreferrer'

/** A link from untrusted text: no `href` means plain text; http(s) and mailto open in a new tab. */
export function SafeLink({ node: _node, href, children, ...rest }: ComponentProps<'a'> & { node?: unknown }) {
  if (!href) return <span>{children}</span>
  const external = /^(https?:|mailto:)/i.test(href)
  return (
    <a {...rest} href={href} rel={SAFE_REL} target={external ? '_blank' : undefined}>
      {children}
    </a>
  )
}
