import { useEffect, useLayoutEffect, useRef } from 'react'
import { ApiError, type ApiClient } from '../api/client'
import { runEventStream, type StreamEvent } from '../api/eventStream'

export interface StreamHandlers {
  onEvent: (event: StreamEvent) => void
  /** Each time a connection opens; `reconnected` is false the first time. */
  onOpen?: (reconnected: boolean) => void
  /** The server refused the stream for good (e.g. 404 while it is not deployed, or the session is gone). */
  onGiveUp?: (error: unknown) => void
}

/**
 * Network failures, 5xx, 408 and 429 are worth another try; any other refusal (a 401 the refresh could not cure, a
 * 404) would be refused again.
 */
export function retryableStreamError(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true
  return error.status === 0 || error.status >= 500 || error.status === 408 || error.status === 429
}

/** Keeps the stream at `path` open while `path` is not null; the handlers may change without reconnecting. */
export function useEventStream(client: ApiClient, path: string | null, handlers: StreamHandlers): void {
  const latest = useRef(handlers)
  useLayoutEffect(() => {
    latest.current = handlers
  })
  useEffect(() => {
    if (!path) return
    return runEventStream({
      connect: async (lastEventId, signal) => {
        try {
          return await client.openStream(path, { lastEventId, signal })
        } catch (error) {
          // an id the server does not take (400): start afresh rather than stop
          if (!lastEventId || !(error instanceof ApiError) || error.status !== 400) throw error
          return client.openStream(path, { signal })
        }
      },
      onEvent: (event) => latest.current.onEvent(event),
      onOpen: (reconnected) => latest.current.onOpen?.(reconnected),
      onGiveUp: (error) => latest.current.onGiveUp?.(error),
      retryable: retryableStreamError,
    })
  }, [client, path])
}

/** The JSON of an event's data, or null when it is not an object. */
export function eventData(event: StreamEvent): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(event.data)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}
