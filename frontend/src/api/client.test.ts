import { describe, expect, it } from 'vitest'
import { ApiClient, ApiError, errorText, parseRetryAfter, type User, type XhrLike } from './client'

interface Call {
  url: string
  method: string
  headers: Record<string, string>
  body: unknown
}

type Reply = { status: number; body?: unknown; raw?: string } | Error

/** A fake fetch that answers from a script, one reply per call, and records the calls. */
function fakeFetch(...replies: Reply[]) {
  const calls: Call[] = []
  const queue = [...replies]
  const fetch = async (url: string, init: RequestInit = {}): Promise<Response> => {
    calls.push({
      url,
      method: init.method ?? 'GET',
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    })
    const reply = queue.shift()
    if (!reply) throw new Error(`unexpected call ${init.method ?? 'GET'} ${url}`)
    if (reply instanceof Error) throw reply
    const text = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body))
    return new Response(text === '' ? null : text, {
      status: reply.status,
      headers: { 'Content-Type': 'application/json' },
    })
  }
  return { fetch, calls, pending: () => queue.length }
}

const john: User = {
  id: '0b6e5a4e-3c1f-4d2a-9f0e-6a1d2c3b4a51',
  email: 'john.doe@gmail.com',
  username: 'JohnDoe',
  firstName: 'John',
  lastName: 'Doe',
  createdAt: '2023-01-02T10:00:00Z',
  isProfilePicPresent: false,
}

const refreshOk = (at = 'at-2', user: User = john): Reply => ({ status: 200, body: { _at: at, user } })

describe('errors', () => {
  it('uses the error text, falling back to the message', async () => {
    const f = fakeFetch(
      { status: 400, body: { statusCode: 400, message: 'validation-error', error: 'Username is too short' } },
      { status: 403, body: { statusCode: 403, message: 'user-already-exists' } },
    )
    const api = new ApiClient({ fetch: f.fetch })

    const first = await api.signUp({ email: 'a@b.c', password: 'x', username: 'u', tac: true }).catch((e) => e)
    expect(first).toBeInstanceOf(ApiError)
    expect(first).toMatchObject({ status: 400, code: 'validation-error', text: 'Username is too short' })
    expect(errorText(first)).toBe('Username is too short')

    const second = await api.signUp({ email: 'a@b.c', password: 'x', username: 'u', tac: true }).catch((e) => e)
    expect(second).toMatchObject({ status: 403, code: 'user-already-exists', text: 'user-already-exists' })
  })

  it('explains a body that is not JSON and a network failure', async () => {
    const f = fakeFetch({ status: 502, raw: '<html>Bad gateway</html>' }, new TypeError('Failed to fetch'))
    const api = new ApiClient({ fetch: f.fetch })

    const bad = await api.confirmAccount('h').catch((e) => e)
    expect(bad).toMatchObject({ status: 502, code: 'http-502' })
    expect(bad.text).toMatch(/unavailable/)

    const down = await api.confirmAccount('h').catch((e) => e)
    expect(down).toMatchObject({ status: 0, code: 'network-error' })
  })

  it('errorText handles plain errors and unknown values', () => {
    expect(errorText(new Error('boom'))).toBe('boom')
    expect(errorText('??')).toMatch(/went wrong/)
  })
})

describe('sign-up and confirmation', () => {
  it('posts the sign-up body as JSON', async () => {
    const f = fakeFetch({ status: 201, body: { message: 'success' } })
    const api = new ApiClient({ fetch: f.fetch })
    await api.signUp({ email: 'a@b.c', password: 'Aa1!aaaa', username: 'alice', tac: true, firstName: 'Alice' })
    expect(f.calls[0]).toMatchObject({
      url: '/api/user/sign-up',
      method: 'POST',
      body: { email: 'a@b.c', password: 'Aa1!aaaa', username: 'alice', tac: true, firstName: 'Alice' },
    })
    expect(f.calls[0].headers['Content-Type']).toBe('application/json')
    expect(f.calls[0].headers['x-access-token']).toBeUndefined()
  })

  it('confirms with the hash in the path', async () => {
    const f = fakeFetch({ status: 200, body: { message: 'success' } })
    const api = new ApiClient({ fetch: f.fetch })
    await api.confirmAccount('abc123')
    expect(f.calls[0]).toMatchObject({ url: '/api/user/account-confirmation/abc123', method: 'GET' })
  })
})

