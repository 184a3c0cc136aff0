import { Link } from 'react-router'
import type { CashtagQuote } from '../api/client'
import { formatPercent, trend } from '../lib/market'
import { coinPath } from '../lib/references'

/**
 * The coins a post names, each a chip to its page with the change since the post was written: "BTC ▲ +12.30% since
 * posted", green up, red down. The words say it too (screen readers, colour-blind readers): "up 12.30%".
 */
export function CashtagChips({ cashtags }: { cashtags: readonly CashtagQuote[] }) {
  if (cashtags.length === 0) return null
  return (
    <ul className="cashtag-chips" aria-label="Coins in this post" data-testid="cashtag-chips">
      {cashtags.map((cashtag) => (
        <li key={cashtag.coinUuid}>
          <CashtagChip cashtag={cashtag} />
        </li>
      ))}
    </ul>
  )
}

function CashtagChip({ cashtag }: { cashtag: CashtagQuote }) {
  const known = cashtag.changePercent !== null && cashtag.changePercent !== undefined
  const way = trend(cashtag.changePercent)
  const said = !known
    ? 'price change unknown'
    : way === 'flat'
      ? 'unchanged since posted'
      : `${way} ${formatPercent(cashtag.changePercent).replace(/^[+-]/, '')} since posted`
  return (
    <Link
      to={coinPath(cashtag.coinUuid)}
      className={`cashtag-chip is-${known ? way : 'flat'}`}
      aria-label={`${cashtag.symbol}: ${said}`}
      data-testid="cashtag-chip"
    >
      <span className="cashtag-symbol">{cashtag.symbol}</span>
      {known && (
        <span className="cashtag-change" aria-hidden="true">
          {way !== 'flat' && <span className="change-arrow">{way === 'up' ? '▲' : '▼'}</span>}
          {formatPercent(cashtag.changePercent)} <span className="cashtag-since">since posted</span>
        </span>
      )}
    </Link>
  )
}
