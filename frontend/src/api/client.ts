/**
 * Small client for the Cryptotalks API (same origin, under /api).
 *
 * - The access token (`_at`) lives in memory only; the refresh token is the
 *   HttpOnly `_rt` cookie that the browser sends by itself.
 * - Authenticated calls carry `x-access-token: Bearer <_at>`.
 * - A 401 whose message is `token-expired` or `session-has-expired` triggers
 *   one refresh and one retry; if the refresh fails, the session is dropped.
 */

export interface User {
  id: string | number
  email: string
  username: string
  firstName?: string | null
  lastName?: string | null
  twitter?: string | null
  linkedIn?: string | null
  personalWebsite?: string | null
  title?: string | null
  bio?: string | null
  createdAt?: string | number | null
  isProfilePicPresent?: boolean
}

export interface SignUpInput {
  email: string
  password: string
  username: string
  tac: boolean
  firstName?: string
  lastName?: string
}

export interface SignInInput {
  email: string
  password: string
  /** TOTP code from an authenticator app. */
  twoFaCode?: string
  /** Code received by SMS. */
  code?: string
}

export type SignInResult =
  | { status: 'signed-in'; user: User }
  | { status: 'two-fa-required'; method: 'totp' | 'sms' }

export interface MailboxMessage {
  id: string | number
  channel: 'email' | 'sms' | string
  to: string
  subject?: string | null
  text?: string | null
  links?: string[] | null
  createdAt?: string | number | null
}

/** An HTTP failure, shaped after the API's error body. */
export class ApiError extends Error {
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number
  /** Machine-readable code, e.g. `validation-error`. */
  readonly code: string
  /** Human-readable text to show. */
  readonly text: string

  constructor(status: number, code: string, text: string) {
    super(text)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.text = text
  }
}

/** The text to show a person for any thrown value. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.text
  if (error instanceof Error && error.message) return error.message
  return 'Something went wrong. Please try again.'
}

const EXPIRED_CODES = new Set(['token-expired', 'session-has-expired'])

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>

export interface ApiClientOptions {
  /** Defaults to the global fetch. */
  fetch?: FetchLike
  /** Prefix for every path; defaults to '' (same origin). */
  baseUrl?: string
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  /** Send the access token (and, unless `retry` is false, retry once after a refresh on expiry). */
  auth?: boolean
  retry?: boolean
}

type SessionListener = (user: User | null) => void

export class ApiClient {
  private readonly fetchImpl: FetchLike
  private readonly baseUrl: string
  private accessToken: string | null = null
  private refreshing: Promise<User | null> | null = null
  private restoring: Promise<User | null> | null = null
  private readonly listeners = new Set<SessionListener>()

  constructor(options: ApiClientOptions = {}) {
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
    this.baseUrl = options.baseUrl ?? ''
  }

  /** True while an access token is held in memory. */
  get hasToken(): boolean {
    return this.accessToken !== null
  }

  /**
   * Be told when the session changes behind the caller's back: a refresh gave
   * a (new) user, or the session was lost. Returns an unsubscribe function.
   */
  subscribe(listener: SessionListener): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  private emit(user: User | null): void {
    for (const listener of this.listeners) listener(user)
  }

  // ---------------------------------------------------------------- transport

  private async send(path: string, options: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' }
    if (options.body !== undefined) headers['Content-Type'] = 'application/json'
    if (options.auth && this.accessToken) headers['x-access-token'] = `Bearer ${this.accessToken}`
    try {
      return await this.fetchImpl(this.baseUrl + path, {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        credentials: 'same-origin',
      })
    } catch {
      throw new ApiError(0, 'network-error', 'Could not reach the server. Check your connection and try again.')
    }
  }

  private static async readBody(response: Response): Promise<unknown> {
    let text: string
    try {
      text = await response.text()
    } catch {
      return null
    }
    if (!text) return null
    try {
      return JSON.parse(text) as unknown
    } catch {
      return text
    }
  }

  private static toError(response: Response, body: unknown): ApiError {
    const record = isRecord(body) ? body : {}
    const code = typeof record.message === 'string' && record.message ? record.message : `http-${response.status}`
    const text =
      typeof record.error === 'string' && record.error
        ? record.error
        : typeof record.message === 'string' && record.message
          ? record.message
          : fallbackText(response.status)
    return new ApiError(response.status, code, text)
  }

