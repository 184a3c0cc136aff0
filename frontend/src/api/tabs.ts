/**
 * Coordination between browser tabs of the app.
 *
 * The refresh cookie rotates on every refresh, so several tabs refreshing at
 * once should share one refresh: the tab that gets the Web Lock
 * `cryptotalks-refresh` refreshes, counts it in localStorage and posts
 * the fresh access token on a BroadcastChannel; a tab that waited for the lock
 * sees that someone refreshed after it asked and takes the posted token
 * instead of refreshing again. Sign-out and the end of a session are posted
 * too, so every tab agrees.
 *
 * Without Web Locks or BroadcastChannel (old browsers, tests) each tab works
 * alone, as before. Only non-secret values (a flag and a counter) go to
 * localStorage; the token only travels over the same-origin channel.
 */

export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>
}

export interface ChannelLike {
  postMessage(message: unknown): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
}

export interface StorageLike {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

export type TabMessage<U> = { type: 'token'; token: string; user: U } | { type: 'ended' } | { type: 'signed-out' }

export const REFRESH_LOCK = 'cryptotalks-refresh'
export const CHANNEL_NAME = 'cryptotalks-session'
/** Non-secret: "this browser had a session", so a refresh is worth trying. */
export const HAD_SESSION_KEY = 'cryptotalks-had-session'
/** Non-secret: how many refreshes tabs have finished (only written under the lock). */
export const REFRESH_COUNT_KEY = 'cryptotalks-refresh-count'

export interface TabSyncOptions {
  locks?: LockManagerLike | null
  /** A channel, or a factory called on first use (so idle clients open nothing). */
  channel?: ChannelLike | (() => ChannelLike | null) | null
  storage?: StorageLike | null
  /** How long a tab that saw a newer refresh waits for its token (ms). */
  waitMs?: number
}

function isMessage(data: unknown): data is TabMessage<unknown> {
  if (typeof data !== 'object' || data === null) return false
  const type = (data as { type?: unknown }).type
  if (type === 'token') return typeof (data as { token?: unknown }).token === 'string'
  return type === 'ended' || type === 'signed-out'
}

export class TabSync<U> {
  private readonly locks: LockManagerLike | null
  private channelSource: TabSyncOptions['channel']
  private channel: ChannelLike | null | undefined
  readonly storage: StorageLike | null
  private readonly waitMs: number
  private readonly handlers = new Set<(message: TabMessage<U>) => void>()
  /** Counts messages received, so a waiting refresh can tell whether one came. */
  private received = 0
  private last: TabMessage<U> | null = null
  private waiters: ((message: TabMessage<U>) => void)[] = []

  constructor(options: TabSyncOptions = {}) {
    this.locks = options.locks ?? null
    this.channelSource = options.channel ?? null
    this.storage = options.storage ?? null
    this.waitMs = options.waitMs ?? 1500
  }

  private ensureChannel(): ChannelLike | null {
    if (this.channel !== undefined) return this.channel
    const source = this.channelSource
    this.channelSource = null
    let channel: ChannelLike | null = null
    try {
      channel = typeof source === 'function' ? source() : (source ?? null)
    } catch {
      channel = null
    }
    this.channel = channel
    channel?.addEventListener('message', (event) => {
      if (isMessage(event.data)) this.receive(event.data as TabMessage<U>)
    })
    return channel
  }

  /** Opens the channel now (to hear other tabs before this one does anything). */
  listen(handler: (message: TabMessage<U>) => void): () => void {
    this.ensureChannel()
    this.handlers.add(handler)
    return () => {
      this.handlers.delete(handler)
    }
  }

  private receive(message: TabMessage<U>): void {
    this.received += 1
    this.last = message
    const waiters = this.waiters
    this.waiters = []
    for (const resolve of waiters) resolve(message)
    for (const handler of this.handlers) handler(message)
  }

  post(message: TabMessage<U>): void {
    try {
      this.ensureChannel()?.postMessage(message)
    } catch {
      // A closed channel only means the other tabs are not told.
    }
  }

  // ------------------------------------------------------------ storage flags

  read(key: string): string | null {
    try {
      return this.storage?.getItem(key) ?? null
    } catch {
      return null
    }
  }

  write(key: string, value: string | null): void {
    try {
      if (value === null) this.storage?.removeItem(key)
      else this.storage?.setItem(key, value)
    } catch {
      // Private mode: nothing to remember.
    }
  }

  /** False only when storage works and says this browser has no session. */
  mayHaveSession(): boolean {
    if (!this.storage) return true
    try {
      this.storage.getItem(HAD_SESSION_KEY)
    } catch {
      return true
    }
    return this.read(HAD_SESSION_KEY) === '1'
  }

  markSession(present: boolean): void {
    this.write(HAD_SESSION_KEY, present ? '1' : null)
  }

  // ------------------------------------------------------------ shared refresh

  /**
   * Runs `refresh` under the cross-tab lock, unless another tab finished a
   * refresh while this one waited: then its posted answer is returned.
   * `refresh` answers null when it could not reach the server.
   */
  async shared(refresh: () => Promise<TabMessage<U> | null>): Promise<TabMessage<U> | null> {
    this.ensureChannel()
    const countAtAsk = this.read(REFRESH_COUNT_KEY)
    const seen = this.received
    const run = async (): Promise<TabMessage<U> | null> => {
      if (this.received !== seen && this.last && this.last.type !== 'signed-out') return this.last
      const count = this.read(REFRESH_COUNT_KEY)
      if (this.channel && count !== countAtAsk) {
        // Someone refreshed after we asked; their message may still be on its way.
        const message = await this.nextMessage()
        if (message && message.type !== 'signed-out') return message
      }
      const answer = await refresh()
      // null: the server could not be asked; the other tabs keep what they have.
      if (answer) {
        this.write(REFRESH_COUNT_KEY, String((Number(this.read(REFRESH_COUNT_KEY)) || 0) + 1))
        this.post(answer)
      }
      return answer
    }
    if (!this.locks) return run()
    try {
      return await this.locks.request(REFRESH_LOCK, run)
    } catch (error) {
      // A lock manager that refuses (e.g. an opaque origin) must not block sign-in.
      if (error instanceof Error && error.name === 'SecurityError') return run()
      throw error
    }
  }

  private nextMessage(): Promise<TabMessage<U> | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== onMessage)
        resolve(null)
      }, this.waitMs)
      const onMessage = (message: TabMessage<U>) => {
        clearTimeout(timer)
        resolve(message)
      }
      this.waiters.push(onMessage)
    })
  }
}

/** The browser's Web Locks, BroadcastChannel and localStorage, where they exist. */
export function browserTabSyncOptions(): TabSyncOptions {
  const nav = typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { locks?: LockManagerLike })
  let storage: StorageLike | null = null
  try {
    storage = typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    storage = null
  }
  return {
    locks: nav?.locks && typeof nav.locks.request === 'function' ? nav.locks : null,
    channel: () => (typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null),
    storage,
  }
}
