import { render } from '@testing-library/react'
import { MemoryRouter, Route, Routes, useLocation } from 'react-router'
import { ApiClient, type XhrLike } from '../api/client'
import type { StorageLike } from '../api/tabs'
import { AuthProvider } from '../auth/AuthContext'
import { AppRoutes } from '../App'

export interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
  /** A streamed body instead of `body` (see `eventStream`). */
  stream?: ReadableStream<Uint8Array>
}

export interface Call {
  url: string
  method: string
  body: unknown
  token?: string
  /** Every header sent (fetch only). */
  headers?: Record<string, string>
}

type Handler = (call: Call) => Reply

/**
 * A fake gateway for page tests: fetch and XMLHttpRequest (uploads) both go
 * to `handler`; every call is recorded.
 */
export function backend(handler: Handler, options: { storage?: StorageLike } = {}) {
  const calls: Call[] = []
  const fetch = async (url: string, init: RequestInit = {}) => {
    const headers = (init.headers ?? {}) as Record<string, string>
    const call: Call = {
      url,
      method: init.method ?? 'GET',
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      token: headers['x-access-token'],
      headers,
    }
    calls.push(call)
    if (init.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError')
    const reply = handler(call)
    if (reply.stream)
      return new Response(reply.stream, {
        status: reply.status,
        headers: { 'Content-Type': 'text/event-stream', ...reply.headers },
      })
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'Content-Type': 'application/json', ...reply.headers },
    })
  }
  const xhr = (): XhrLike => {
    const headers: Record<string, string> = {}
    let url = ''
    let reply: Reply | undefined
    const self: XhrLike = {
      status: 0,
      responseText: '',
      upload: { onprogress: null },
      onload: null,
      onerror: null,
      open: (_m, target) => {
        url = target
      },
      setRequestHeader: (name, value) => {
        headers[name] = value
      },
      getResponseHeader: (name) => reply?.headers?.[name] ?? null,
      send: (body) => {
        const call: Call = { url, method: 'POST', body: JSON.parse(body), token: headers['x-access-token'] }
        calls.push(call)
        reply = handler(call)
        setTimeout(() => {
          self.upload.onprogress?.({ lengthComputable: true, loaded: 1, total: 2 })
          Object.assign(self, {
            status: reply!.status,
            responseText: reply!.body === undefined ? '' : JSON.stringify(reply!.body),
          })
          self.onload?.()
        }, 0)
      },
    }
    return self
  }
  const client = new ApiClient({ fetch, xhr, tabs: options.storage ? { storage: options.storage } : undefined })
  return { client, calls }
}

/**
 * A server-sent event stream to answer with (`reply`), written to by the test: `send` one event, `comment` a
 * keep-alive, `close` it as the server would. `cancelled` turns true when the app closed it.
 */
export function eventStream() {
  const encoder = new TextEncoder()
  let controller!: ReadableStreamDefaultController<Uint8Array>
  const state = { cancelled: false, closed: false }
  const stream = new ReadableStream<Uint8Array>({
    start: (c) => {
      controller = c
    },
    cancel: () => {
      state.cancelled = true
    },
  })
  const write = (text: string) => {
    if (!state.cancelled && !state.closed) controller.enqueue(encoder.encode(text))
  }
  return {
    reply: { status: 200, stream } as Reply,
    state,
    send(event: string, data: unknown, id?: number | string) {
      write(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
    },
    raw: write,
    close() {
      if (state.cancelled || state.closed) return
      state.closed = true
      controller.close()
    },
  }
}

export type FakeStream = ReturnType<typeof eventStream>

export const anonymous: Reply = { status: 401, body: { statusCode: 401, message: 'unauthorized', error: 'No session' } }
export const success: Reply = { status: 201, body: { message: 'success' } }
export const john = {
  id: '0b6e5a4e-3c1f-4d2a-9f0e-6a1d2c3b4a51',
  email: 'john.doe@gmail.com',
  username: 'JohnDoe',
  firstName: 'John',
  lastName: 'Doe',
  createdAt: '2023-01-02T10:00:00Z',
  isProfilePicPresent: false,
}
export const signedIn: Reply = { status: 200, body: { _at: 'at-1', user: john } }

export function settingsOf(
  security: Partial<Record<string, unknown>> = {},
  personal: Partial<Record<string, unknown>> = {},
): Reply {
  return {
    status: 200,
    body: {
      isProfilePicPresent: false,
      securitySettings: {
        publicEmail: false,
        emailChanged: false,
        passwordChanged: null,
        phone: null,
        email: john.email,
        twoFaToken: false,
        ...security,
      },
      personalSettings: {
        id: john.id,
        email: john.email,
        firstName: 'John',
        lastName: 'Doe',
        username: 'JohnDoe',
        twitter: '',
        linkedIn: '',
        personalWebsite: '',
        title: '',
        bio: '',
        createdAt: john.createdAt,
        ...personal,
      },
    },
  }
}

function Where() {
  const location = useLocation()
  return <div data-testid="where">{location.pathname + location.search}</div>
}

export function renderApp(client: ApiClient, path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <AuthProvider client={client}>
        <AppRoutes />
        <Routes>
          <Route path="*" element={<Where />} />
        </Routes>
      </AuthProvider>
    </MemoryRouter>,
  )
}