  /** Performs a call and returns the parsed JSON body, or throws ApiError. */
  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    let response = await this.send(path, options)
    let body = await ApiClient.readBody(response)

    if (response.status === 401 && options.auth && options.retry !== false) {
      const error = ApiClient.toError(response, body)
      if (!EXPIRED_CODES.has(error.code)) throw error
      const user = await this.refresh().catch(() => null)
      if (!user) throw error
      response = await this.send(path, options)
      body = await ApiClient.readBody(response)
    }

    if (!response.ok) throw ApiClient.toError(response, body)
    return body as T
  }

  // ---------------------------------------------------------------- session

  /**
   * Exchanges the refresh cookie for a new access token and the current user.
   * Resolves to null when there is no valid session (and drops the token).
   * Concurrent calls share one request.
   */
  refresh(): Promise<User | null> {
    if (!this.refreshing) {
      this.refreshing = this.doRefresh().finally(() => {
        this.refreshing = null
      })
    }
    return this.refreshing
  }

  private async doRefresh(): Promise<User | null> {
    let data: { _at?: string; user?: User }
    try {
      data = await this.request<{ _at?: string; user?: User }>('/api/auth/refresh', { auth: true, retry: false })
    } catch (error) {
      this.accessToken = null
      this.emit(null)
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return null
      throw error
    }
    if (!data || typeof data._at !== 'string' || !data.user) {
      this.accessToken = null
      this.emit(null)
      return null
    }
    this.accessToken = data._at
    this.emit(data.user)
    return data.user
  }

  /**
   * Restores the session from the cookie once per page load (a second call
   * gets the first call's answer). Never throws: any failure means anonymous.
   */
  restoreSession(): Promise<User | null> {
    if (!this.restoring) {
      this.restoring = this.refresh().catch(() => null)
    }
    return this.restoring
  }

  // ---------------------------------------------------------------- endpoints

  async signUp(input: SignUpInput): Promise<void> {
    await this.request('/api/user/sign-up', { method: 'POST', body: input })
  }

  async confirmAccount(hash: string): Promise<void> {
    await this.request(`/api/user/account-confirmation/${encodeURIComponent(hash)}`)
  }

  async signIn(input: SignInInput): Promise<SignInResult> {
    const body: SignInInput = { email: input.email, password: input.password }
    if (input.twoFaCode) body.twoFaCode = input.twoFaCode
    if (input.code) body.code = input.code
    const data = await this.request<{ _at?: string; message?: string } | null>('/api/user/sign-in', {
      method: 'POST',
      body,
    })
    if (data?.message === 'two-fa-required') return { status: 'two-fa-required', method: 'totp' }
    if (data?.message === 'phone-two-fa-required') return { status: 'two-fa-required', method: 'sms' }
    if (!data || typeof data._at !== 'string') {
      throw new ApiError(500, 'unexpected-response', 'The server gave an unexpected answer. Please try again.')
    }
    this.accessToken = data._at
    // Sign-in only answers with the token; refresh gives us the user.
    const user = await this.refresh()
    if (!user) throw new ApiError(401, 'session-not-started', 'Signed in, but the session could not be started. Please try again.')
    return { status: 'signed-in', user }
  }

  /** Ends the session on the server (best effort) and forgets the token. */
  async logout(): Promise<void> {
    try {
      if (this.accessToken) await this.request('/api/user/logout', { auth: true })
    } finally {
      this.accessToken = null
      this.emit(null)
    }
  }

  /** The dev mailbox, newest first; null when it is off (404). */
  async devMailbox(): Promise<MailboxMessage[] | null> {
    try {
      const data = await this.request<MailboxMessage[] | null>('/api/dev/mailbox')
      return Array.isArray(data) ? data : []
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null
      throw error
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function fallbackText(status: number): string {
  if (status === 429) return 'Too many requests. Please wait a moment and try again.'
  if (status === 502 || status === 503 || status === 504) return `The server is unavailable right now (${status}). Please try again shortly.`
  if (status >= 500) return `The server had a problem (${status}). Please try again.`
  return `Request failed (${status}).`
}

/** The one client the app uses. */
export const api = new ApiClient()
