import type { Element as HastElement, ElementContent, Properties, Root } from 'hast'
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize'
import { toJsxRuntime } from 'hast-util-to-jsx-runtime'
import { find, html as htmlInfo } from 'property-information'
import { useMemo } from 'react'
import { Fragment, jsx, jsxs } from 'react/jsx-runtime'
import { SafeLink } from './SafeLink'

/*
 * HTML from elsewhere (a coin's description), rendered safely. The server
 * already cleans it (jsoup's basic allow-list); here it is cleaned again:
 * - it is parsed with DOMParser into an inert document (no script runs, no
 *   image loads) and turned into a syntax tree, never into live DOM;
 * - the Markdown renderer's sanitiser (hast-util-sanitize, the core of
 *   rehype-sanitize, GitHub's schema) keeps only the tags of jsoup's basic
 *   list, drops event handlers, styles and `javascript:` links;
 * - React builds the elements (no innerHTML), links get
 *   rel="nofollow noopener noreferrer" and open in a new tab.
 */

const BASIC_TAGS = [
  'a',
  'b',
  'blockquote',
  'br',
  'cite',
  'code',
  'dd',
  'dl',
  'dt',
  'em',
  'i',
  'li',
  'ol',
  'p',
  'pre',
  'q',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'u',
  'ul',
  's',
  'del',
]

const schema: Schema = {
  ...defaultSchema,
  tagNames: BASIC_TAGS,
  // Dropped with their content (other unknown tags keep only their text).
  strip: [
    'script',
    'style',
    'iframe',
    'noscript',
    'template',
    'object',
    'embed',
    'svg',
    'math',
    'textarea',
    'select',
    'title',
  ],
}

function propertiesOf(element: globalThis.Element): Properties {
  const properties: Properties = {}
  for (const attribute of Array.from(element.attributes)) {
    const info = find(htmlInfo, attribute.name)
    const value = attribute.value
    properties[info.property] = info.boolean
      ? true
      : info.spaceSeparated
        ? value.split(/\s+/).filter(Boolean)
        : info.commaSeparated
          ? value.split(',').map((part) => part.trim())
          : value
  }
  return properties
}

function toHast(node: Node): ElementContent | null {
  if (node.nodeType === Node.TEXT_NODE) return { type: 'text', value: node.textContent ?? '' }
  if (node.nodeType !== Node.ELEMENT_NODE) return null
  const element = node as globalThis.Element
  const result: HastElement = {
    type: 'element',
    tagName: element.tagName.toLowerCase(),
    properties: propertiesOf(element),
    children: [],
  }
  for (const child of Array.from(element.childNodes)) {
    const converted = toHast(child)
    if (converted) result.children.push(converted)
  }
  return result
}

/** Parses and sanitises HTML into a syntax tree with only allowed tags and attributes. */
export function sanitizeHtml(html: string): Root {
  const document = new DOMParser().parseFromString(html, 'text/html')
  const tree: Root = { type: 'root', children: [] }
  for (const child of Array.from(document.body.childNodes)) {
    const converted = toHast(child)
    if (converted) tree.children.push(converted)
  }
  return sanitize(tree, schema) as Root
}

export function SafeHtml({ html, className, testId }: { html: string; className?: string; testId?: string }) {
  const content = useMemo(
    () => toJsxRuntime(sanitizeHtml(html), { Fragment, jsx, jsxs, components: { a: SafeLink } }),
    [html],
  )
  return (
    <div className={className} data-testid={testId}>
      {content}
    </div>
  )
}
