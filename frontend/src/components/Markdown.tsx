import { useMemo, type ComponentProps } from 'react'
import ReactMarkdown, { type Components, type Options } from 'react-markdown'
import { Link } from 'react-router'
import rehypeSanitize from 'rehype-sanitize'
import remarkGfm from 'remark-gfm'
import { NO_REFERENCES, type References } from '../lib/references'
import { rehypeReferences } from './rehypeReferences'
import { SAFE_REL as rel, SafeLink } from './SafeLink'

/*
 * Markdown written by members, rendered safely:
 * - react-markdown builds React elements, never innerHTML, and by default
 *   leaves raw HTML out (`<script>`, `<img onerror>` never reach the DOM);
 * - its URL transform drops `javascript:`, `vbscript:` and `data:` links;
 * - rehype-sanitize (GitHub's allow-list) runs last, as a second fence;
 * - links get rel="nofollow noopener noreferrer" and open in a new tab;
 * - after that, `@name` of an existing user and `$SYM` of a known coin (`references`, from the API) become in-app
 *   links (rehypeReferences: hast elements, never HTML strings; code and existing links are left alone).
 */

function SafeImage({ node: _node, src, alt, ...rest }: ComponentProps<'img'> & { node?: unknown }) {
  if (!src) return null
  return <img {...rest} src={src} alt={alt ?? ''} loading="lazy" referrerPolicy="no-referrer" />
}

/** A link of the text, or an in-app one that rehypeReferences made (a mention, a cashtag). */
function TextLink(props: ComponentProps<'a'> & { node?: unknown; 'data-reference'?: string }) {
  const { node: _node, 'data-reference': reference, href, children, ...rest } = props
  if (reference && href?.startsWith('/')) {
    return (
      <Link to={href} className={`reference reference-${reference}`}>
        {children}
      </Link>
    )
  }
  return (
    <SafeLink {...rest} href={href}>
      {children}
    </SafeLink>
  )
}

const components: Components = { a: TextLink, img: SafeImage }

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
  references = NO_REFERENCES,
}: {
  text: string
  variant?: 'post' | 'comment'
  testId?: string
  /** Which `@names` and `$SYMBOLS` exist (none: all stay text). */
  references?: References
}) {
  const rehypePlugins = useMemo<Options['rehypePlugins']>(
    () => [rehypeSanitize, [rehypeReferences, references]],
    [references],
  )
  return (
    <div className={`markdown markdown-${variant}`} data-testid={testId}>
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={rehypePlugins}
        components={variant === 'comment' ? commentComponents : components}
      >
        {text}
      </ReactMarkdown>
    </div>
  )
}
