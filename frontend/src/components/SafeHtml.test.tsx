// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { SafeHtml } from './SafeHtml'

afterEach(() => cleanup())

function renderHtml(html: string) {
  render(<SafeHtml html={html} testId="html" />)
  return screen.getByTestId('html')
}

describe('SafeHtml', () => {
  it('keeps basic formatting and links, with a safe rel and a new tab', () => {
    const box = renderHtml(
      '<p>Bitcoin by <strong>Satoshi</strong>, see <a href="https://bitcoin.org/bitcoin.pdf">the paper</a>.</p>',
    )
    expect(box.querySelector('p strong')?.textContent).toBe('Satoshi')
    const link = box.querySelector('a')!
    expect(link.getAttribute('href')).toBe('https://bitcoin.org/bitcoin.pdf')
    expect(link.getAttribute('rel')).toBe('nofollow noopener noreferrer')
    expect(link.getAttribute('target')).toBe('_blank')
  })

  it('drops scripts, styles, frames, images, event handlers and javascript: links', () => {
    const box = renderHtml(
      [
        '<p onclick="alert(1)" style="color:red">Text</p>',
        '<script>alert("s")</script>',
        '<style>p { display: none }</style>',
        '<img src="x" onerror="alert(2)">',
        '<iframe src="javascript:alert(3)"></iframe>',
        '<svg onload="alert(4)"><circle /></svg>',
        '<a href="javascript:alert(5)">bad link</a>',
        '<a href="https://ok.example" onmouseover="alert(6)">good link</a>',
      ].join(''),
    )
    expect(box.querySelector('script, style, img, iframe, svg')).toBeNull()
    expect(box.querySelector('[onclick], [onerror], [onload], [onmouseover], [style]')).toBeNull()
    expect(box.textContent).not.toContain('alert')
    expect(box.textContent).not.toContain('display')
    // The bad link keeps its words but loses its address.
    expect(screen.getByText('bad link').closest('a')).toBeNull()
    expect(screen.getByText('good link').closest('a')?.getAttribute('href')).toBe('https://ok.example')
  })

  it('shows plain text as it is', () => {
    const box = renderHtml('Ethereum is a programmable blockchain.\n\nIt has smart contracts & <b>ether</b>.')
    expect(box.textContent).toBe('Ethereum is a programmable blockchain.\n\nIt has smart contracts & ether.')
    expect(box.querySelector('b')?.textContent).toBe('ether')
  })
})
