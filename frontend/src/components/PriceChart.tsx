import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'
import type { PricePoint } from '../api/client'
import {
  formatChartTime,
  formatCompactMoney,
  formatPercent,
  formatPrice,
  niceTicks,
  type HistoryRange,
} from '../lib/market'
import { parseTime } from '../lib/time'
import { useOnChange } from '../lib/useOnChange'

const HEIGHT = 260
const MARGIN = { top: 12, right: 14, bottom: 28 }
const readoutTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** About how wide one character of the axis labels is, in pixels. */
const CHAR_WIDTH = 6.6

interface Point {
  time: number
  price: number
}

/** Price labels on the axis: whole dollars stay short ("$43.2K"), small prices keep their digits. */
function axisPrice(value: number): string {
  return Math.abs(value) >= 10_000 ? formatCompactMoney(value) : formatPrice(value)
}

function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(fallback)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const measure = () => setWidth(Math.max(240, Math.round(element.getBoundingClientRect().width) || fallback))
    measure()
    if (typeof ResizeObserver !== 'function') return
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [fallback])
  return { ref, width }
}

/**
 * A hand-written SVG line chart of a coin's price: price axis on the left,
 * time axis below, and a readout of the point under the pointer (or chosen
 * with the arrow keys; Home/End jump to the ends). Screen readers get a
 * summary of the range.
 */
export function PriceChart({
  points,
  range,
  name,
}: {
  points: readonly PricePoint[]
  range: HistoryRange
  name: string
}) {
  const { ref, width } = useWidth(720)
  const [active, setActive] = useState<number | null>(null)
  const gradientId = `chart-fill-${useId().replace(/[^\w-]/g, '')}`
  const readoutId = useId()
  const data = useMemo<Point[]>(
    () =>
      points
        .map((p) => ({ time: parseTime(p.at)?.getTime() ?? NaN, price: Number(p.price) }))
        .filter((p) => Number.isFinite(p.time) && Number.isFinite(p.price))
        .sort((a, b) => a.time - b.time),
    [points],
  )

  useOnChange([points], () => setActive(null))

  if (data.length < 2) {
    return (
      <div
        ref={ref}
        className="chart-empty muted"
        data-testid="price-chart"
        data-points={data.length}
        data-range={range}
      >
        Not enough price history for this range yet.
      </div>
    )
  }

  const prices = data.map((p) => p.price)
  let low = Math.min(...prices)
  let high = Math.max(...prices)
  if (low === high) {
    const pad = Math.abs(low) * 0.01 || 1
    low -= pad
    high += pad
  }
  const yTicks = niceTicks(low, high, 4)
  // The price axis is as wide as its longest label.
  const left = Math.max(40, 12 + CHAR_WIDTH * Math.max(...yTicks.map((t) => axisPrice(t).length)))
  const innerW = width - left - MARGIN.right
  const innerH = HEIGHT - MARGIN.top - MARGIN.bottom
  const t0 = data[0].time
  const t1 = data[data.length - 1].time
  const x = (time: number) => left + ((time - t0) / (t1 - t0 || 1)) * innerW
  const y = (price: number) => MARGIN.top + (1 - (price - low) / (high - low)) * innerH
  const line = data.map((p, i) => `${i ? 'L' : 'M'}${x(p.time).toFixed(1)},${y(p.price).toFixed(1)}`).join(' ')
  const area = `${line} L${x(t1).toFixed(1)},${MARGIN.top + innerH} L${x(t0).toFixed(1)},${MARGIN.top + innerH} Z`
  const xCount = width < 480 ? 3 : 5
  const xTicks = Array.from({ length: xCount }, (_, i) => t0 + ((t1 - t0) * i) / (xCount - 1))
  const first = data[0].price
  const last = data[data.length - 1].price
  const way = last > first ? 'up' : last < first ? 'down' : 'flat'
  const change = first !== 0 ? ((last - first) / first) * 100 : null
  const summary =
    `${name} price over the last ${range === '24h' ? '24 hours' : range === '7d' ? '7 days' : '30 days'}: ` +
    `from ${formatPrice(first)} to ${formatPrice(last)} (${formatPercent(change)}), ` +
    `low ${formatPrice(Math.min(...prices))}, high ${formatPrice(Math.max(...prices))}.`
  const shown = active === null ? data.length - 1 : active
  const point = data[shown]

  function nearest(clientX: number, element: SVGSVGElement) {
    const box = element.getBoundingClientRect()
    const scale = box.width ? width / box.width : 1
    const time = t0 + (((clientX - box.left) * scale - left) / innerW) * (t1 - t0)
    let best = 0
    for (let i = 1; i < data.length; i++) if (Math.abs(data[i].time - time) < Math.abs(data[best].time - time)) best = i
    return best
  }

  function onKey(event: KeyboardEvent<SVGSVGElement>) {
    const step = event.shiftKey ? Math.max(1, Math.round(data.length / 10)) : 1
    const moves: Record<string, number> = {
      ArrowLeft: Math.max(0, shown - step),
      ArrowRight: Math.min(data.length - 1, shown + step),
      Home: 0,
      End: data.length - 1,
    }
    if (event.key in moves) {
      event.preventDefault()
      setActive(moves[event.key])
    } else if (event.key === 'Escape') {
      setActive(null)
    }
  }

  return (
    <div
      ref={ref}
      className={`price-chart is-${way}`}
      data-testid="price-chart"
      data-points={data.length}
      data-range={range}
    >
      <p className="chart-readout" id={readoutId} aria-live="polite" data-testid="chart-readout">
        <strong>{formatPrice(point.price)}</strong>{' '}
        <span className="muted">{readoutTime.format(new Date(point.time))}</span>
      </p>
      <svg
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="img"
        aria-label={summary}
        aria-describedby={readoutId}
        tabIndex={0}
        onKeyDown={onKey}
        onPointerMove={(event: PointerEvent<SVGSVGElement>) => setActive(nearest(event.clientX, event.currentTarget))}
        onPointerDown={(event: PointerEvent<SVGSVGElement>) => setActive(nearest(event.clientX, event.currentTarget))}
        onPointerLeave={() => setActive(null)}
        onBlur={() => setActive(null)}
      >
        <defs>
          <linearGradient id={gradientId} x1="0" x2="0" y1="0" y2="1">
            <stop offset="0%" stopColor="currentColor" stopOpacity="0.22" />
            <stop offset="100%" stopColor="currentColor" stopOpacity="0" />
          </linearGradient>
        </defs>
        <g className="chart-grid">
          {yTicks.map((tick) => (
            <g key={tick}>
              <line x1={left} x2={width - MARGIN.right} y1={y(tick)} y2={y(tick)} />
              <text x={left - 8} y={y(tick)} dy="0.32em" textAnchor="end">
                {axisPrice(tick)}
              </text>
            </g>
          ))}
          {xTicks.map((time, i) => (
            <text
              key={time}
              x={x(time)}
              y={HEIGHT - 8}
              textAnchor={i === 0 ? 'start' : i === xTicks.length - 1 ? 'end' : 'middle'}
            >
              {formatChartTime(new Date(time), range)}
            </text>
          ))}
        </g>
        <path className="chart-area" d={area} fill={`url(#${gradientId})`} />
        <path
          className="chart-line"
          d={line}
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinejoin="round"
        />
        {active !== null && (
          <g className="chart-cursor">
            <line x1={x(point.time)} x2={x(point.time)} y1={MARGIN.top} y2={MARGIN.top + innerH} />
            <circle cx={x(point.time)} cy={y(point.price)} r="4.5" />
          </g>
        )}
      </svg>
    </div>
  )
}
