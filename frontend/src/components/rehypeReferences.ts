import type { Element, ElementContent, Root, RootContent } from 'hast'
import { coinPath, splitReferences, userPath, type References } from '../lib/references'

/** Where a mention or cashtag is never a link: inside a link already (URLs included) and in code. */
const LEAVE_ALONE = new Set(['a', 'code', 'pre', 'kbd', 'samp'])

/**
 * A rehype plugin: in the text of the rendered Markdown, `@name` of an existing user and `$SYM` of a known coin
 * become in-app links (elements built here, never HTML strings), marked `data-reference` for the `a` renderer.
 * It runs after rehype-sanitize: the members' Markdown is cleaned first, and what this adds is an `a` with an
 * href made of an encoded name or uuid the API vouched for.
 */
export function rehypeReferences(references: References) {
  return (tree: Root) => {
    if (references.users.length === 0 && Object.keys(references.coins).length === 0) return
    rewrite(tree, references)
  }
}

function rewrite(parent: Root | Element, references: References) {
  const children: (RootContent | ElementContent)[] = []
  for (const child of parent.children) {
    if (child.type === 'text') {
      children.push(...linked(child.value, references))
    } else {
      if (child.type === 'element' && !LEAVE_ALONE.has(child.tagName)) rewrite(child, references)
      children.push(child)
    }
  }
  parent.children = children as typeof parent.children
}

function linked(text: string, references: References): ElementContent[] {
  return splitReferences(text, references).map((part): ElementContent => {
    if (part.kind === 'text') return { type: 'text', value: part.value }
    const user = part.kind === 'user'
    return {
      type: 'element',
      tagName: 'a',
      properties: {
        href: user ? userPath(part.username) : coinPath(part.uuid),
        dataReference: user ? 'user' : 'coin',
      },
      children: [{ type: 'text', value: part.value }],
    }
  })
}