describe('sign-in', () => {
  it('keeps the token in memory and loads the user with refresh', async () => {
    const f = fakeFetch({ status: 201, body: { _at: 'at-1' } }, refreshOk('at-2'))
    const api = new ApiClient({ fetch: f.fetch })
    const seen: (User | null)[] = []
    api.subscribe((u) => seen.push(u))

    const result = await api.signIn({ email: 'john.doe@gmail.com', password: '12qw!@QW' })

    expect(result).toEqual({ status: 'signed-in', user: john })
    expect(f.calls[0]).toMatchObject({
      url: '/api/user/sign-in',
      method: 'POST',
      body: { email: 'john.doe@gmail.com', password: '12qw!@QW' },
    })
    expect(f.calls[1].url).toBe('/api/auth/refresh')
    expect(f.calls[1].headers['x-access-token']).toBe('Bearer at-1')
    expect(seen).toEqual([john])
    expect(api.hasToken).toBe(true)
  })

  it('reports TOTP and SMS second factors and resends with the code', async () => {
    const f = fakeFetch(
      { status: 201, body: { message: 'two-fa-required' } },
      { status: 201, body: { message: 'phone-two-fa-required' } },
      { status: 201, body: { _at: 'at-1' } },
      refreshOk(),
      { status: 201, body: { _at: 'at-3' } },
      refreshOk(),
    )
    const api = new ApiClient({ fetch: f.fetch })
    const creds = { email: 'a@b.c', password: 'pw' }

    expect(await api.signIn(creds)).toEqual({ status: 'two-fa-required', method: 'totp' })
    expect(await api.signIn(creds)).toEqual({ status: 'two-fa-required', method: 'sms' })
    expect(api.hasToken).toBe(false)

    await api.signIn({ ...creds, twoFaCode: '123456' })
    expect(f.calls[2].body).toEqual({ email: 'a@b.c', password: 'pw', twoFaCode: '123456' })

    await api.signIn({ ...creds, code: '9999' })
    expect(f.calls[4].body).toEqual({ email: 'a@b.c', password: 'pw', code: '9999' })
  })

  it('throws the error text of a failed sign-in', async () => {
    const f = fakeFetch({
      status: 403,
      body: { statusCode: 403, message: 'wrong-credentials', error: 'Wrong email or password' },
    })
    const api = new ApiClient({ fetch: f.fetch })
    await expect(api.signIn({ email: 'a@b.c', password: 'nope' })).rejects.toMatchObject({
      status: 403,
      code: 'wrong-credentials',
      text: 'Wrong email or password',
    })
    expect(api.hasToken).toBe(false)
  })
})

describe('session restore and refresh', () => {
  it('restores a session from the cookie once', async () => {
    const f = fakeFetch(refreshOk('at-9'))
    const api = new ApiClient({ fetch: f.fetch })
    const [a, b] = await Promise.all([api.restoreSession(), api.restoreSession()])
    expect(a).toEqual(john)
    expect(b).toEqual(john)
    expect(await api.restoreSession()).toEqual(john)
    expect(f.calls).toHaveLength(1)
    // No token yet, so no header on the very first refresh.
    expect(f.calls[0].headers['x-access-token']).toBeUndefined()
    expect(api.hasToken).toBe(true)
  })

  it('becomes anonymous silently on 401', async () => {
    const f = fakeFetch({ status: 401, body: { statusCode: 401, message: 'unauthorized', error: 'No session' } })
    const api = new ApiClient({ fetch: f.fetch })
    const seen: (User | null)[] = []
    api.subscribe((u) => seen.push(u))
    expect(await api.restoreSession()).toBeNull()
    expect(seen).toEqual([null])
    expect(api.hasToken).toBe(false)
  })

  it('restoreSession never throws, even when the server is down', async () => {
    const f = fakeFetch(new TypeError('Failed to fetch'))
    const api = new ApiClient({ fetch: f.fetch })
    expect(await api.restoreSession()).toBeNull()
  })

  it('shares one request between concurrent refreshes', async () => {
    const f = fakeFetch(refreshOk('at-1'))
    const api = new ApiClient({ fetch: f.fetch })
    const [a, b] = await Promise.all([api.refresh(), api.refresh()])
    expect(a).toEqual(john)
    expect(b).toEqual(john)
    expect(f.calls).toHaveLength(1)
  })
})

