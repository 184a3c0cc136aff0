/**
 * Small client for the Cryptotalks API (same origin, under /api).
 *
 * - The access token (`_at`) lives in memory only; the refresh token is the
 *   HttpOnly `_rt` cookie that the browser sends by itself.
 * - Authenticated calls carry `x-access-token: Bearer <_at>`.
 * - A 401 whose message is `token-expired` or `session-has-expired` triggers
 *   one refresh and one retry; if the refresh fails, the session is dropped.
 * - Refreshes are shared between tabs (see ./tabs.ts), and a non-secret
 *   "had a session" flag in localStorage spares anonymous visitors a refresh
 *   call that could only answer 401.
 */
import { browserTabSyncOptions, TabSync, type TabMessage, type TabSyncOptions } from './tabs'
import { coinListPath, type CoinListQuery, type HistoryRange } from '../lib/market'
import { listPath, type ListQuery, type Rate } from '../lib/posts'
import type { components } from './schema'

// ---------------------------------------------------------------- the API's shapes

/**
 * The gateway's schemas, generated from its OpenAPI document (`frontend/openapi.json`, kept equal to what the gateway
 * serves by a system test) into `./schema.d.ts` by `npm run types` (run before every build and type check). An API
 * change the app is not ready for fails the type check here, not in a browser.
 */
type Schemas = components['schemas']

/** A profile: the user of a session, or a public profile (fields that are not set, or a hidden email, are absent). */
export type User = Schemas['PersonalInformation']
export type SignUpInput = Schemas['SignUp']
export type SignInInput = Schemas['SignIn']
export type SecuritySettings = Schemas['SecuritySettings']
export type Settings = Schemas['UserSettings']
export type PersonalSettingsInput = Schemas['PersonalSettings']
export type TwoFaSetup = Schemas['NewTotpSecret']
export type MailboxMessage = Schemas['MailboxMessage']
/** One post in a list. */
export type PostSummary = Schemas['PostSummary']
export type PostList = Schemas['PostPage']
export type TagCount = Schemas['Tag']
export type VoteRecord = Schemas['Rate']
export type PostComment = Schemas['Comment']
/** A page of a post's comments, oldest first; `count` counts them all. */
export type CommentPage = Schemas['CommentPage']
/** A whole post, as `GET /api/posts/get/{slug}` answers: `content` is Markdown lines, `postInfo.comments` the first page of its comments, `commentsCount` counts them all. */
export type Post = Schemas['Post']
export type CashtagQuote = Schemas['CashtagQuote']
export type PostReferences = Schemas['References']
export type PostInput = Schemas['NewPost']
/** A coin in a market list (`volume24h` and `marketCap` are strings, as the API sends them). */
export type CoinRow = Schemas['CoinRow']
export type CoinList = Schemas['CoinPage']
/** One coin, as `GET /api/crypto/get/{uuid}` answers (`isFavorite` is the caller's; false when anonymous). */
export type Coin = Schemas['Coin']
export type MarketStats = Schemas['MarketStats']
export type PricePoint = Schemas['PricePoint']
/** Points oldest first. */
export type PriceHistory = Schemas['PriceHistory']
/** A profile as anyone sees it, with its follow counts and the signed-in caller's relation to the user. */
export type PublicProfile = Schemas['PublicProfile']
/** A tag page's header: its posts and followers, and whether the caller follows it. */
export type TagInfo = Schemas['TagPage']
/** Someone in a followers or following list. */
export type FollowPerson = Schemas['FollowPerson']
export type FollowPage = Schemas['FollowPage']
/** A page of the home feed; `nextCursor` is null on the last page. */
export type FeedPage = Schemas['Feed']
export type FollowList = 'followers' | 'following'
/**
 * One notification. `type`: COMMENT (on your post), REPLY (in a thread you commented in), MENTION, FOLLOW or RATING;
 * `actor` who did it (for RATING the latest voter, `actors` how many voted); the post fields are null for FOLLOW.
 */
