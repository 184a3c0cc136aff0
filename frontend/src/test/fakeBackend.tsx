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
}

export interface Call {
  url: string
  method: string
  body: unknown
  token?: string
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
    }
    calls.push(call)
    const reply = handler(call)
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
          Object.assign(self, { status: reply!.status, responseText: reply!.body === undefined ? '' : JSON.stringify(reply!.body) })
          self.onload?.()
        }, 0)
      },
    }
    return self
  }
  const client = new ApiClient({ fetch, xhr, tabs: options.storage ? { storage: options.storage } : undefined })
  return { client, calls }
}

export const anonymous: Reply = { status: 401, body: { statusCode: 401, message: 'unauthorized', error: 'No session' } }
export const success: Reply = { status: 201, body: { message: 'success' } }
export const john = {
  id: 1,
  email: 'john.doe@gmail.com',
  username: 'JohnDoe',
  firstName: 'John',
  lastName: 'Doe',
  createdAt: '2023-01-02T10:00:00Z',
  isProfilePicPresent: false,
}
export const signedIn: Reply = { status: 200, body: { _at: 'at-1', user: john } }

export function settingsOf(security: Partial<Record<string, unknown>> = {}, personal: Partial<Record<string, unknown>> = {}): Reply {
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
        id: 1,
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