describe('authenticated calls', () => {
  async function signedIn(...more: Reply[]) {
    const f = fakeFetch(refreshOk('at-1'), ...more)
    const api = new ApiClient({ fetch: f.fetch })
    await api.restoreSession()
    return { api, f }
  }

  it('send x-access-token, not Authorization', async () => {
    const { api, f } = await signedIn({ status: 200, body: { ok: true } })
    await api.request('/api/user/something', { auth: true })
    expect(f.calls[1].headers['x-access-token']).toBe('Bearer at-1')
    expect(f.calls[1].headers.Authorization).toBeUndefined()
  })

  it.each(['token-expired', 'session-has-expired'])('refresh once and retry on 401 %s', async (code) => {
    const { api, f } = await signedIn(
      { status: 401, body: { statusCode: 401, message: code, error: 'Expired' } },
      refreshOk('at-2'),
      { status: 200, body: { value: 42 } },
    )
    const result = await api.request<{ value: number }>('/api/thing', { auth: true })
    expect(result).toEqual({ value: 42 })
    expect(f.calls.map((c) => c.url)).toEqual(['/api/auth/refresh', '/api/thing', '/api/auth/refresh', '/api/thing'])
    expect(f.calls[2].headers['x-access-token']).toBe('Bearer at-1')
    expect(f.calls[3].headers['x-access-token']).toBe('Bearer at-2')
  })

  it('does not retry more than once', async () => {
    const expired = { status: 401, body: { statusCode: 401, message: 'token-expired', error: 'Expired' } }
    const { api, f } = await signedIn(expired, refreshOk('at-2'), expired)
    await expect(api.request('/api/thing', { auth: true })).rejects.toMatchObject({
      status: 401,
      code: 'token-expired',
    })
    expect(f.pending()).toBe(0)
    expect(f.calls).toHaveLength(4)
  })

  it('becomes anonymous when the refresh fails', async () => {
    const { api, f } = await signedIn(
      { status: 401, body: { statusCode: 401, message: 'session-has-expired', error: 'Your session has expired' } },
      { status: 401, body: { statusCode: 401, message: 'unauthorized', error: 'No session' } },
    )
    const seen: (User | null)[] = []
    api.subscribe((u) => seen.push(u))
    await expect(api.request('/api/thing', { auth: true })).rejects.toMatchObject({
      status: 401,
      text: 'Your session has expired',
    })
    expect(seen).toEqual([null])
    expect(api.hasToken).toBe(false)
    expect(f.calls).toHaveLength(3)
  })

  it('does not refresh on other 401s', async () => {
    const { api, f } = await signedIn({ status: 401, body: { statusCode: 401, message: 'invalid-token' } })
    await expect(api.request('/api/thing', { auth: true })).rejects.toMatchObject({ code: 'invalid-token' })
    expect(f.calls).toHaveLength(2)
  })

  it('a refresh that answers token-expired does not loop', async () => {
    const { api, f } = await signedIn({ status: 401, body: { statusCode: 401, message: 'token-expired' } })
    expect(await api.refresh()).toBeNull()
    expect(f.calls).toHaveLength(2)
  })
})

describe('logout', () => {
  it('calls logout with the token and forgets it', async () => {
    const f = fakeFetch(refreshOk('at-1'), { status: 200, body: { message: 'success' } })
    const api = new ApiClient({ fetch: f.fetch })
    await api.restoreSession()
    const seen: (User | null)[] = []
    api.subscribe((u) => seen.push(u))
    await api.logout()
    expect(f.calls[1]).toMatchObject({ url: '/api/user/logout', method: 'GET' })
    expect(f.calls[1].headers['x-access-token']).toBe('Bearer at-1')
    expect(api.hasToken).toBe(false)
    expect(seen).toEqual([null])
  })

  it('forgets the token even when the server call fails', async () => {
    const f = fakeFetch(refreshOk('at-1'), { status: 500, body: { statusCode: 500, message: 'internal' } })
    const api = new ApiClient({ fetch: f.fetch })
    await api.restoreSession()
    await expect(api.logout()).rejects.toBeInstanceOf(ApiError)
    expect(api.hasToken).toBe(false)
  })
})