export function memoryStorage(entries: Record<string, string> = {}): StorageLike {
  const map = new Map(Object.entries(entries))
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  }
}

// ------------------------------------------------------------------ posts

export interface FakePost {
  id: string
  userId: string
  username: string
  title: string
  slug: string
  oldSlugs: string[]
  content: string[]
  preview: string
  searchTags: string[]
  createdAt: string
  updatedAt: string
  rating: number
  commentsCount: number
  myRate: '+' | '-' | null
  comments: {
    id: string
    username: string
    payload: string
    createdAt: string
    rating: number
    myRate: '+' | '-' | null
  }[]
}

export function fakePost(patch: Partial<FakePost> = {}): FakePost {
  const title = patch.title ?? 'Why Bitcoin halvings matter'
  return {
    id: 'p1',
    userId: 'u1',
    username: 'JohnDoe',
    title,
    slug: slugOf(title),
    oldSlugs: [],
    content: ['# Halvings', '', 'Every **210,000** blocks the reward halves.'],
    preview: 'What the halving does to miners and supply.',
    searchTags: ['bitcoin', 'mining'],
    createdAt: '2024-04-20T10:00:00Z',
    updatedAt: '2024-04-20T10:00:00Z',
    rating: 2,
    commentsCount: 0,
    myRate: null,
    comments: [],
    ...patch,
  }
}

export function slugOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

const notFound: Reply = { status: 404, body: { statusCode: 404, message: 'post-not-found', error: 'Not found' } }

/**
 * A small in-memory posts API with the contract's quirks: a token without
 * `username` lists only the caller's posts, old slugs keep resolving, votes
 * toggle, a post embeds its first 50 comments and pages the rest. `fail` can make a path answer an error instead.
 */