export type AppNotification = Schemas['Notification']
/** A page of notifications, newest first; `count` all of them, `unread` the unread ones. */
export type NotificationPage = Schemas['Page']
export type NotificationPreferences = Schemas['NotificationPreferences']
/** A username offered for an `@mention` (`GET /api/user/suggest`). */
export type UserSuggestion = Schemas['UserSuggestion']

type ForgotPassword = Schemas['ForgotPassword']
export type ForgotPasswordStart = Required<Pick<ForgotPassword, 'email'>> | Required<Pick<ForgotPassword, 'phone'>>
export type ResetPasswordInput = Required<Pick<ForgotPassword, 'verificationString' | 'password'>> & ForgotPasswordStart

// ---------------------------------------------------------------- the app's own

export type SignInResult = { status: 'signed-in'; user: User } | { status: 'two-fa-required'; method: 'totp' | 'sms' }

/** The two kinds of second factor: an authenticator app (TOTP) or a texted code. */
export type FactorMethod = 'totp' | 'sms'

/** A code for a second factor, as the person typed it. */
export interface Factor {
  method: FactorMethod
  code: string
}

/** One round of a call that may need a second factor. */
export type Step<T = void> = { kind: 'done'; value: T } | { kind: 'needs-code'; method: FactorMethod }

/** Why the session went away, when it was not simply never there. */
export type SessionEndReason = 'ended' | 'signed-out' | 'closed'

/** Upload progress, 0..1. */
export type ProgressListener = (fraction: number) => void

/** The small part of XMLHttpRequest the upload uses (injectable for tests). */
export interface XhrLike {
  open(method: string, url: string): void
  setRequestHeader(name: string, value: string): void
  send(body: string): void
  getResponseHeader(name: string): string | null
  readonly status: number
  readonly responseText: string
  upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null }
  onload: (() => void) | null
  onerror: (() => void) | null
  onabort?: (() => void) | null
  withCredentials?: boolean
}

/** An HTTP failure, shaped after the API's error body. */
export class ApiError extends Error {
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number
  /** Machine-readable code, e.g. `validation-error`. */
  readonly code: string
  /** Human-readable text to show. */
  readonly text: string
  /** Seconds to wait, from a 429's `Retry-After` header. */
  readonly retryAfter: number | null

  constructor(status: number, code: string, text: string, retryAfter: number | null = null) {
    super(text)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.text = text
    this.retryAfter = retryAfter
  }
}

/** `Retry-After` is seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (!value) return null
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return null
  return Math.max(0, Math.ceil((date - now) / 1000))
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
  /** Cross-tab sharing (locks, channel, storage); none by default. */
  tabs?: TabSyncOptions
  /** Creates the XMLHttpRequest used for uploads with progress. */
  xhr?: () => XhrLike
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  /** Send the access token (and, unless `retry` is false, retry once after a refresh on expiry). */
  auth?: boolean
  retry?: boolean
}

type SessionListener = (user: User | null, reason?: SessionEndReason) => void

interface RawResponse {
  status: number
  body: unknown
  retryAfter: string | null
}

export class ApiClient {
  private readonly fetchImpl: FetchLike
  private readonly baseUrl: string
  private readonly xhrFactory: () => XhrLike
  private readonly tabs: TabSync<User>
  private accessToken: string | null = null
  private user: User | null = null
  private refreshing: Promise<User | null> | null = null
  private restoring: Promise<User | null> | null = null
  private readonly listeners = new Set<SessionListener>()

  constructor(options: ApiClientOptions = {}) {
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
    this.baseUrl = options.baseUrl ?? ''
    this.xhrFactory = options.xhr ?? (() => new XMLHttpRequest() as unknown as XhrLike)
    this.tabs = new TabSync<User>(options.tabs)
  }

  /** Starts hearing other tabs (sign-in, refresh, sign-out, end of session). */
  listenToOtherTabs(): () => void {
    return this.tabs.listen((message) => this.onTabMessage(message))
  }

