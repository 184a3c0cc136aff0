// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { Markdown } from './Markdown'

afterEach(() => cleanup())

const PAYLOADS = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '[click me](javascript:window.__pwned=1)',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<a href="javascript:alert(1)">raw link</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<svg onload="alert(1)"></svg>',
  '![x](javascript:alert(1))',
  '<div style="position:fixed" onclick="alert(1)">x</div>',
].join('\n\n')

/** Nothing in `root` can run script: no script/iframe/svg/object, no on* attributes, no script URLs. */
function expectInert(root: HTMLElement) {
  expect(root.querySelectorAll('script, iframe, object, embed, svg, style, form, input').length).toBe(0)
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      expect(attr.name.startsWith('on'), `${el.tagName} has ${attr.name}`).toBe(false)
      expect(attr.name).not.toBe('style')
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attr.name)) {
        expect(attr.value.trim().toLowerCase()).not.toMatch(/^(javascript|vbscript|data):/)
      }
    }
  }
}

describe('Markdown safety', () => {
  for (const variant of ['post', 'comment'] as const) {
    it(`renders script, onerror images and javascript: links inertly in a ${variant}`, () => {
      const { container } = render(<Markdown text={PAYLOADS} variant={variant} />)
      expectInert(container)
      // Raw HTML is left out; the script-URL links lose their href and stay as words.
      expect(container.textContent).not.toContain('__pwned')
      expect(container.textContent).toContain('click me')
      expect(container.querySelector('img[onerror]')).toBeNull()
      expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined()
    })
  }

  it('keeps ordinary Markdown and gives links rel="nofollow noopener noreferrer"', () => {
    const { container } = render(
      <Markdown
        text={'# Title\n\n**bold** and [a link](https://bitcoin.org) and `code`\n\n| a | b |\n|---|---|\n| 1 | 2 |'}
      />,
    )
    expect(container.querySelector('h1')?.textContent).toBe('Title')
    expect(container.querySelector('strong')?.textContent).toBe('bold')
    expect(container.querySelector('table')).not.toBeNull()
    const link = container.querySelector('a')!
    expect(link.getAttribute('href')).toBe('https://bitcoin.org')
    expect(link.getAttribute('rel')).toBe('nofollow noopener noreferrer')
    expect(link.getAttribute('target')).toBe('_blank')
  })

  it('shows headings and images in comments as plain paragraphs and links', () => {
    const { container } = render(<Markdown text={'# Loud\n\n![pic](https://example.com/a.png)'} variant="comment" />)
    expect(container.querySelector('h1')).toBeNull()
    expect(container.querySelector('img')).toBeNull()
    expect(container.querySelector('a')?.getAttribute('rel')).toBe('nofollow noopener noreferrer')
  })
})