export function postsApi(posts: FakePost[], me: { username: string } | null = john) {
  const state = { posts, fail: new Map<string, Reply>() }
  const handle = (call: Call): Reply | undefined => {
    const url = new URL(call.url, 'http://x')
    const path = url.pathname
    for (const [prefix, reply] of state.fail) if (path.startsWith(prefix)) return reply
    const caller = call.token ? me : null
    const list = path.match(/^\/api\/posts\/list\/(\d+)\/(\d+)\/(ASC|DESC)\/(\w+)$/i)
    if (list) {
      const [, page, size] = list.map(Number) as number[]
      let rows = [...state.posts]
      const username = url.searchParams.get('username')
      if (username) rows = rows.filter((p) => p.username === username)
      else if (caller) rows = rows.filter((p) => p.username === caller.username)
      const q = url.searchParams.get('searchQuery')?.toLowerCase()
      if (q) rows = rows.filter((p) => (p.title + ' ' + p.content.join(' ')).toLowerCase().includes(q))
      const tags = url.searchParams.get('tags')?.split(',')
      if (tags) rows = rows.filter((p) => p.searchTags.some((t) => tags.includes(t)))
      return {
        status: 200,
        body: {
          count: rows.length,
          rows: rows
            .slice(page * size, page * size + size)
            .map(({ comments: _c, oldSlugs: _o, content: _x, myRate: _m, userId: _u, updatedAt: _d, ...row }) => row),
        },
      }
    }
    if (path === '/api/posts/tags') {
      const counts = new Map<string, number>()
      for (const p of state.posts) for (const t of p.searchTags) counts.set(t, (counts.get(t) ?? 0) + 1)
      return { status: 200, body: [...counts].sort((a, b) => b[1] - a[1]).map(([tag, n]) => ({ tag, posts: n })) }
    }
    const get = path.match(/^\/api\/posts\/get\/(.+)$/)
    if (get) {
      const slug = decodeURIComponent(get[1])
      const post = state.posts.find((p) => p.slug === slug || p.oldSlugs.includes(slug))
      if (!post) return notFound
      if (url.searchParams.get('toEdit') === 'yes' && caller?.username !== post.username) {
        return { status: 400, body: { statusCode: 400, message: 'wrong-user', error: 'Not yours' } }
      }
      const { comments, oldSlugs: _o, ...rest } = post
      return {
        status: 200,
        body: {
          ...rest,
          myRate: caller ? post.myRate : null,
          postInfo: { rates: [], comments: comments.slice(0, 50).map((c) => ({ ...c, commentRates: [] })) },
        },
      }
    }
    const commentPage = path.match(/^\/api\/posts\/comments\/([^/]+)\/(\d+)\/(\d+)$/)
    if (commentPage) {
      const post = state.posts.find((p) => p.id === decodeURIComponent(commentPage[1]))
      if (!post) return notFound
      const [page, size] = [Number(commentPage[2]), Number(commentPage[3])]
      const rows = post.comments.slice(page * size, page * size + size).map((c) => ({ ...c, commentRates: [] }))
      return { status: 200, body: { count: post.comments.length, rows } }
    }
    if (path === '/api/posts/create' && call.method === 'POST') {
      const body = call.body as { title: string; preview: string; content: string[]; searchTags: string[] }
      if (state.posts.some((p) => p.title.toLowerCase() === body.title.toLowerCase())) {
        return { status: 400, body: { statusCode: 400, message: 'post-already-exists', error: 'exists' } }
      }
      const post = fakePost({
        ...body,
        id: `p${state.posts.length + 1}`,
        username: me?.username,
        rating: 0,
        slug: slugOf(body.title),
      })
      state.posts.unshift(post)
      return { status: 201, body: { message: 'success', id: post.id, slug: post.slug } }
    }
    const byId = (id: string) => state.posts.find((p) => p.id === decodeURIComponent(id))
    const update = path.match(/^\/api\/posts\/update\/(.+)$/)
    if (update && call.method === 'PATCH') {
      const post = byId(update[1])
      if (!post) return notFound
      const body = call.body as Partial<FakePost>
      if (body.title && body.title !== post.title) {
        post.oldSlugs.push(post.slug)
        post.slug = slugOf(body.title)
      }
      Object.assign(post, body)
      return { status: 200, body: { message: 'success', slug: post.slug } }
    }
    const del = path.match(/^\/api\/posts\/delete\/(.+)$/)
    if (del && call.method === 'DELETE') {
      const post = byId(del[1])
      if (!post) return notFound
      state.posts.splice(state.posts.indexOf(post), 1)
      return { status: 200, body: { message: 'success' } }
    }
    const comment = path.match(/^\/api\/posts\/comment\/(.+)$/)
    if (comment && call.method === 'PATCH') {
      const post = byId(comment[1])
      if (!post) return notFound
      const id = `c${post.comments.length + 1}`
      post.comments.push({
        id,
        username: me!.username,
        payload: (call.body as { comment: string }).comment,
        createdAt: new Date().toISOString(),
        rating: 0,
        myRate: null,
      })
      post.commentsCount++
      return { status: 200, body: { message: 'success', id } }
    }
    const rate = path.match(/^\/api\/posts\/rate\/post\/(.+)$/)
    if (rate && call.method === 'PATCH') {
      const post = byId(rate[1])
      if (!post) return notFound
      const sign = (call.body as { rate: '+' | '-' }).rate
      const v = (r: string | null) => (r === '+' ? 1 : r === '-' ? -1 : 0)
      const next = post.myRate === sign ? null : sign
      post.rating += v(next) - v(post.myRate)
      post.myRate = next
      return { status: 200, body: { message: 'success' } }
    }
    if (path.startsWith('/api/posts/rate/comment/') && call.method === 'PATCH')
      return { status: 200, body: { message: 'success' } }
    return undefined
  }
  return { state, handle }
}

// ------------------------------------------------------------------ market

export interface FakeCoin {
  id: string
  uuid: string
  symbol: string
  name: string
  iconUrl: string | null
  volume24h: string
  marketCap: string
  price: number
  btcPrice: number
  change: number | null
  coinrankingUrl: string
  sparkline: (string | null)[]
  rank: number
  tier: number
  likes: number
  description: string | null
}

export function fakeCoin(patch: Partial<FakeCoin> = {}): FakeCoin {
  const name = patch.name ?? 'Bitcoin'
  const uuid = patch.uuid ?? 'Qwsogvtv82FCd'
  return {
    id: `id-${uuid}`,
    uuid,
    symbol: 'BTC',
    name,
    iconUrl: `https://cdn.coinranking.com/${uuid}.svg`,
    volume24h: '41200000000',
    marketCap: '1925000000000',
    price: 97234.56,
    btcPrice: 1,
    change: 2.35,
    coinrankingUrl: `https://coinranking.com/coin/${uuid}+${name.toLowerCase()}`,
    sparkline: ['95000', '96000', null, '97234.56'],
    rank: 1,
    tier: 1,
    likes: 3,
    description: null,
    ...patch,
  }
}

export const marketStats = {
  total: 683,
  totalCoins: 24625,
  totalMarkets: 40089,
  totalExchanges: 179,
  totalMarketCap: '1258893992421',
  total24hVolume: '90917765538',
  updatedAt: '2026-11-27T10:00:00Z',
  sample: true,
}