describe('dev mailbox', () => {
  it('lists messages', async () => {
    const messages = [
      {
        id: 'a1c2e3f4-0000-4000-8000-000000000001',
        channel: 'email',
        to: 'a@b.c',
        subject: 'Hi',
        text: 'x',
        links: [],
        createdAt: '2024-05-01T09:00:00Z',
      },
    ]
    const f = fakeFetch({ status: 200, body: messages })
    const api = new ApiClient({ fetch: f.fetch })
    expect(await api.devMailbox()).toEqual(messages)
    expect(f.calls[0].url).toBe('/api/dev/mailbox')
  })

  it('answers null when the mailbox is off (404)', async () => {
    const f = fakeFetch({ status: 404, body: { statusCode: 404, message: 'not-found' } })
    const api = new ApiClient({ fetch: f.fetch })
    expect(await api.devMailbox()).toBeNull()
  })

  it('throws other failures', async () => {
    const f = fakeFetch({ status: 500, body: { statusCode: 500, message: 'internal', error: 'Oops' } })
    const api = new ApiClient({ fetch: f.fetch })
    await expect(api.devMailbox()).rejects.toMatchObject({ text: 'Oops' })
  })
})

describe('rate limits', () => {
  it('reads Retry-After into the error', async () => {
    const fetch = async () =>
      new Response(JSON.stringify({ statusCode: 429, message: 'too-many-requests', error: 'Try again later' }), {
        status: 429,
        headers: { 'Content-Type': 'application/json', 'Retry-After': '17' },
      })
    const api = new ApiClient({ fetch })
    await expect(api.resendConfirmation('a@b.c')).rejects.toMatchObject({
      status: 429,
      code: 'too-many-requests',
      retryAfter: 17,
    })
  })

  it('parses seconds and HTTP dates', () => {
    expect(parseRetryAfter('5')).toBe(5)
    expect(parseRetryAfter('Wed, 01 May 2024 12:00:30 GMT', Date.parse('2024-05-01T12:00:00Z'))).toBe(30)
    expect(parseRetryAfter('soon')).toBeNull()
    expect(parseRetryAfter(null)).toBeNull()
  })
})

describe('calls that may need a second factor', () => {
  async function signedIn(...more: Reply[]) {
    const f = fakeFetch(refreshOk('at-1'), ...more)
    const api = new ApiClient({ fetch: f.fetch })
    await api.restoreSession()
    return { api, f }
  }

  it('reads two-fa-required, phone-two-fa-required and code-sent', async () => {
    const { api } = await signedIn(
      { status: 201, body: { message: 'two-fa-required' } },
      { status: 201, body: { message: 'code-sent' } },
      { status: 201, body: { message: 'phone-two-fa-required' } },
      { status: 201, body: { message: 'success' } },
    )
    const input = { password: 'Aa1!aaaa', passwordRepeat: 'Aa1!aaaa' }
    expect(await api.changePassword(input)).toEqual({ kind: 'needs-code', method: 'totp' })
    expect(await api.changePassword(input)).toEqual({ kind: 'needs-code', method: 'sms' })
    expect(await api.changePassword(input)).toEqual({ kind: 'needs-code', method: 'sms' })
    expect(await api.changePassword(input)).toEqual({ kind: 'done', value: undefined })
  })

  it('sends a TOTP code as twoFaCode and an SMS code as code, with the same body', async () => {
    const ok = { status: 201, body: { message: 'success' } }
    const { api, f } = await signedIn(ok, ok, ok, ok)
    await api.changeEmail({ email: 'new@b.c' }, { method: 'totp', code: '123456' })
    await api.changeEmail({ email: 'new@b.c', password: 'pw' }, { method: 'sms', code: '4242' })
    await api.closeAccount({ password: 'pw' }, { method: 'totp', code: '654321' })
    await api.setPhone('+48123456789', { method: 'sms', code: '1111' })
    expect(f.calls.slice(1).map((c) => [c.url, c.method, c.headers['x-access-token'], c.body])).toEqual([
      ['/api/user/change-email', 'POST', 'Bearer at-1', { email: 'new@b.c', twoFaCode: '123456' }],
      ['/api/user/change-email', 'POST', 'Bearer at-1', { email: 'new@b.c', password: 'pw', code: '4242' }],
      // close-account takes either kind of code in `code`
      ['/api/user/close-account', 'POST', 'Bearer at-1', { password: 'pw', code: '654321' }],
      ['/api/user/set-phone', 'POST', 'Bearer at-1', { phone: '+48123456789', code: '1111' }],
    ])
  })

  it('loads public profiles and says null for unknown users', async () => {
    const f = fakeFetch(
      { status: 200, body: { data: john } },
      { status: 404, body: { statusCode: 404, message: 'user-not-found', error: 'User not found' } },
    )
    const api = new ApiClient({ fetch: f.fetch })
    expect(await api.getUser('John Doe')).toEqual(john)
    expect(f.calls[0].url).toBe('/api/user/get/John%20Doe')
    expect(await api.getUser('nobody')).toBeNull()
    expect(api.photoUrl('JohnDoe')).toBe('/api/user/photo/JohnDoe')
    expect(api.photoUrl('JohnDoe', 7)).toBe('/api/user/photo/JohnDoe?v=7')
  })
})

