// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it } from 'vitest'
import type { CashtagQuote } from '../api/client'
import { splitReferences, type References } from '../lib/references'
import { CashtagChips } from './CashtagChips'
import { Markdown } from './Markdown'

afterEach(() => cleanup())

const references: References = { users: ['alice', 'bob-'], coins: { BTC: 'Qwsogvtv82FCd', '1INCH': 'inch-uuid' } }

function markdown(text: string, variant: 'post' | 'comment' = 'post') {
  return render(
    <MemoryRouter>
      <Markdown text={text} variant={variant} references={references} />
    </MemoryRouter>,
  ).container
}

const links = (root: HTMLElement) =>
  [...root.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')] as const)

describe('mention and cashtag links', () => {
  it('links only existing users and known coins; the rest stays text', () => {
    const root = markdown('Hi @Alice and @ghost, buy $BTC not $NOPE, $1INCH too; it costs $5 or US$5, $btc is no tag')
    expect(links(root)).toEqual([
      ['@Alice', '/user/Alice'],
      ['$BTC', '/market/Qwsogvtv82FCd'],
      ['$1INCH', '/market/inch-uuid'],
    ])
    expect(root.textContent).toContain('@ghost')
    expect(root.textContent).toContain('$NOPE')
    expect(root.querySelector('a.reference-user')).not.toBeNull()
    expect(root.querySelector('a.reference-coin')).not.toBeNull()
    // in-app links: no new tab, no nofollow
    expect(root.querySelector('a.reference-coin')!.getAttribute('target')).toBeNull()
  })

  it('leaves code, code blocks and URLs alone', () => {
    const root = markdown(
      'In `$BTC` and `@alice`:\n\n```\n$BTC @alice\n```\n\nSee https://example.com/@alice/$BTC and [@alice](https://example.com) and mail alice@example.com',
    )
    expect(root.querySelectorAll('a.reference')).toHaveLength(0)
    expect(root.querySelector('code')!.textContent).toBe('$BTC')
    expect(links(root)).toEqual([
      ['https://example.com/@alice/$BTC', 'https://example.com/@alice/$BTC'],
      ['@alice', 'https://example.com'],
      ['alice@example.com', 'mailto:alice@example.com'],
    ])
  })

  it('links a name without the dot that ends the sentence, and one that ends in a dash as it is', () => {
    const root = markdown('Thanks @alice. And @bob-!', 'comment')
    expect(links(root)).toEqual([
      ['@alice', '/user/alice'],
      ['@bob-', '/user/bob-'],
    ])
    expect(root.textContent).toBe('Thanks @alice. And @bob-!')
  })

  it('keeps the sanitiser: raw HTML around a mention stays out', () => {
    const root = markdown('<script>window.__pwned = 1</script>\n\n<b onclick="x()">@alice</b> $BTC')
    expect(root.querySelector('script, [onclick]')).toBeNull()
    expect(links(root)).toEqual([
      ['@alice', '/user/alice'],
      ['$BTC', '/market/Qwsogvtv82FCd'],
    ])
  })

  it('splits plain text into text and references', () => {
    expect(splitReferences('@alice: $BTC!', references)).toEqual([
      { kind: 'user', value: '@alice', username: 'alice' },
      { kind: 'text', value: ': ' },
      { kind: 'coin', value: '$BTC', uuid: 'Qwsogvtv82FCd' },
      { kind: 'text', value: '!' },
    ])
    expect(splitReferences('no refs here', { users: [], coins: {} })).toEqual([{ kind: 'text', value: 'no refs here' }])
  })
})

describe('cashtag chips', () => {
  const quote = (patch: Partial<CashtagQuote>): CashtagQuote => ({
    symbol: 'BTC',
    coinUuid: 'Qwsogvtv82FCd',
    priceAtPost: 100,
    price: 112.3,
    changePercent: 12.3,
    ...patch,
  })

  it('shows the change since posted, green up and red down, in words too', () => {
    render(
      <MemoryRouter>
        <CashtagChips
          cashtags={[
            quote({}),
            quote({ symbol: 'ETH', coinUuid: 'eth', changePercent: -4.5 }),
            quote({ symbol: 'OLD', coinUuid: 'old', price: null, changePercent: null }),
          ]}
        />
      </MemoryRouter>,
    )
    const [btc, eth, old] = screen.getAllByTestId('cashtag-chip')
    expect(btc.textContent).toBe('BTC▲+12.30% since posted')
    expect(btc.getAttribute('aria-label')).toBe('BTC: up 12.30% since posted')
    expect(btc.getAttribute('href')).toBe('/market/Qwsogvtv82FCd')
    expect(btc.className).toContain('is-up')
    expect(eth.getAttribute('aria-label')).toBe('ETH: down 4.50% since posted')
    expect(eth.className).toContain('is-down')
    expect(within(eth).getByText('-4.50%', { exact: false })).toBeTruthy()
    expect(old.textContent).toBe('OLD')
    expect(old.getAttribute('aria-label')).toBe('OLD: price change unknown')
  })

  it('shows nothing for a post without cashtags', () => {
    const { container } = render(
      <MemoryRouter>
        <CashtagChips cashtags={[]} />
      </MemoryRouter>,
    )
    expect(container.textContent).toBe('')
  })
})