  private onTabMessage(message: TabMessage<User>): void {
    if (message.type === 'token') {
      const changed = this.user?.id !== message.user.id || this.accessToken === null
      this.accessToken = message.token
      this.user = message.user
      if (changed) this.emit(message.user)
      return
    }
    if (this.accessToken === null && this.user === null) return
    this.accessToken = null
    this.user = null
    this.emit(null, message.type === 'ended' ? 'ended' : 'signed-out')
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

  private emit(user: User | null, reason?: SessionEndReason): void {
    for (const listener of this.listeners) listener(user, reason)
  }

  /**
   * Forgets the session in this tab and tells the other tabs (after closing
   * the account, or when the server said the session is gone).
   */
  forget(reason: SessionEndReason): void {
    this.accessToken = null
    this.user = null
    this.tabs.markSession(false)
    this.tabs.post({ type: reason === 'ended' ? 'ended' : 'signed-out' })
    this.emit(null, reason)
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

  private static toError(raw: RawResponse): ApiError {
    const { status, body } = raw
    const record = isRecord(body) ? body : {}
    let code = typeof record.message === 'string' && record.message ? record.message : `http-${status}`
    if (status === 429 && code === `http-${status}`) code = 'too-many-requests'
    const text =
      typeof record.error === 'string' && record.error
        ? record.error
        : typeof record.message === 'string' && record.message
          ? record.message
          : fallbackText(status)
    return new ApiError(status, code, text, parseRetryAfter(raw.retryAfter))
  }

  private async fetchRaw(path: string, options: RequestOptions): Promise<RawResponse> {
    const response = await this.send(path, options)
    const body = await ApiClient.readBody(response)
    return { status: response.status, body, retryAfter: response.headers?.get?.('Retry-After') ?? null }
  }

  /**
   * Runs one transport attempt and, when an authenticated call answers 401
   * "expired", refreshes once and tries again.
   */
  private async withRetry(attempt: () => Promise<RawResponse>, options: RequestOptions): Promise<unknown> {
    let raw = await attempt()
    if (raw.status === 401 && options.auth && options.retry !== false) {
      const error = ApiClient.toError(raw)
      if (!EXPIRED_CODES.has(error.code)) throw error
      const user = await this.refresh().catch(() => null)
      if (!user) throw error
      raw = await attempt()
    }
    if (raw.status < 200 || raw.status >= 300) throw ApiClient.toError(raw)
    return raw.body
  }

  /** Performs a call and returns the parsed JSON body, or throws ApiError. */
  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return (await this.withRetry(() => this.fetchRaw(path, options), options)) as T
  }

  /** A JSON POST through XMLHttpRequest, to report upload progress. */
  private xhrRaw(path: string, body: unknown, onProgress?: ProgressListener): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const xhr = this.xhrFactory()
      xhr.open('POST', this.baseUrl + path)
      xhr.setRequestHeader('Accept', 'application/json')
      xhr.setRequestHeader('Content-Type', 'application/json')
      if (this.accessToken) xhr.setRequestHeader('x-access-token', `Bearer ${this.accessToken}`)
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress?.(Math.min(1, event.loaded / event.total))
      }
      xhr.onload = () => {
        let parsed: unknown = null
        const text = xhr.responseText
        if (text) {
          try {
            parsed = JSON.parse(text) as unknown
          } catch {
            parsed = text
          }
        }
        resolve({ status: xhr.status, body: parsed, retryAfter: xhr.getResponseHeader('Retry-After') })
      }
      const fail = () =>
        reject(new ApiError(0, 'network-error', 'Could not reach the server. Check your connection and try again.'))
      xhr.onerror = fail
      xhr.onabort = fail
      xhr.send(JSON.stringify(body))
    })
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
    const hadSession = this.accessToken !== null || this.tabs.mayHaveSession()
    let failure: unknown = null
    const answer = await this.tabs.shared(async (): Promise<TabMessage<User> | null> => {
      try {
        const data = await this.request<Schemas['Session'] | null>('/api/auth/refresh', { auth: true, retry: false })
        if (data && typeof data._at === 'string' && data.user)
          return { type: 'token', token: data._at, user: data.user }
        return { type: 'ended' }
      } catch (error) {
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return { type: 'ended' }
        failure = error
        return null
      }
    })
    if (answer?.type === 'token') {
      this.accessToken = answer.token
      this.user = answer.user
      this.tabs.markSession(true)
      this.emit(answer.user)
      return answer.user
    }
    this.accessToken = null
    this.user = null
    if (!answer) {
      this.emit(null)
      throw failure
    }
    if (answer.type === 'ended') this.tabs.markSession(false)
    this.emit(
      null,
      answer.type === 'ended' && hadSession ? 'ended' : answer.type === 'signed-out' ? 'signed-out' : undefined,
    )
    return null
  }

  /**
   * Restores the session from the cookie once per page load (a second call
   * gets the first call's answer). Never throws: any failure means anonymous.
   * Visitors who never had a session here are not asked about (no 401).
   */
  restoreSession(): Promise<User | null> {
    if (!this.restoring) {
      this.restoring = this.tabs.mayHaveSession() ? this.refresh().catch(() => null) : Promise.resolve(null)
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
    const data = await this.request<Schemas['AccessToken'] | Schemas['Message'] | null>('/api/user/sign-in', {
      method: 'POST',
      body,
    })
    const method = secondFactorOf(data)
    if (method) return { status: 'two-fa-required', method }
    if (!data || !('_at' in data) || typeof data._at !== 'string') {
      throw new ApiError(500, 'unexpected-response', 'The server gave an unexpected answer. Please try again.')
    }
    this.accessToken = data._at
    // Sign-in only answers with the token; refresh gives us the user.
    const user = await this.refresh()
    if (!user)
      throw new ApiError(
        401,
        'session-not-started',
        'Signed in, but the session could not be started. Please try again.',
      )
    return { status: 'signed-in', user }
  }

  /** Ends the session on the server (best effort) and forgets the token. */
  async logout(): Promise<void> {
    try {
      if (this.accessToken) await this.request('/api/user/logout', { auth: true })
    } finally {
      this.accessToken = null
      this.user = null
      this.tabs.markSession(false)
      this.tabs.post({ type: 'signed-out' })
      this.emit(null, 'signed-out')
    }
  }

  /** Asks for a new confirmation email (the answer is the same for any address). */
  async resendConfirmation(email: string): Promise<void> {
    await this.request('/api/user/resend-confirmation', { method: 'POST', body: { email } })
  }

  async confirmEmailChange(hash: string): Promise<void> {
    await this.request(`/api/user/email-change-confirmation/${encodeURIComponent(hash)}`)
  }

  /** Step 1 of a password reset: always "sent", whether or not the account exists. */
  async forgotPassword(input: ForgotPasswordStart): Promise<void> {
    await this.request('/api/user/forgot-password', { method: 'POST', body: input })
  }

  /** Step 2 of a password reset: the emailed token or the texted code, and the new password. */
  async resetPassword(input: ResetPasswordInput): Promise<void> {
    await this.request('/api/user/forgot-password', { method: 'POST', body: input })
  }

  /**
   * A POST that may answer "second factor needed" with a 2xx. `codeField`
   * says where the code goes: by default TOTP codes go in `twoFaCode` and
   * texted codes in `code`.
   */
  private async stepped(
    path: string,
    body: Record<string, unknown>,
    factor: Factor | undefined,
    codeField: 'by-method' | 'code' = 'by-method',
  ): Promise<Step> {
    const sent = { ...body }
    if (factor) sent[codeField === 'code' || factor.method === 'sms' ? 'code' : 'twoFaCode'] = factor.code
    const data = await this.request<unknown>(path, { method: 'POST', body: sent, auth: true })
    const method = secondFactorOf(data)
    return method ? { kind: 'needs-code', method } : { kind: 'done', value: undefined }
  }

  changeEmail(input: Pick<Schemas['ChangeEmail'], 'email' | 'password'>, factor?: Factor): Promise<Step> {
    return this.stepped('/api/user/change-email', { ...input }, factor)
  }

  changePassword(
    input: Pick<Schemas['ChangePassword'], 'password' | 'passwordRepeat' | 'currentPassword'>,
    factor?: Factor,
  ): Promise<Step> {
    return this.stepped('/api/user/change-password', { ...input }, factor)
  }

  /** Both kinds of code travel in `code` here. On success call `forget`. */
  closeAccount(input: Pick<Schemas['CloseAccount'], 'password'>, factor?: Factor): Promise<Step> {
    return this.stepped('/api/user/close-account', { ...input }, factor, 'code')
  }

  /** First call texts a code to the new phone; the second, with the code, sets it. */
  setPhone(phone: string, factor?: Factor): Promise<Step> {
    return this.stepped('/api/user/set-phone', { phone }, factor, 'code')
  }

  removePhone(factor?: Factor): Promise<Step> {
    return this.stepped('/api/user/remove-phone', {}, factor, 'code')
  }

  /** A pending authenticator secret with its QR image, until `setTwoFa`. */
  async generateTwoFa(): Promise<TwoFaSetup> {
    return this.request<TwoFaSetup>('/api/user/generate-2fa', { method: 'POST', auth: true })
  }

  async setTwoFa(twoFaCode: string): Promise<void> {
    await this.request('/api/user/set-2fa', { method: 'POST', body: { twoFaCode }, auth: true })
  }

  async removeTwoFa(twoFaCode: string): Promise<void> {
    await this.request('/api/user/remove-2fa', { method: 'POST', body: { twoFaCode }, auth: true })
  }

  async getSettings(): Promise<Settings> {
    return this.request<Settings>('/api/user/get-settings', { auth: true })
  }

  async setPersonalSettings(input: PersonalSettingsInput): Promise<void> {
    await this.request('/api/user/set-personal-settings', { method: 'PATCH', body: input, auth: true })
  }

  /** Sends a data URL; `onProgress` hears how much of the body went up. */
  async uploadPhoto(photo: string, onProgress?: ProgressListener): Promise<void> {
    const options: RequestOptions = { method: 'POST', auth: true }
    await this.withRetry(() => this.xhrRaw('/api/user/upload-photo', { photo }, onProgress), options)
    onProgress?.(1)
  }

  /** A public profile (with the token when there is one, for `followedByYou`); null when there is no such user (404). */
  async getUser(username: string): Promise<PublicProfile | null> {
    try {
      const data = await this.request<Schemas['PublicProfileReply'] | null>(
        `/api/user/get/${encodeURIComponent(username)}`,
        { auth: true },
      )
      return data?.data ?? null
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null
      throw error
    }
  }

  /** Follows (`follow` true) or unfollows the user. */
  async setFollowUser(username: string, follow: boolean): Promise<void> {
    await this.request(`/api/user/follow/${encodeURIComponent(username)}`, {
      method: follow ? 'PATCH' : 'DELETE',
      auth: true,
    })
  }

  /** A page (from 0) of who follows the user, or of whom they follow; newest follow first. */
  async follows(username: string, list: FollowList, page: number, pageSize: number): Promise<FollowPage> {
    const data = await this.request<Partial<FollowPage> | null>(
      `/api/user/${list}/${encodeURIComponent(username)}/${page}/${pageSize}`,
    )
    return { count: Number(data?.count ?? 0), rows: Array.isArray(data?.rows) ? data.rows : [] }
  }

  /** The profile photo's address; `version` busts the cache after an upload. */
  photoUrl(username: string, version?: number | string): string {
    const base = `${this.baseUrl}/api/user/photo/${encodeURIComponent(username)}`
    return version ? `${base}?v=${encodeURIComponent(String(version))}` : base
  }

  // ---------------------------------------------------------------- posts

  /**
   * A page of posts. Public lists go out **without** the access token: the
   * API reads a token without `username` as "only my posts". `mine` sends it.
   */
  async listPosts(query: ListQuery, options: { mine?: boolean } = {}): Promise<PostList> {
    const mine = options.mine === true
    const data = await this.request<Partial<PostList> | null>(
      listPath(mine ? { ...query, username: undefined } : query),
      {
        auth: mine,
      },
    )
    return { count: Number(data?.count ?? 0), rows: Array.isArray(data?.rows) ? data.rows : [] }
  }

  async postTags(): Promise<TagCount[]> {
    const data = await this.request<TagCount[] | null>('/api/posts/tags')
    return Array.isArray(data) ? data : []
  }

  /** A tag's posts and followers; the token goes along when there is one, for `followedByYou`. */
  async tagInfo(tag: string): Promise<TagInfo> {
    return this.request<TagInfo>(`/api/posts/tags/${encodeURIComponent(tag)}`, { auth: true })
  }

  /** Follows (`follow` true) or unfollows the tag. */
  async setFollowTag(tag: string, follow: boolean): Promise<void> {
    await this.request(`/api/posts/tags/${encodeURIComponent(tag)}/follow`, {
      method: follow ? 'PATCH' : 'DELETE',
      auth: true,
    })
  }

  // ---------------------------------------------------------------- live streams and notifications

  /**
   * Opens a server-sent event stream (see ./eventStream.ts): the token goes along when there is one, with
   * `Last-Event-ID` when resuming. A 401 before streaming means the token expired (the notification stream also ends
   * by itself when it does): one refresh and one retry, as every call; without a session the 401 is thrown.
   */
  async openStream(
    path: string,
    options: { lastEventId?: string | null; signal?: AbortSignal; auth?: boolean } = {},
  ): Promise<Response> {
    const attempt = async () => {
      const headers: Record<string, string> = { Accept: 'text/event-stream' }
      if (options.auth !== false && this.accessToken) headers['x-access-token'] = `Bearer ${this.accessToken}`
      if (options.lastEventId) headers['Last-Event-ID'] = options.lastEventId
      try {
        return await this.fetchImpl(this.baseUrl + path, {
          headers,
          credentials: 'same-origin',
          cache: 'no-store',
          signal: options.signal,
        })
      } catch (error) {
        if (options.signal?.aborted) throw error
        throw new ApiError(0, 'network-error', 'Could not reach the server. Check your connection and try again.')
      }
    }
    const failure = async (response: Response) =>
      ApiClient.toError({
        status: response.status,
        body: await ApiClient.readBody(response),
        retryAfter: response.headers?.get?.('Retry-After') ?? null,
      })
    let response = await attempt()
    if (response.status === 401 && this.accessToken) {
      const error = await failure(response)
      const user = await this.refresh().catch(() => null)
      if (!user) throw error
      response = await attempt()
    }
    if (!response.ok) throw await failure(response)
    return response
  }

  /** A page (from 0) of the caller's notifications, newest first. */
  async notifications(page: number, pageSize: number): Promise<NotificationPage> {
    const data = await this.request<Partial<NotificationPage> | null>(`/api/notifications/${page}/${pageSize}`, {
      auth: true,
    })
    return {
      count: Number(data?.count ?? 0),
      unread: Number(data?.unread ?? 0),
      rows: Array.isArray(data?.rows) ? data.rows : [],
    }
  }

  async unreadNotifications(): Promise<number> {
    const data = await this.request<{ unread?: number } | null>('/api/notifications/unread-count', { auth: true })
    return Number(data?.unread ?? 0)
  }

  async readNotification(id: number): Promise<void> {
    await this.request(`/api/notifications/read/${id}`, { method: 'PATCH', auth: true })
  }

  async readAllNotifications(): Promise<void> {
    await this.request('/api/notifications/read-all', { method: 'PATCH', auth: true })
  }

  async notificationPreferences(): Promise<NotificationPreferences> {
    return this.request<NotificationPreferences>('/api/notifications/preferences', { auth: true })
  }

  async saveNotificationPreferences(preferences: NotificationPreferences): Promise<void> {
    await this.request('/api/notifications/preferences', { method: 'PUT', body: preferences, auth: true })
  }

  /** Up to 8 usernames starting with `prefix` (case-insensitive), for `@mention` completion. */
  async suggestUsers(prefix: string): Promise<UserSuggestion[]> {
    const data = await this.request<UserSuggestion[] | null>(`/api/user/suggest?prefix=${encodeURIComponent(prefix)}`, {
      auth: true,
    })
    return Array.isArray(data) ? data.filter((row) => typeof row?.username === 'string') : []
  }

  /** A page of the caller's home feed: posts by the people and with the tags they follow. */
  async feed(cursor: string | null, pageSize: number): Promise<FeedPage> {
    const qs = new URLSearchParams({ pageSize: String(pageSize) })
    if (cursor) qs.set('cursor', cursor)
    const data = await this.request<Partial<FeedPage> | null>(`/api/posts/feed?${qs}`, { auth: true })
    return {
      rows: Array.isArray(data?.rows) ? data.rows : [],
      nextCursor: typeof data?.nextCursor === 'string' ? data.nextCursor : null,
      followsAnything: data?.followsAnything !== false,
    }
  }

  /** A post by its (current or old) slug; the token goes along when there is one, for `myRate`. */
  async getPost(slug: string, options: { toEdit?: boolean } = {}): Promise<Post> {
    const query = options.toEdit ? '?toEdit=yes' : ''
    const post = await this.request<Post>(`/api/posts/get/${encodeURIComponent(slug)}${query}`, { auth: true })
    return {
      ...post,
      content: Array.isArray(post.content) ? post.content : typeof post.content === 'string' ? [post.content] : [],
      searchTags: post.searchTags ?? [],
      myRate: post.myRate ?? null,
      postInfo: { rates: post.postInfo?.rates ?? [], comments: post.postInfo?.comments ?? [] },
      cashtags: Array.isArray(post.cashtags) ? post.cashtags : [],
      references: references(post.references),
    }
  }

  /** Page `page` (0-based; the post embeds page 0 of 50) of a post's comments, with the token for `myRate`. */
  async postComments(postId: string, page: number, pageSize: number): Promise<CommentPage> {
    const data = await this.request<CommentPage | null>(
      `/api/posts/comments/${encodeURIComponent(postId)}/${page}/${pageSize}`,
      { auth: true },
    )
    return {
      count: Number(data?.count ?? 0),
      rows: Array.isArray(data?.rows) ? data.rows : [],
      references: references(data?.references),
    }
  }

  async createPost(input: PostInput): Promise<{ id: string; slug: string }> {
    return this.request<{ id: string; slug: string }>('/api/posts/create', { method: 'POST', body: input, auth: true })
  }

  async updatePost(id: string, input: Partial<PostInput>): Promise<{ slug: string }> {
    return this.request<{ slug: string }>(`/api/posts/update/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body: input,
      auth: true,
    })
  }

  /** May need a second factor: TOTP codes go in `twoFaCode`, texted ones in `code`. */
  async deletePost(id: string, factor?: Factor): Promise<Step> {
    const params = new URLSearchParams()
    if (factor) params.set(factor.method === 'sms' ? 'code' : 'twoFaCode', factor.code)
    const qs = params.toString()
    const data = await this.request<unknown>(`/api/posts/delete/${encodeURIComponent(id)}${qs ? `?${qs}` : ''}`, {
      method: 'DELETE',
      auth: true,
    })
    const method = secondFactorOf(data)
    return method ? { kind: 'needs-code', method } : { kind: 'done', value: undefined }
  }

  async addComment(postId: string, comment: string): Promise<{ id: string }> {
    return this.request<{ id: string }>(`/api/posts/comment/${encodeURIComponent(postId)}`, {
      method: 'PATCH',
      body: { comment },
      auth: true,
    })
  }

  async ratePost(postId: string, rate: Rate): Promise<void> {
    await this.request(`/api/posts/rate/post/${encodeURIComponent(postId)}`, {
      method: 'PATCH',
      body: { rate },
      auth: true,
    })
  }

  async rateComment(postId: string, commentId: string, rate: Rate): Promise<void> {
    await this.request(`/api/posts/rate/comment/${encodeURIComponent(postId)}/${encodeURIComponent(commentId)}`, {
      method: 'PATCH',
      body: { rate },
      auth: true,
    })
  }

  // ---------------------------------------------------------------- market

  /** A page of the market; public, so it goes out without the token. */
  async listCoins(query: CoinListQuery): Promise<CoinList> {
    return coinList(await this.request<Partial<CoinList> | null>(coinListPath({ ...query, username: undefined })))
  }

  /**
   * Favourite coins: a member's by `username` (public, no token), or with
   * `mine` the caller's own (the token and no `username`).
   */
  async listFavouriteCoins(query: CoinListQuery, options: { mine?: boolean } = {}): Promise<CoinList> {
    const mine = options.mine === true
    const data = await this.request<Partial<CoinList> | null>(
      coinListPath(mine ? { ...query, username: undefined } : query, true),
      {
        auth: mine,
      },
    )
    return coinList(data)
  }

  /** One coin; the token goes along when there is one, for `isFavorite`. */
  async getCoin(uuid: string): Promise<Coin> {
    const coin = await this.request<Coin>(`/api/crypto/get/${encodeURIComponent(uuid)}`, { auth: true })
    return {
      ...coin,
      sparkline: Array.isArray(coin.sparkline) ? coin.sparkline : [],
      isFavorite: coin.isFavorite === true,
    }
  }

  /** A page (from 0) of the newest posts that name the coin (`$SYMBOL`). */
  async coinPosts(uuid: string, page: number, pageSize: number): Promise<PostList> {
    const data = await this.request<Partial<PostList> | null>(
      `/api/crypto/posts/${encodeURIComponent(uuid)}/${page}/${pageSize}`,
    )
    return { count: Number(data?.count ?? 0), rows: Array.isArray(data?.rows) ? data.rows : [] }
  }

  async marketStats(): Promise<MarketStats> {
    return this.request<MarketStats>('/api/crypto/market-stats')
  }

  async coinHistory(uuid: string, range: HistoryRange): Promise<PriceHistory> {
    const data = await this.request<Partial<PriceHistory> | null>(
      `/api/crypto/history/${encodeURIComponent(uuid)}?range=${encodeURIComponent(range)}`,
    )
    return { uuid, range: data?.range ?? range, points: Array.isArray(data?.points) ? data.points : [] }
  }

  /** Adds (`favourite` true) or removes the coin from the caller's favourites. */
  async setFavourite(uuid: string, favourite: boolean): Promise<void> {
    const id = encodeURIComponent(uuid)
    if (favourite) await this.request(`/api/crypto/favorites/${id}`, { method: 'PATCH', auth: true })
    else await this.request(`/api/crypto/favorite/${id}`, { method: 'DELETE', auth: true })
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

/** Which second factor a soft 2xx answer asks for, if any. */
export function secondFactorOf(data: unknown): FactorMethod | null {
  const message = isRecord(data) ? data.message : null
  if (message === 'two-fa-required') return 'totp'
  if (message === 'phone-two-fa-required' || message === 'code-sent') return 'sms'
  return null
}

/** An answer's references, whatever an older gateway sent (none: every name stays text). */
function references(data: Partial<PostReferences> | null | undefined): PostReferences {
  return {
    users: Array.isArray(data?.users) ? data.users : [],
    coins: isRecord(data?.coins) ? (data.coins as Record<string, string>) : {},
  }
}

function coinList(data: Partial<CoinList> | null): CoinList {
  return { count: Number(data?.count ?? 0), rows: Array.isArray(data?.rows) ? data.rows : [] }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function fallbackText(status: number): string {
  if (status === 429) return 'Too many requests. Please wait a moment and try again.'
  if (status === 502 || status === 503 || status === 504)
    return `The server is unavailable right now (${status}). Please try again shortly.`
  if (status >= 500) return `The server had a problem (${status}). Please try again.`
  return `Request failed (${status}).`
}

/** The one client the app uses; it shares refreshes with the app's other tabs. */
export const api = new ApiClient({ tabs: browserTabSyncOptions() })
