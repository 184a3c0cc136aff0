import { describe, expect, it, vi } from 'vitest'
import {
  coinListPath,
  formatBtc,
  formatCompactMoney,
  formatCount,
  formatPercent,
  formatPrice,
  nextSort,
  niceTicks,
  readMarketView,
  seriesTrend,
  sparklinePath,
  toggleFavourite,
  trend,
  writeMarketView,
} from './market'

describe('money and numbers', () => {
  it('writes big amounts compactly, from numbers or the API strings', () => {
    expect(formatCompactMoney('1258893992421')).toBe('$1.26T')
    expect(formatCompactMoney('90917765538')).toBe('$90.92B')
    expect(formatCompactMoney(512_300)).toBe('$512.3K')
    expect(formatCompactMoney(62_000_000_000)).toBe('$62B')
    expect(formatCompactMoney(12.5)).toBe('$12.5')
    expect(formatCompactMoney(null)).toBe('—')
    expect(formatCompactMoney('not a number')).toBe('—')
  })

  it('gives prices the precision they need: cents from $1, four significant digits below', () => {
    expect(formatPrice(43000.12)).toBe('$43,000.12')
    expect(formatPrice(1)).toBe('$1.00')
    expect(formatPrice(1.0002)).toBe('$1.00')
    expect(formatPrice(0.5234)).toBe('$0.5234')
    expect(formatPrice(0.9998)).toBe('$0.9998')
    expect(formatPrice(0.1)).toBe('$0.10')
    expect(formatPrice(0.00001234)).toBe('$0.00001234')
    expect(formatPrice(0.000012345678)).toBe('$0.00001235')
    expect(formatPrice(0)).toBe('$0.00')
    expect(formatPrice('12.5')).toBe('$12.50')
    expect(formatPrice(undefined)).toBe('—')
  })

  it('signs percent changes and keeps two decimals', () => {
    expect(formatPercent(2.345)).toBe('+2.35%')
    expect(formatPercent(-1.23)).toBe('-1.23%')
    expect(formatPercent(0)).toBe('0.00%')
    expect(formatPercent(12.4)).toBe('+12.40%')
    expect(formatPercent(null)).toBe('—')
    expect([trend(2), trend(-0.01), trend(0), trend(null)]).toEqual(['up', 'down', 'flat', 'flat'])
  })

  it('writes counts and bitcoin prices', () => {
    expect(formatCount(24625)).toBe('24,625')
    expect(formatBtc(1)).toBe('1 BTC')
    expect(formatBtc(0.035551234)).toBe('0.03555 BTC')
    expect(formatBtc(1.27e-8)).toBe('0.0000000127 BTC')
  })
})

describe('the list query', () => {
  it('builds the list path with a trimmed, length-capped search', () => {
    expect(coinListPath({ page: 2, pageSize: 25, sort: 'marketCap', order: 'DESC', search: '  eth ' })).toBe(
      '/api/crypto/list/2/25/DESC/marketCap?searchQuery=eth',
    )
    const long = coinListPath({ page: 0, pageSize: 25, sort: 'rank', order: 'ASC', search: 'x'.repeat(80) })
    expect(new URL(long, 'http://x').searchParams.get('searchQuery')).toHaveLength(50)
  })

  it('clamps page and page size to what the API accepts', () => {
    expect(coinListPath({ page: -3, pageSize: 500, sort: 'rank', order: 'ASC' })).toBe(
      '/api/crypto/list/0/100/ASC/rank',
    )
  })

  it('asks for a member’s favourites by username; the market list never carries one', () => {
    const query = { page: 0, pageSize: 10, sort: 'rank', order: 'ASC', username: 'ada lovelace' } as const
    expect(coinListPath(query, true)).toBe('/api/crypto/list-favorites/0/10/ASC/rank?username=ada+lovelace')
    expect(coinListPath(query)).toBe('/api/crypto/list/0/10/ASC/rank')
  })

  it('reads and writes the URL view, leaving defaults out', () => {
    const view = readMarketView(new URLSearchParams('q=bitcon&sort=change&order=asc&page=3'))
    expect(view).toEqual({ search: 'bitcon', sort: 'change', order: 'ASC', page: 3 })
    expect(writeMarketView(view).toString()).toBe('q=bitcon&sort=change&order=asc&page=3')
    // Figures start biggest first, so DESC is the default for them.
    expect(writeMarketView({ search: '', sort: 'marketCap', order: 'DESC', page: 1 }).toString()).toBe('sort=marketCap')
    expect(readMarketView(new URLSearchParams('sort=bogus&order=sideways&page=-1'))).toEqual({
      search: '',
      sort: 'rank',
      order: 'ASC',
      page: 1,
    })
  })

  it('flips the order of the sorted column, starts another in its own order', () => {
    expect(nextSort({ sort: 'rank', order: 'ASC' }, 'rank')).toEqual({ sort: 'rank', order: 'DESC' })
    expect(nextSort({ sort: 'rank', order: 'ASC' }, 'price')).toEqual({ sort: 'price', order: 'DESC' })
    expect(nextSort({ sort: 'price', order: 'DESC' }, 'name')).toEqual({ sort: 'name', order: 'ASC' })
  })
})

describe('sparkline path', () => {
  it('spreads the values over the width, highest on top', () => {
    expect(sparklinePath([1, 2, 3], 10, 10, 0)).toBe('M0,10 L5,5 L10,0')
    expect(sparklinePath(['3', '1'], 100, 20, 2)).toBe('M0,2 L100,18')
  })

  it('breaks the line at missing values and keeps their place', () => {
    expect(sparklinePath([1, null, 3, 2], 30, 10, 0)).toBe('M0,10 M20,0 L30,5')
  })

  it('draws a flat series through the middle and nothing for fewer than two values', () => {
    expect(sparklinePath([5, 5, 5], 20, 10)).toBe('M0,5 L10,5 L20,5')
    expect(sparklinePath([5], 20, 10)).toBe('')
    expect(sparklinePath([null, 'x', 4], 20, 10)).toBe('')
  })

  it('knows which way the series went', () => {
    expect(seriesTrend(['1', null, '2'])).toBe('up')
    expect(seriesTrend([3, 1])).toBe('down')
    expect(seriesTrend([1])).toBe('flat')
  })
})

describe('chart ticks', () => {
  it('picks round steps inside the range', () => {
    expect(niceTicks(94_120, 98_400, 4)).toEqual([95_000, 96_000, 97_000, 98_000])
    expect(niceTicks(0.00001201, 0.00001249, 4)).toEqual([0.0000122, 0.0000124])
    expect(niceTicks(1.2, 1.9, 4)).toEqual([1.2, 1.4, 1.6, 1.8])
    expect(niceTicks(3, 3)).toEqual([3])
  })
})

describe('favourite toggle', () => {
  it('shows the new state at once and keeps it when the server agrees', async () => {
    const shown: boolean[] = []
    const send = vi.fn(async () => undefined)
    await expect(toggleFavourite(false, (on) => shown.push(on), send)).resolves.toBe(true)
    expect(shown).toEqual([true])
    expect(send).toHaveBeenCalledWith(true)
  })

  it('puts the old state back and rethrows when the server refuses', async () => {
    const shown: boolean[] = []
    const failure = new Error('no-crypto')
    await expect(
      toggleFavourite(
        true,
        (on) => shown.push(on),
        async () => {
          // The new state is on screen while the call is under way.
          expect(shown).toEqual([false])
          throw failure
        },
      ),
    ).rejects.toBe(failure)
    expect(shown).toEqual([false, true])
  })
})