/** An XMLHttpRequest stand-in that reports progress, then answers from a script. */
function fakeXhr(...replies: { status: number; body: unknown; retryAfter?: string }[]) {
  const sent: { url: string; headers: Record<string, string>; body: unknown }[] = []
  const factory = (): XhrLike => {
    const headers: Record<string, string> = {}
    let url = ''
    const xhr: XhrLike = {
      status: 0,
      responseText: '',
      upload: { onprogress: null },
      onload: null,
      onerror: null,
      open: (_method, target) => {
        url = target
      },
      setRequestHeader: (name, value) => {
        headers[name] = value
      },
      getResponseHeader: (name) => (name === 'Retry-After' ? (reply?.retryAfter ?? null) : null),
      send: (body) => {
        sent.push({ url, headers: { ...headers }, body: JSON.parse(body) })
        reply = replies.shift()
        setTimeout(() => {
          xhr.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 })
          xhr.upload.onprogress?.({ lengthComputable: true, loaded: 100, total: 100 })
          if (!reply) return xhr.onerror?.()
          Object.assign(xhr, { status: reply.status, responseText: JSON.stringify(reply.body) })
          xhr.onload?.()
        }, 0)
      },
    }
    let reply: (typeof replies)[number] | undefined
    return xhr
  }
  return { factory, sent }
}

describe('photo upload', () => {
  it('sends the data URL with the token and reports progress', async () => {
    const x = fakeXhr({ status: 201, body: { message: 'success' } })
    const f = fakeFetch(refreshOk('at-1'))
    const api = new ApiClient({ fetch: f.fetch, xhr: x.factory })
    await api.restoreSession()
    const progress: number[] = []
    await api.uploadPhoto('data:image/png;base64,AAAA', (p) => progress.push(p))
    expect(x.sent).toEqual([
      {
        url: '/api/user/upload-photo',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'x-access-token': 'Bearer at-1' },
        body: { photo: 'data:image/png;base64,AAAA' },
      },
    ])
    expect(progress).toEqual([0.5, 1, 1])
  })

  it('refreshes once on an expired token and uploads again', async () => {
    const x = fakeXhr(
      { status: 401, body: { statusCode: 401, message: 'token-expired' } },
      { status: 201, body: { message: 'success' } },
    )
    const f = fakeFetch(refreshOk('at-1'), refreshOk('at-2'))
    const api = new ApiClient({ fetch: f.fetch, xhr: x.factory })
    await api.restoreSession()
    await api.uploadPhoto('data:image/png;base64,AAAA')
    expect(x.sent.map((s) => s.headers['x-access-token'])).toEqual(['Bearer at-1', 'Bearer at-2'])
  })

  it('turns 413 and network failures into errors', async () => {
    const x = fakeXhr({ status: 413, body: { statusCode: 413, message: 'payload-too-large', error: 'Too large' } })
    const api = new ApiClient({ fetch: fakeFetch().fetch, xhr: x.factory })
    await expect(api.uploadPhoto('data:x')).rejects.toMatchObject({ status: 413, code: 'payload-too-large' })
    await expect(api.uploadPhoto('data:x')).rejects.toMatchObject({ status: 0, code: 'network-error' })
  })
})
