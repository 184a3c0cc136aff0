import type { ComponentProps } from 'react'
import ReactMarkdown, { type Components } from 'react-markdown'
import rehypeSanitize from 'rehype-sanitize'
import remarkGfm from 'remark-gfm'
import { SAFE_REL as rel, SafeLink } from './SafeLink'

/*
 * Markdown written by members, rendered safely:
 * - react-markdown builds React elements, never innerHTML, and by default
 *   leaves raw HTML out (`<script>`, `<img onerror>` never reach the DOM);
 * - its URL transform drops `javascript:`, `vbscript:` and `data:` links;
 * - rehype-sanitize (GitHub's allow-list) runs last, as a second fence;
 * - links get rel="nofollow noopener noreferrer" and open in a new tab.
 */

function SafeImage({ node: _node, src, alt, ...rest }: ComponentProps<'img'> & { node?: unknown }) {
  if (!src) return null
  return <img {...rest} src={src} alt={alt ?? ''} loading="lazy" referrerPolicy="no-referrer" />
}

const components: Components = { a: SafeLink, img: SafeImage }

/** Comments: the same fences, and headings and images shown as plain paragraphs/links. */
const commentComponents: Components = {
  ...components,
  h1: 'p',
  h2: 'p',
  h3: 'p',
  h4: 'p',
  h5: 'p',
  h6: 'p',
  img: ({ src, alt }) =>
    typeof src === 'string' && src ? (
      <a href={src} rel={rel} target="_blank">
        {alt || src}
      </a>
    ) : null,
}

export function Markdown({
  text,
  variant = 'post',
  testId,
}: {
  text: string
  variant?: 'post' | 'comment'
  testId?: string
}) {
  return (
    <div className={`markdown markdown-${variant}`} data-testid={testId}>
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[rehypeSanitize]}
        components={variant === 'comment' ? commentComponents : components}
      >
        {text}
      </ReactMarkdown>
    </div>
  )
}
