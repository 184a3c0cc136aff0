import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { eventStream } from '../test/fakeBackend'
import { ApiClient, ApiError } from './client'
import { backoff, EventStreamParser, runEventStream, type StreamEvent } from './eventStream'
import { retryableStreamError } from '../lib/useEventStream'

describe('the event stream parser', () => {
  it('reads named events with ids, skips keep-alive comments and joins data lines', () => {
    const parser = new EventStreamParser()
    const events = parser.push(
      ': keep-alive\n\nevent: unread\ndata: {"unread": 3}\n\nid: 7\nevent: notification\ndata: {"id": 7,\ndata:  "x": 1}\n\n',
    )
    expect(events).toEqual([
      { event: 'unread', data: '{"unread": 3}', id: null },
      { event: 'notification', data: '{"id": 7,\n "x": 1}', id: '7' },
    ])
    expect(parser.lastEventId).toBe('7')
  })

  it('puts together events split anywhere between chunks, even inside a CRLF', () => {
    const text = 'id: 1\r\nevent: comment\r\ndata: {"a":1}\r\n\r\nevent: post-score\r\ndata: {"rating":2}\r\n\r\n'
    for (let cut = 1; cut < text.length; cut++) {
      const parser = new EventStreamParser()
      const events = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut))]
      expect(events, `cut at ${cut}`).toEqual([
        { event: 'comment', data: '{"a":1}', id: '1' },
        { event: 'post-score', data: '{"rating":2}', id: '1' },
      ])
    }
  })

  it('calls an unnamed event "message", keeps the id of a resumed stream and drops an unfinished event', () => {
    const parser = new EventStreamParser('41')
    expect(parser.push('data:plain\n\ndata: half')).toEqual([{ event: 'message', data: 'plain', id: '41' }])
  })
})

describe('backoff', () => {
  it('doubles from 1 s to at most 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map(backoff)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000])
  })
})

describe('runEventStream', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  /** A connector answering with the next scripted stream (or failure), recording the Last-Event-ID of each call. */
  function script(answers: (ReturnType<typeof eventStream> | Error)[]) {
    const asked: (string | null)[] = []
    const connect = async (lastEventId: string | null) => {
      asked.push(lastEventId)
      const next = answers.shift()
      if (!next) throw new Error('no more answers')
      if (next instanceof Error) throw next
      return new Response(next.reply.stream, { headers: { 'Content-Type': 'text/event-stream' } })
    }
    return { asked, connect }
  }

  it('reconnects after a drop with back-off, sending the last event id, and resets the back-off once connected', async () => {
    const first = eventStream()
    const second = eventStream()
    const { asked, connect } = script([
      first,
      new ApiError(0, 'network-error', 'down'),
      new ApiError(503, 'x', 'y'),
      second,
    ])
    const events: StreamEvent[] = []
    const opens: boolean[] = []
    const stop = runEventStream({
      connect,
      onEvent: (e) => events.push(e),
      onOpen: (again) => opens.push(again),
      retryable: retryableStreamError,
    })
    await vi.advanceTimersByTimeAsync(0)
    first.send('notification', { id: 4 }, 4)
    first.send('notification', { id: 5 }, 5)
    first.raw(': keep-alive\n\n')
    await vi.advanceTimersByTimeAsync(0)
    expect(events.map((e) => e.id)).toEqual(['4', '5'])
    first.close()
    await vi.advanceTimersByTimeAsync(999)
    expect(asked).toEqual([null])
    await vi.advanceTimersByTimeAsync(1) // 1 s after the drop: fails (network)
    expect(asked).toEqual([null, '5'])
    await vi.advanceTimersByTimeAsync(1999)
    expect(asked).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1) // 2 s later: fails (503)
    expect(asked).toEqual([null, '5', '5'])
    await vi.advanceTimersByTimeAsync(3999)
    expect(asked).toHaveLength(3)
    await vi.advanceTimersByTimeAsync(1) // 4 s later: connects
    expect(asked).toEqual([null, '5', '5', '5'])
    expect(opens).toEqual([false, true])
    second.send('unread', { unread: 1 })
    await vi.advanceTimersByTimeAsync(0)
    expect(events.at(-1)).toEqual({ event: 'unread', data: '{"unread":1}', id: '5' })
    second.close()
    await vi.advanceTimersByTimeAsync(1000) // connected meanwhile: 1 s again
    expect(asked).toHaveLength(5)
    stop()
  })

  it('gives up on a refusal that would repeat (404), and stops for good when stopped', async () => {
    const gaveUp = vi.fn()
    const { asked, connect } = script([new ApiError(404, 'not-found', 'no')])
    runEventStream({ connect, onEvent: () => undefined, retryable: retryableStreamError, onGiveUp: gaveUp })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(asked).toHaveLength(1)
    expect(gaveUp).toHaveBeenCalledOnce()

    const open = eventStream()
    const again = script([open])
    const stop = runEventStream({ connect: again.connect, onEvent: () => undefined })
    await vi.advanceTimersByTimeAsync(0)
    stop()
    await vi.advanceTimersByTimeAsync(0)
    expect(open.state.cancelled).toBe(true)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(again.asked).toHaveLength(1)
  })
})

describe('ApiClient.openStream', () => {
  it('refreshes the token after a 401 and reconnects with the new one and the Last-Event-ID', async () => {
    const stream = eventStream()
    const streamCalls: Record<string, string>[] = []
    let refreshes = 0
    let valid = 'at-1'
    const fetch = async (url: string, init: RequestInit = {}) => {
      const headers = (init.headers ?? {}) as Record<string, string>
      if (url === '/api/user/sign-in') return Response.json({ _at: 'at-0' })
      if (url === '/api/auth/refresh')
        return Response.json({ _at: `at-${++refreshes}`, user: { id: 'u', username: 'a', email: 'a@b.c' } })
      streamCalls.push(headers)
      if (headers['x-access-token'] !== `Bearer ${valid}`)
        return Response.json({ statusCode: 401, message: 'token-expired' }, { status: 401 })
      return new Response(stream.reply.stream, { headers: { 'Content-Type': 'text/event-stream' } })
    }
    const client = new ApiClient({ fetch })
    await client.signIn({ email: 'a@b.c', password: 'x' }) // holds at-1 (sign-in refreshes once)
    valid = 'at-2' // at-1 expired meanwhile
    const response = await client.openStream('/api/notifications/stream', { lastEventId: '9' })
    expect(response.headers.get('Content-Type')).toBe('text/event-stream')
    expect(streamCalls.map((h) => h['x-access-token'])).toEqual(['Bearer at-1', 'Bearer at-2'])
    expect(streamCalls.map((h) => h['Last-Event-ID'])).toEqual(['9', '9'])
    expect(streamCalls[1].Accept).toBe('text/event-stream')
  })

  it('throws the 401 when there is no session to refresh', async () => {
    const client = new ApiClient({
      fetch: async (url) =>
        url === '/api/auth/refresh'
          ? Response.json({ statusCode: 401, message: 'unauthorized' }, { status: 401 })
          : Response.json({ statusCode: 404, message: 'post-not-found' }, { status: 404 }),
    })
    await expect(client.openStream('/api/posts/stream/p1')).rejects.toMatchObject({ status: 404 })
  })
})
