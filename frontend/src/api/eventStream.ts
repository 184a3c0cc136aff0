/**
 * Server-sent events read over `fetch`, with reconnection.
 *
 * Why not the browser's EventSource: it cannot send the `x-access-token` header the API authenticates with. Why not
 * `@microsoft/fetch-event-source`: the part we need to own anyway is the loop around the connection — refresh the
 * token on a 401 through `ApiClient` (shared with the other tabs), resume with `Last-Event-ID`, back off 1 s … 30 s,
 * stop for good on a refusal — and that library drives all of it through callbacks that must throw, closes the stream
 * on hidden tabs by default and has had no release since 2021. What is left, the parser, is the 40 lines below
 * (WHATWG HTML, "event stream interpretation"), tested on its own.
 */

/** One dispatched event. `event` is "message" when the server named none; `id` the last id seen so far. */
export interface StreamEvent {
  event: string
  data: string
  id: string | null
}

/** Turns chunks of a `text/event-stream` body into events; one per connection, fed in order. */
export class EventStreamParser {
  private buffer = ''
  private data: string[] = []
  private event = ''
  /** The last `id:` received (kept across events, as the spec wants). */
  lastEventId: string | null

  constructor(lastEventId: string | null = null) {
    this.lastEventId = lastEventId
  }

  push(chunk: string): StreamEvent[] {
    this.buffer += chunk
    // A trailing "\r" may be the first half of a "\r\n" split between chunks: keep it for the next one.
    const held = this.buffer.endsWith('\r') ? 1 : 0
    const lines = this.buffer.slice(0, this.buffer.length - held).split(/\r\n|\r|\n/)
    this.buffer = lines.pop()! + (held ? '\r' : '')
    const events: StreamEvent[] = []
    for (const line of lines) {
      const dispatched = this.line(line)
      if (dispatched) events.push(dispatched)
    }
    return events
  }

  private line(line: string): StreamEvent | null {
    if (line === '') {
      if (this.data.length === 0) {
        this.event = ''
        return null
      }
      const event = { event: this.event || 'message', data: this.data.join('\n'), id: this.lastEventId }
      this.data = []
      this.event = ''
      return event
    }
    if (line.startsWith(':')) return null // a comment: the keep-alives
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    let value = colon < 0 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'data') this.data.push(value)
    else if (field === 'event') this.event = value
    else if (field === 'id' && !value.includes('\0')) this.lastEventId = value
    return null
  }
}

export interface EventStreamOptions {
  /**
   * Opens one connection: resolves to a 2xx response, or throws. `lastEventId` is the last `id:` received on any
   * earlier connection (null at first). Refreshing the token on a 401 is the connector's job (`ApiClient.openStream`).
   */
  connect: (lastEventId: string | null, signal: AbortSignal) => Promise<Response>
  onEvent: (event: StreamEvent) => void
  /** Each time a connection is open; `reconnected` is false the first time. */
  onOpen?: (reconnected: boolean) => void
  /** Whether a failure is worth another try; false stops the loop (and `onGiveUp` runs). */
  retryable?: (error: unknown) => boolean
  onGiveUp?: (error: unknown) => void
}

/** The wait before the `failures`-th reconnection in a row: 1 s, 2 s, 4 s … at most 30 s. */
export function backoff(failures: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, failures))
}

/**
 * Keeps a stream open until the returned function is called: reconnects after every end or failure (after
 * `backoff`, reset once a connection opened), sending the last event id. Timers are the global ones, so fake timers
 * drive it in tests.
 */
export function runEventStream(options: EventStreamOptions): () => void {
  const controller = new AbortController()
  const { signal } = controller
  let lastEventId: string | null = null
  let failures = 0
  let opened = false
  let timer: ReturnType<typeof setTimeout> | null = null

  async function once(): Promise<void> {
    const response = await options.connect(lastEventId, signal)
    if (signal.aborted) return
    const type = response.headers.get('Content-Type') ?? ''
    if (!response.body || !type.includes('text/event-stream')) throw new Error('The answer was not an event stream')
    options.onOpen?.(opened)
    opened = true
    failures = 0
    const parser = new EventStreamParser(lastEventId)
    const reader = response.body.getReader()
    const cancel = () => void reader.cancel().catch(() => undefined)
    signal.addEventListener('abort', cancel)
    const decoder = new TextDecoder()
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done || signal.aborted) return
        for (const event of parser.push(decoder.decode(value, { stream: true }))) {
          lastEventId = parser.lastEventId
          if (!signal.aborted) options.onEvent(event)
        }
        lastEventId = parser.lastEventId
      }
    } finally {
      signal.removeEventListener('abort', cancel)
    }
  }

  function loop(): void {
    timer = null
    once().then(
      () => schedule(),
      (error: unknown) => {
        if (signal.aborted) return
        if (options.retryable && !options.retryable(error)) {
          options.onGiveUp?.(error)
          return
        }
        schedule()
      },
    )
  }

  function schedule(): void {
    if (signal.aborted) return
    const delay = backoff(failures)
    failures++
    timer = setTimeout(loop, delay)
  }

  loop()
  return () => {
    controller.abort()
    if (timer !== null) clearTimeout(timer)
  }
}