const noCrypto: Reply = { status: 404, body: { statusCode: 404, message: 'no-crypto', error: 'No such coin' } }

/**
 * A small in-memory market API with the contract's rules: the list is
 * public; `list-favorites` gives `username`'s favourites, else the caller's
 * (token), else 401; `get` has `isFavorite` for the caller only. `fail`
 * makes a path (optionally for one method) answer an error instead.
 */
export function marketApi(
  coins: FakeCoin[],
  options: { favourites?: string[]; others?: Record<string, string[]> } = {},
) {
  const state = {
    coins,
    favourites: new Set(options.favourites ?? []),
    fail: new Map<string, Reply>(),
    stats: marketStats as unknown,
  }
  const rowOf = ({ description: _d, ...row }: FakeCoin) => row
  const handle = (call: Call): Reply | undefined => {
    const url = new URL(call.url, 'http://x')
    const path = url.pathname
    for (const [key, reply] of state.fail) {
      // A key is a path prefix, optionally after a method: "PATCH /api/crypto/favorites/".
      const [method, prefix] = key.includes(' ') ? key.split(' ') : [call.method, key]
      if (method === call.method && path.startsWith(prefix)) return reply
    }
    if (path === '/api/crypto/market-stats') return { status: 200, body: state.stats }
    const list = path.match(/^\/api\/crypto\/(list|list-favorites)\/(\d+)\/(\d+)\/(ASC|DESC)\/(\w+)$/)
    if (list) {
      const [, kind, page, size, order, orderBy] = list
      let rows = [...state.coins]
      if (kind === 'list-favorites') {
        const username = url.searchParams.get('username')
        if (username) rows = rows.filter((c) => (options.others?.[username] ?? []).includes(c.uuid))
        else if (call.token) rows = rows.filter((c) => state.favourites.has(c.uuid))
        else return { status: 401, body: { statusCode: 401, message: 'unauthorized', error: 'Sign in first' } }
      }
      const q = url.searchParams.get('searchQuery')?.toLowerCase()
      if (q) rows = rows.filter((c) => c.name.toLowerCase().includes(q) || c.symbol.toLowerCase().startsWith(q))
      const key = orderBy as keyof FakeCoin
      rows.sort((a, b) => (Number(a[key]) - Number(b[key])) * (order === 'DESC' ? -1 : 1) || a.rank - b.rank)
      const from = Number(page) * Number(size)
      return { status: 200, body: { count: rows.length, rows: rows.slice(from, from + Number(size)).map(rowOf) } }
    }
    const get = path.match(/^\/api\/crypto\/get\/(.+)$/)
    if (get) {
      const coin = state.coins.find((c) => c.uuid === decodeURIComponent(get[1]))
      if (!coin) return noCrypto
      return {
        status: 200,
        body: {
          ...coin,
          symbolId: coin.name.toLowerCase(),
          createdAt: '2026-01-01T00:00:00Z',
          updatedAt: '2026-11-27T10:00:00Z',
          isFavorite: Boolean(call.token) && state.favourites.has(coin.uuid),
        },
      }
    }
    const history = path.match(/^\/api\/crypto\/history\/(.+)$/)
    if (history) {
      const coin = state.coins.find((c) => c.uuid === decodeURIComponent(history[1]))
      if (!coin) return noCrypto
      const range = url.searchParams.get('range') ?? '24h'
      const hours = range === '24h' ? 24 : range === '7d' ? 168 : 720
      const end = Date.parse('2026-11-27T10:00:00Z')
      const points = Array.from({ length: hours + 1 }, (_, i) => ({
        at: new Date(end - (hours - i) * 3_600_000).toISOString(),
        price: coin.price * (1 + Math.sin(i / 5) / 50),
        marketCap: coin.marketCap,
      }))
      return { status: 200, body: { uuid: coin.uuid, range, points } }
    }
    const favourite = path.match(/^\/api\/crypto\/(favorites|favorite)\/(.+)$/)
    if (favourite && (call.method === 'PATCH' || call.method === 'DELETE')) {
      if (!call.token) return { status: 401, body: { statusCode: 401, message: 'unauthorized' } }
      const coin = state.coins.find((c) => c.uuid === decodeURIComponent(favourite[2]))
      if (!coin) return noCrypto
      if (call.method === 'PATCH' && favourite[1] === 'favorites') state.favourites.add(coin.uuid)
      else if (call.method === 'DELETE' && favourite[1] === 'favorite') state.favourites.delete(coin.uuid)
      else return { status: 404, body: { statusCode: 404, message: 'not-found' } }
      return { status: 200, body: { message: 'success' } }
    }
    return undefined
  }
  return { state, handle }
}
