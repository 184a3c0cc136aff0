import { describe, expect, it } from 'vitest'
import { ApiClient, type SessionEndReason, type User } from './client'
import { HAD_SESSION_KEY, REFRESH_LOCK, type ChannelLike, type LockManagerLike, type StorageLike } from './tabs'

/** Web Locks stand-in: one holder per name, the rest queue in order. */
function fakeLocks() {
  const tails = new Map<string, Promise<unknown>>()
  const names: string[] = []
  const locks: LockManagerLike = {
    request<T>(name: string, callback: () => Promise<T>): Promise<T> {
      names.push(name)
      const before = tails.get(name) ?? Promise.resolve()
      const result = before.then(() => callback())
      tails.set(
        name,
        result.catch(() => undefined),
      )
      return result
    },
  }
  return { locks, names }
}

/** BroadcastChannel stand-in: delivers to every other channel, later (like the real one). */
function fakeBus(deliver: 'soon' | 'late' = 'soon') {
  const channels: { listeners: ((event: { data: unknown }) => void)[] }[] = []
  const open = (): ChannelLike => {
    const me = { listeners: [] as ((event: { data: unknown }) => void)[] }
    channels.push(me)
    return {
      postMessage(message) {
        const data = structuredClone(message)
        for (const other of channels) {
          if (other === me) continue
          const run = () => other.listeners.forEach((listener) => listener({ data }))
          if (deliver === 'soon') queueMicrotask(run)
          else setTimeout(run, 20)
        }
      },
      addEventListener(_type, listener) {
        me.listeners.push(listener)
      },
    }
  }
  return { open }
}

function memoryStorage(): StorageLike & { map: Map<string, string> } {
  const map = new Map<string, string>()
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  }
}

const john: User = {
  id: '0b6e5a4e-3c1f-4d2a-9f0e-6a1d2c3b4a51',
  email: 'john@example.com',
  username: 'JohnDoe',
  isProfilePicPresent: false,
  createdAt: '2023-01-02T10:00:00Z',
}

/** One fake gateway shared by every tab: counts refreshes, hands out at-1, at-2, … */
function gateway(options: { session: boolean } = { session: true }) {
  let refreshes = 0
  let session = options.session
  const calls: { url: string; token?: string }[] = []
  const fetch = async (url: string, init: RequestInit = {}) => {
    const token = (init.headers as Record<string, string> | undefined)?.['x-access-token']
    calls.push({ url, token })
    // Let other tabs run in between, like a real network would.
    await new Promise((resolve) => setTimeout(resolve, 5))
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
    if (url === '/api/auth/refresh') {
      if (!session) return json(401, { statusCode: 401, message: 'invalid-token', error: 'Session revoked' })
      refreshes += 1
      return json(200, { _at: `at-${refreshes}`, user: john })
    }
    if (url === '/api/user/logout') {
      session = false
      return json(200, { message: 'success' })
    }
    return json(200, { ok: true })
  }
  return {
    fetch,
    calls,
    refreshes: () => refreshes,
    endSession: () => {
      session = false
    },
  }
}

function tab(
  server: ReturnType<typeof gateway>,
  shared: { locks?: LockManagerLike | null; bus: ReturnType<typeof fakeBus>; storage: StorageLike },
) {
  const client = new ApiClient({
    fetch: server.fetch,
    tabs: { locks: shared.locks ?? null, channel: shared.bus.open, storage: shared.storage, waitMs: 500 },
  })
  const seen: { user: User | null; reason?: SessionEndReason }[] = []
  client.subscribe((user, reason) => seen.push({ user, reason }))
  client.listenToOtherTabs()
  return { client, seen }
}

describe('refresh shared between tabs', () => {
  it.each(['soon', 'late'] as const)(
    'two tabs refreshing at once make one refresh call (message delivered %s)',
    async (deliver) => {
      const server = gateway()
      const { locks, names } = fakeLocks()
      const storage = memoryStorage()
      storage.setItem(HAD_SESSION_KEY, '1')
      const bus = fakeBus(deliver)
      const a = tab(server, { locks, bus, storage })
      const b = tab(server, { locks, bus, storage })

      const [userA, userB] = await Promise.all([a.client.restoreSession(), b.client.restoreSession()])

      expect(userA).toEqual(john)
      expect(userB).toEqual(john)
      expect(server.refreshes()).toBe(1)
      expect(names).toEqual([REFRESH_LOCK, REFRESH_LOCK])
      // Both tabs now use the one fresh token.
      await a.client.request('/api/thing', { auth: true })
      await b.client.request('/api/thing', { auth: true })
      expect(server.calls.filter((c) => c.url === '/api/thing').map((c) => c.token)).toEqual([
        'Bearer at-1',
        'Bearer at-1',
      ])
    },
  )

  it('without Web Locks each tab still works on its own', async () => {
    const server = gateway()
    const storage = memoryStorage()
    storage.setItem(HAD_SESSION_KEY, '1')
    const bus = fakeBus()
    const a = tab(server, { locks: null, bus, storage })
    expect(await a.client.restoreSession()).toEqual(john)
    expect(server.refreshes()).toBe(1)
  })

  it('does not call refresh for a visitor who never had a session (no 401 in the console)', async () => {
    const server = gateway({ session: false })
    const a = tab(server, { bus: fakeBus(), storage: memoryStorage() })
    expect(await a.client.restoreSession()).toBeNull()
    expect(server.calls).toEqual([])
  })

  it('remembers the non-secret flag after a sign-in and forgets it on sign-out', async () => {
    const server = gateway()
    const storage = memoryStorage()
    const a = tab(server, { bus: fakeBus(), storage })
    await a.client.refresh()
    expect(storage.map.get(HAD_SESSION_KEY)).toBe('1')
    expect([...storage.map.values()].some((value) => value.includes('at-'))).toBe(false)
    await a.client.logout()
    expect(storage.map.has(HAD_SESSION_KEY)).toBe(false)
  })

  it('when the session really ends, every tab hears "ended"', async () => {
    const server = gateway()
    const storage = memoryStorage()
    storage.setItem(HAD_SESSION_KEY, '1')
    const { locks } = fakeLocks()
    const bus = fakeBus()
    const a = tab(server, { locks, bus, storage })
    const b = tab(server, { locks, bus, storage })
    await Promise.all([a.client.restoreSession(), b.client.restoreSession()])

    server.endSession()
    expect(await a.client.refresh()).toBeNull()
    await new Promise((resolve) => setTimeout(resolve, 10))

    expect(a.seen.at(-1)).toEqual({ user: null, reason: 'ended' })
    expect(b.seen.at(-1)).toEqual({ user: null, reason: 'ended' })
    expect(b.client.hasToken).toBe(false)
    expect(storage.map.has(HAD_SESSION_KEY)).toBe(false)
  })

  it('signing out in one tab signs out the others; signing in is shared too', async () => {
    const server = gateway()
    const storage = memoryStorage()
    const bus = fakeBus()
    const a = tab(server, { bus, storage })
    const b = tab(server, { bus, storage })

    await a.client.refresh()
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(b.seen.at(-1)).toEqual({ user: john, reason: undefined })
    expect(b.client.hasToken).toBe(true)

    await a.client.logout()
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(b.seen.at(-1)).toEqual({ user: null, reason: 'signed-out' })
    expect(b.client.hasToken).toBe(false)
  })
})
