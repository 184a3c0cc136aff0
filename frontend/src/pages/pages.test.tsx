// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { MemoryRouter, Route, Routes, useLocation } from 'react-router'
import { ApiClient } from '../api/client'
import { AuthProvider } from '../auth/AuthContext'
import { AppRoutes } from '../App'

type Handler = (url: string, init: RequestInit) => { status: number; body?: unknown }

/** A fake backend: each call goes to the handler; calls are recorded. */
function backend(handler: Handler) {
  const calls: { url: string; method: string; body: unknown; token?: string }[] = []
  const fetch = async (url: string, init: RequestInit = {}) => {
    const headers = (init.headers ?? {}) as Record<string, string>
    calls.push({
      url,
      method: init.method ?? 'GET',
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      token: headers['x-access-token'],
    })
    const reply = handler(url, init)
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'Content-Type': 'application/json' },
    })
  }
  return { client: new ApiClient({ fetch }), calls }
}

const anonymous = { status: 401, body: { statusCode: 401, message: 'unauthorized', error: 'No session' } }
const john = {
  id: '0b6e5a4e-3c1f-4d2a-9f0e-6a1d2c3b4a51',
  email: 'john.doe@gmail.com',
  username: 'JohnDoe',
  createdAt: '2023-01-02T10:00:00Z',
  isProfilePicPresent: false,
}

function Where() {
  const location = useLocation()
  return <div data-testid="where">{location.pathname}</div>
}

function renderApp(client: ApiClient, path: string) {
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

afterEach(() => cleanup())

describe('sign-in page', () => {
  it('asks for a TOTP code and resends with twoFaCode, then goes to /account', async () => {
    let signedIn = false
    const { client, calls } = backend((url, init) => {
      if (url === '/api/auth/refresh') return signedIn ? { status: 200, body: { _at: 'at-2', user: john } } : anonymous
      if (url === '/api/user/sign-in') {
        const body = JSON.parse(String(init.body))
        if (!body.twoFaCode) return { status: 201, body: { message: 'two-fa-required' } }
        signedIn = true
        return { status: 201, body: { _at: 'at-1' } }
      }
      return { status: 404 }
    })
    renderApp(client, '/sign-in')

    fireEvent.change(await screen.findByLabelText('Email'), { target: { value: 'john.doe@gmail.com' } })
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: '12qw!@QW' } })
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }))

    const code = await screen.findByLabelText('Authenticator code')
    fireEvent.change(code, { target: { value: '123456' } })
    fireEvent.click(screen.getByRole('button', { name: 'Verify and sign in' }))

    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/account'))
    expect(await screen.findByTestId('account-username')).toHaveProperty('textContent', 'JohnDoe')
    expect(screen.getByTestId('header-username').textContent).toBe('JohnDoe')
    const signIns = calls.filter((c) => c.url === '/api/user/sign-in').map((c) => c.body)
    expect(signIns).toEqual([
      { email: 'john.doe@gmail.com', password: '12qw!@QW' },
      { email: 'john.doe@gmail.com', password: '12qw!@QW', twoFaCode: '123456' },
    ])
  })

  it('uses `code` for the SMS second factor', async () => {
    const { client, calls } = backend((url, init) => {
      if (url === '/api/auth/refresh') return anonymous
      const body = JSON.parse(String(init.body))
      if (!body.code) return { status: 201, body: { message: 'phone-two-fa-required' } }
      return { status: 403, body: { statusCode: 403, message: 'wrong-code', error: 'The code is not valid' } }
    })
    renderApp(client, '/sign-in')
    fireEvent.change(await screen.findByLabelText('Email'), { target: { value: 'a@b.c' } })
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'pw' } })
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }))
    fireEvent.change(await screen.findByLabelText('SMS code'), { target: { value: '4242' } })
    fireEvent.click(screen.getByRole('button', { name: 'Verify and sign in' }))
    expect((await screen.findByRole('alert')).textContent).toContain('The code is not valid')
    expect(calls.at(-1)?.body).toEqual({ email: 'a@b.c', password: 'pw', code: '4242' })
  })

  it('says "not confirmed" in plain words and resends the confirmation email', async () => {
    const { client, calls } = backend((url) => {
      if (url === '/api/auth/refresh') return anonymous
      if (url === '/api/user/resend-confirmation') return { status: 201, body: { message: 'sent' } }
      return {
        status: 403,
        body: { statusCode: 403, message: 'account-not-confirmed', error: 'Confirm your email first' },
      }
    })
    renderApp(client, '/sign-in')
    fireEvent.change(await screen.findByLabelText('Email'), { target: { value: 'a@b.c' } })
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'pw' } })
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }))
    expect((await screen.findByRole('alert')).textContent).toContain('Your account is not confirmed yet')
    expect(screen.getByTestId('where').textContent).toBe('/sign-in')
    fireEvent.click(screen.getByRole('button', { name: 'Resend the confirmation email' }))
    expect(await screen.findByText('Confirmation email sent')).toBeTruthy()
    expect(calls.find((c) => c.url === '/api/user/resend-confirmation')?.body).toEqual({ email: 'a@b.c' })
  })
})

describe('account page', () => {
  it('sends anonymous visitors to sign in', async () => {
    const { client } = backend(() => anonymous)
    renderApp(client, '/account')
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/sign-in'))
  })

  it('shows the restored user and signs out', async () => {
    const { client, calls } = backend((url) =>
      url === '/api/auth/refresh'
        ? { status: 200, body: { _at: 'at-1', user: john } }
        : { status: 200, body: { message: 'success' } },
    )
    renderApp(client, '/account')
    expect((await screen.findByTestId('account-email')).textContent).toBe('john.doe@gmail.com')
    expect(screen.getByTestId('account-member-since').textContent).toMatch(/2023/)
    fireEvent.click(screen.getAllByRole('button', { name: 'Sign out' })[0])
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/'))
    expect(calls.find((c) => c.url === '/api/user/logout')?.token).toBe('Bearer at-1')
    expect(await screen.findAllByRole('link', { name: 'Sign in' })).not.toHaveLength(0)
  })
})

describe('sign-up page', () => {
  it('checks the form before sending and shows the policy', async () => {
    const { client, calls } = backend(() => anonymous)
    renderApp(client, '/sign-up')
    fireEvent.change(await screen.findByLabelText('Password'), { target: { value: 'short' } })
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }))
    expect(screen.getByText('Please accept the terms and conditions to continue.')).toBeTruthy()
    expect(screen.getByText('The password does not meet every rule below yet.')).toBeTruthy()
    expect(screen.getByText(/One of # \? ! @ \$ % \^ & \* -/)).toBeTruthy()
    expect(calls.filter((c) => c.url === '/api/user/sign-up')).toHaveLength(0)
  })

  it('signs up and links to the dev mailbox when it is on', async () => {
    const { client, calls } = backend((url) => {
      if (url === '/api/auth/refresh') return anonymous
      if (url === '/api/user/sign-up') return { status: 201, body: { message: 'success' } }
      if (url === '/api/dev/mailbox') return { status: 200, body: [] }
      return { status: 404 }
    })
    renderApp(client, '/sign-up')
    fireEvent.change(await screen.findByLabelText('Email'), { target: { value: 'new@example.com' } })
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'newbie' } })
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'Aa1!aaaa' } })
    fireEvent.click(screen.getByLabelText('I accept the terms and conditions'))
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }))
    expect(await screen.findByRole('heading', { name: 'Check your email' })).toBeTruthy()
    expect(await screen.findByRole('link', { name: 'Open the dev mailbox' })).toBeTruthy()
    expect(calls.find((c) => c.url === '/api/user/sign-up')?.body).toEqual({
      email: 'new@example.com',
      username: 'newbie',
      password: 'Aa1!aaaa',
      tac: true,
    })
  })

  it('shows the server error text', async () => {
    const { client } = backend((url) =>
      url === '/api/auth/refresh'
        ? anonymous
        : { status: 403, body: { statusCode: 403, message: 'user-already-exists', error: 'User already exists' } },
    )
    renderApp(client, '/sign-up')
    fireEvent.change(await screen.findByLabelText('Email'), { target: { value: 'new@example.com' } })
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'taken_name' } })
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'Aa1!aaaa' } })
    fireEvent.click(screen.getByLabelText('I accept the terms and conditions'))
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }))
    expect((await screen.findByRole('alert')).textContent).toContain('User already exists')
  })

  it('explains the username rule before sending anything', async () => {
    const { client, calls } = backend((url) =>
      url === '/api/auth/refresh' ? anonymous : { status: 201, body: { message: 'success' } },
    )
    renderApp(client, '/sign-up')
    fireEvent.change(await screen.findByLabelText('Email'), { target: { value: 'new@example.com' } })
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'no spaces!' } })
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'Aa1!aaaa' } })
    fireEvent.click(screen.getByLabelText('I accept the terms and conditions'))
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }))
    expect(await screen.findByText('Use 3 to 30 letters, digits, "_", "." or "-".')).toBeTruthy()
    expect(calls.some((call) => call.url === '/api/user/sign-up')).toBe(false)
  })
})

describe('account confirmation page', () => {
  it('confirms once and offers sign-in', async () => {
    const { client, calls } = backend((url) =>
      url === '/api/auth/refresh' ? anonymous : { status: 200, body: { message: 'success' } },
    )
    renderApp(client, '/account-confirmation/hash-ok')
    expect(await screen.findByRole('heading', { name: 'Your account is confirmed' })).toBeTruthy()
    expect(calls.filter((c) => c.url.startsWith('/api/user/account-confirmation/'))).toHaveLength(1)
  })

  it('shows the error text', async () => {
    const { client } = backend((url) =>
      url === '/api/auth/refresh'
        ? anonymous
        : { status: 400, body: { statusCode: 400, message: 'hash-expired', error: 'The link has expired' } },
    )
    renderApp(client, '/account-confirmation/hash-old')
    expect((await screen.findByRole('alert')).textContent).toBe('This link has expired.')
    expect(screen.getByRole('link', { name: 'Sign up again' })).toBeTruthy()
  })
})

describe('dev mailbox page', () => {
  it('renders messages with in-app links that navigate inside the app', async () => {
    const origin = window.location.origin
    const { client } = backend((url) => {
      if (url === '/api/dev/mailbox') {
        return {
          status: 200,
          body: [
            {
              id: 'a1c2e3f4-0000-4000-8000-000000000002',
              channel: 'email',
              to: 'new@example.com',
              subject: 'Confirm your account',
              text: `Hello!\nOpen ${origin}/account-confirmation/abc to confirm.`,
              links: [`${origin}/account-confirmation/abc`],
              createdAt: new Date().toISOString(),
            },
            {
              id: 'a1c2e3f4-0000-4000-8000-000000000001',
              channel: 'sms',
              to: '+1555',
              subject: null,
              text: 'Code 1234',
              links: [],
              createdAt: '2024-05-01T09:00:00Z',
            },
          ],
        }
      }
      if (url === '/api/auth/refresh') return anonymous
      return { status: 200, body: { message: 'success' } }
    })
    renderApp(client, '/dev/mailbox')
    const cards = await screen.findAllByTestId('mail-message')
    expect(cards).toHaveLength(2)
    expect(cards[0].textContent).toContain('new@example.com')
    expect(cards[1].getAttribute('data-channel')).toBe('sms')
    const link = screen.getByRole('link', { name: `${origin}/account-confirmation/abc` })
    expect(link.getAttribute('href')).toBe('/account-confirmation/abc')
    expect(link.getAttribute('target')).toBeNull()
    await act(async () => {
      fireEvent.click(link)
    })
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/account-confirmation/abc'))
  })

  it('says when the mailbox is off', async () => {
    const { client } = backend((url) =>
      url === '/api/dev/mailbox' ? { status: 404, body: { statusCode: 404, message: 'not-found' } } : anonymous,
    )
    renderApp(client, '/dev/mailbox')
    expect(await screen.findByText('The dev mailbox is disabled')).toBeTruthy()
  })

  it('has an empty state', async () => {
    const { client } = backend((url) => (url === '/api/dev/mailbox' ? { status: 200, body: [] } : anonymous))
    renderApp(client, '/dev/mailbox')
    expect(await screen.findByText('No messages yet')).toBeTruthy()
  })
})

describe('routing', () => {
  it('has a 404 page', async () => {
    const { client } = backend(() => anonymous)
    renderApp(client, '/nowhere')
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy()
  })
})
