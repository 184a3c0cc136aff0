// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { HAD_SESSION_KEY } from '../api/tabs'
import {
  anonymous,
  backend,
  john,
  memoryStorage,
  renderApp,
  settingsOf,
  signedIn,
  success,
  type Call,
  type Reply,
} from '../test/fakeBackend'

afterEach(() => cleanup())

/** A signed-in user's backend: refresh works, settings come from `settings`, the rest from `rest`. */
function account(rest: (call: Call) => Reply | undefined, settings: Reply = settingsOf()) {
  return backend((call) => {
    if (call.url === '/api/auth/refresh') return signedIn
    if (call.url === '/api/user/get-settings') return settings
    if (call.url.startsWith('/api/posts/list/') || call.url.startsWith('/api/crypto/list-favorites/')) {
      return rest(call) ?? { status: 200, body: { count: 0, rows: [] } }
    }
    return rest(call) ?? { status: 404, body: { statusCode: 404, message: 'not-found' } }
  })
}

const bodiesTo = (calls: Call[], url: string) => calls.filter((c) => c.url === url).map((c) => c.body)

describe('account page', () => {
  it('shows initials without a photo, the profile, my favourite coins and my posts', async () => {
    const { client } = account(() => undefined)
    renderApp(client, '/account')
    const card = await screen.findByTestId('profile-card')
    expect(within(card).getByTestId('avatar-initials').textContent).toBe('JD')
    expect(within(card).getByRole('heading', { name: 'John Doe' })).toBeTruthy()
    expect(await screen.findByText('You have not written a post yet')).toBeTruthy()
    const coins = screen.getByRole('region', { name: 'My favourite coins' })
    expect(await within(coins).findByText('No favourite coins yet')).toBeTruthy()
  })

  it('shows the photo from /api/user/photo/{username} when there is one', async () => {
    const { client } = backend((call) =>
      call.url === '/api/auth/refresh'
        ? { status: 200, body: { _at: 'a', user: { ...john, isProfilePicPresent: true } } }
        : anonymous,
    )
    renderApp(client, '/account')
    const card = await screen.findByTestId('profile-card')
    expect(within(card).getByTestId('avatar-photo').getAttribute('src')).toBe('/api/user/photo/JohnDoe')
  })

  it('keeps the dev mailbox out of the navigation', async () => {
    const { client } = account(() => undefined)
    renderApp(client, '/account')
    await screen.findByTestId('profile-card')
    const nav = screen.getByRole('navigation', { name: 'Main' })
    expect(within(nav).queryByText(/mailbox/i)).toBeNull()
    expect(within(nav).getByRole('link', { name: 'Settings' })).toBeTruthy()
  })
})

describe('settings: personal information', () => {
  it('checks links client-side and focuses the first field with an error', async () => {
    const { client, calls } = account(() => success)
    renderApp(client, '/settings')
    const website = await screen.findByLabelText(/Personal website/)
    fireEvent.change(website, { target: { value: 'javascript:alert(1)' } })
    fireEvent.change(screen.getByLabelText(/Twitter/), { target: { value: 'twitter.com/me' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/Twitter/)))
    expect(screen.getAllByText('Enter a full web address starting with http:// or https://')).toHaveLength(2)
    expect(bodiesTo(calls, '/api/user/set-personal-settings')).toEqual([])
  })

  it('saves with PATCH and says so', async () => {
    const { client, calls } = account((call) =>
      call.method === 'PATCH' ? { status: 200, body: { message: 'success' } } : undefined,
    )
    renderApp(client, '/settings')
    fireEvent.change(await screen.findByLabelText(/^Title/), { target: { value: 'HODLer' } })
    fireEvent.change(screen.getByLabelText(/Personal website/), { target: { value: 'https://john.example.com' } })
    fireEvent.click(screen.getByRole('switch', { name: 'Show my email on my profile' }))
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    expect(await screen.findByText('Your profile is updated.')).toBeTruthy()
    expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({
      url: '/api/user/set-personal-settings',
      token: 'Bearer at-1',
      body: {
        username: 'JohnDoe',
        firstName: 'John',
        lastName: 'Doe',
        title: 'HODLer',
        bio: '',
        twitter: '',
        linkedIn: '',
        personalWebsite: 'https://john.example.com',
        publicEmail: true,
      },
    })
  })

  it('puts "username taken" on the username field', async () => {
    const { client } = account((call) =>
      call.method === 'PATCH'
        ? { status: 403, body: { statusCode: 403, message: 'username-taken', error: 'taken' } }
        : undefined,
    )
    renderApp(client, '/settings')
    fireEvent.change(await screen.findByLabelText('Username'), { target: { value: 'satoshi' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    expect(await screen.findByText('This username is taken. Please choose another one.')).toBeTruthy()
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Username')))
  })
})

describe('settings: photo', () => {
  it('refuses other file types before uploading', async () => {
    const { client, calls } = account(() => success)
    renderApp(client, '/settings?tab=photo')
    const input = await screen.findByTestId('photo-input')
    fireEvent.change(input, { target: { files: [new File(['GIF89a'], 'cat.gif', { type: 'image/gif' })] } })
    expect(await screen.findByText('Choose a PNG, JPEG or WebP image.')).toBeTruthy()
    expect(calls.some((c) => c.url === '/api/user/upload-photo')).toBe(false)
  })

  it('previews, uploads a data URL and shows the new photo', async () => {
    const { client, calls } = account((call) => (call.url === '/api/user/upload-photo' ? success : undefined))
    renderApp(client, '/settings?tab=photo')
    const input = await screen.findByTestId('photo-input')
    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'me.png', { type: 'image/png' })
    fireEvent.change(input, { target: { files: [png] } })
    const form = screen.getByTestId('photo-form')
    await waitFor(() =>
      expect(within(form).getByTestId('avatar-photo').getAttribute('src')).toMatch(/^data:image\/png;base64,/),
    )
    fireEvent.click(screen.getByRole('button', { name: 'Upload photo' }))
    expect(await screen.findByText('Your new photo is up.')).toBeTruthy()
    const upload = calls.find((c) => c.url === '/api/user/upload-photo')
    expect(upload?.token).toBe('Bearer at-1')
    expect((upload?.body as { photo: string }).photo).toBe('data:image/png;base64,iVBORw==')
    expect(within(form).getByTestId('avatar-photo').getAttribute('src')).toMatch(/^\/api\/user\/photo\/JohnDoe\?v=\d+/)
  })
})

describe('settings: security', () => {
  it('changes the password with the authenticator code from the prompt', async () => {
    const { client, calls } = account(
      (call) => {
        if (call.url !== '/api/user/change-password') return undefined
        return (call.body as { twoFaCode?: string }).twoFaCode
          ? success
          : { status: 201, body: { message: 'two-fa-required' } }
      },
      settingsOf({ twoFaToken: true }),
    )
    renderApp(client, '/settings?tab=security')
    const section = await screen.findByTestId('change-password')
    // With a second factor there is no current-password field.
    expect(within(section).queryByLabelText('Current password')).toBeNull()
    fireEvent.change(within(section).getByLabelText('New password'), { target: { value: 'N3w!pass' } })
    fireEvent.change(within(section).getByLabelText('Repeat the new password'), { target: { value: 'N3w!pass' } })
    fireEvent.click(within(section).getByRole('button', { name: 'Change password' }))

    const dialog = await screen.findByRole('dialog')
    expect(dialog.textContent).toContain('Enter the 6-digit code from your authenticator app')
    fireEvent.change(within(dialog).getByLabelText('Authenticator code'), { target: { value: '123 456' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Verify' }))

    expect(await within(section).findByText('Password changed')).toBeTruthy()
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(bodiesTo(calls, '/api/user/change-password')).toEqual([
      { password: 'N3w!pass', passwordRepeat: 'N3w!pass' },
      { password: 'N3w!pass', passwordRepeat: 'N3w!pass', twoFaCode: '123456' },
    ])
  })

  it('asks for the current password without a second factor and words a wrong one', async () => {
    const { client, calls } = account((call) =>
      call.url === '/api/user/change-password'
        ? { status: 403, body: { statusCode: 403, message: 'wrong-credentials', error: 'Wrong credentials' } }
        : undefined,
    )
    renderApp(client, '/settings?tab=security')
    const section = await screen.findByTestId('change-password')
    fireEvent.change(within(section).getByLabelText('Current password'), { target: { value: 'old' } })
    fireEvent.change(within(section).getByLabelText('New password'), { target: { value: 'N3w!pass' } })
    fireEvent.change(within(section).getByLabelText('Repeat the new password'), { target: { value: 'N3w!pass' } })
    fireEvent.click(within(section).getByRole('button', { name: 'Change password' }))
    expect(await within(section).findByText('That is not your current password.')).toBeTruthy()
    expect(bodiesTo(calls, '/api/user/change-password')).toEqual([
      { password: 'N3w!pass', passwordRepeat: 'N3w!pass', currentPassword: 'old' },
    ])
  })

  it('explains the 24-hour rule', async () => {
    const { client } = account(
      (call) =>
        call.url === '/api/user/change-password'
          ? {
              status: 400,
              body: { statusCode: 400, message: 'password-changed-recently', error: 'Try again after 10:00.' },
            }
          : undefined,
      settingsOf({ passwordChanged: new Date().toISOString() }),
    )
    renderApp(client, '/settings?tab=security')
    const section = await screen.findByTestId('change-password')
    expect(section.textContent).toContain('You changed your password recently. You can change it again after')
    fireEvent.change(within(section).getByLabelText('Current password'), { target: { value: 'Old!pass1' } })
    fireEvent.change(within(section).getByLabelText('New password'), { target: { value: 'N3w!pass' } })
    fireEvent.change(within(section).getByLabelText('Repeat the new password'), { target: { value: 'N3w!pass' } })
    fireEvent.click(within(section).getByRole('button', { name: 'Change password' }))
    expect(
      await within(section).findByText('You can change your password once every 24 hours. Try again after 10:00.'),
    ).toBeTruthy()
  })

  it('changes the email with a texted code', async () => {
    const { client, calls } = account(
      (call) =>
        call.url === '/api/user/change-email'
          ? (call.body as { code?: string }).code
            ? success
            : { status: 201, body: { message: 'code-sent' } }
          : undefined,
      settingsOf({ phone: '+48123456789' }),
    )
    renderApp(client, '/settings?tab=security')
    const section = await screen.findByTestId('change-email')
    fireEvent.change(within(section).getByLabelText('New email'), { target: { value: 'john.new@example.com' } })
    fireEvent.click(within(section).getByRole('button', { name: 'Change email' }))
    const dialog = await screen.findByRole('dialog')
    fireEvent.change(within(dialog).getByLabelText('SMS code'), { target: { value: '9876' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Verify' }))
    expect(await within(section).findByText('Check your new inbox')).toBeTruthy()
    expect(bodiesTo(calls, '/api/user/change-email')).toEqual([
      { email: 'john.new@example.com' },
      { email: 'john.new@example.com', code: '9876' },
    ])
  })

  it('sets up an authenticator app from the QR code and secret', async () => {
    const qr = 'data:image/png;base64,QRQR'
    const { client, calls } = account((call) => {
      if (call.url === '/api/user/generate-2fa')
        return { status: 201, body: { twoFaToken: 'JBSWY3DPEHPK3PXP', qr, uri: 'otpauth://x' } }
      if (call.url === '/api/user/set-2fa') return success
      return undefined
    })
    renderApp(client, '/settings?tab=security')
    const section = await screen.findByTestId('totp-section')
    fireEvent.click(within(section).getByRole('button', { name: 'Set up an authenticator app' }))
    expect((await within(section).findByRole('img', { name: /QR code/ })).getAttribute('src')).toBe(qr)
    expect(within(section).getByTestId('totp-secret').textContent).toBe('JBSW Y3DP EHPK 3PXP')
    fireEvent.change(within(section).getByLabelText('Authenticator code'), { target: { value: '12345' } })
    fireEvent.click(within(section).getByRole('button', { name: 'Turn on' }))
    expect(await within(section).findByText('The code has 6 digits.')).toBeTruthy()
    fireEvent.change(within(section).getByLabelText('Authenticator code'), { target: { value: '123456' } })
    fireEvent.click(within(section).getByRole('button', { name: 'Turn on' }))
    expect(await within(section).findByText(/The authenticator app is on/)).toBeTruthy()
    expect(bodiesTo(calls, '/api/user/set-2fa')).toEqual([{ twoFaCode: '123456' }])
    // One factor at a time: the phone section now says so.
    expect(screen.getByTestId('phone-section').textContent).toContain('Turn it off first')
  })

  it('adds a phone: set-phone texts a code, the prompt sends it back', async () => {
    const { client, calls } = account((call) =>
      call.url === '/api/user/set-phone'
        ? (call.body as { code?: string }).code === '2468'
          ? success
          : (call.body as { code?: string }).code
            ? { status: 400, body: { statusCode: 400, message: 'phone-code-error', error: 'bad code' } }
            : { status: 201, body: { message: 'code-sent' } }
        : undefined,
    )
    renderApp(client, '/settings?tab=security')
    const section = await screen.findByTestId('phone-section')
    fireEvent.change(within(section).getByLabelText('Mobile number'), { target: { value: '+48 123 456 789' } })
    fireEvent.click(within(section).getByRole('button', { name: 'Text me a code' }))
    const dialog = await screen.findByRole('dialog')
    expect(dialog.textContent).toContain('We texted a code to +48123456789')
    fireEvent.change(within(dialog).getByLabelText('SMS code'), { target: { value: '1111' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Verify' }))
    expect(
      await within(dialog).findByText('That code is wrong or has expired. Check the latest text message.'),
    ).toBeTruthy()
    fireEvent.change(within(dialog).getByLabelText('SMS code'), { target: { value: '2468' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Verify' }))
    expect(await within(section).findByText(/Your phone is set/)).toBeTruthy()
    expect(bodiesTo(calls, '/api/user/set-phone')).toEqual([
      { phone: '+48123456789' },
      { phone: '+48123456789', code: '1111' },
      { phone: '+48123456789', code: '2468' },
    ])
  })

  it('closes the account after typing the username, the password and the code', async () => {
    const { client, calls } = account(
      (call) => {
        if (call.url !== '/api/user/close-account') return undefined
        return (call.body as { code?: string }).code ? success : { status: 201, body: { message: 'two-fa-required' } }
      },
      settingsOf({ twoFaToken: true }),
    )
    renderApp(client, '/settings?tab=security')
    fireEvent.click(await screen.findByRole('button', { name: 'Close my account…' }))
    const dialog = await screen.findByTestId('close-account-dialog')
    const confirm = within(dialog).getByRole('button', { name: 'Close my account' })
    expect(confirm).toHaveProperty('disabled', true)
    fireEvent.change(within(dialog).getByLabelText(/Type your username/), { target: { value: 'JohnDoe' } })
    fireEvent.change(within(dialog).getByLabelText('Password'), { target: { value: 'pw' } })
    fireEvent.click(confirm)
    const prompt = await screen.findByTestId('second-factor-dialog')
    fireEvent.change(within(prompt).getByLabelText('Authenticator code'), { target: { value: '654321' } })
    fireEvent.click(within(prompt).getByRole('button', { name: 'Close my account' }))
    expect(await screen.findByText('Your account is closed')).toBeTruthy()
    expect(screen.getByTestId('where').textContent).toBe('/')
    expect(bodiesTo(calls, '/api/user/close-account')).toEqual([{ password: 'pw' }, { password: 'pw', code: '654321' }])
    expect(client.hasToken).toBe(false)
  })
})

describe('public profile', () => {
  it('shows a member', async () => {
    const { client, calls } = backend((call) =>
      call.url === '/api/user/get/satoshi'
        ? {
            status: 200,
            body: {
              data: {
                id: '5a7f3c2e-8b1d-4e6f-a9c0-1d2e3f4a5b6c',
                username: 'satoshi',
                firstName: '',
                lastName: '',
                bio: 'Hi',
                title: 'Founder',
                createdAt: '2020-01-01T00:00:00Z',
                isProfilePicPresent: false,
              },
            },
          }
        : anonymous,
    )
    renderApp(client, '/user/satoshi')
    expect(await screen.findByRole('heading', { name: 'satoshi' })).toBeTruthy()
    expect(screen.getByText('Hi')).toBeTruthy()
    expect(screen.queryByTestId('account-email')).toBeNull()
    expect(calls.some((c) => c.url === '/api/auth/refresh')).toBe(true)
  })

  it('says so kindly when there is no such user', async () => {
    const { client } = backend((call) =>
      call.url.startsWith('/api/user/get/')
        ? { status: 404, body: { statusCode: 404, message: 'user-not-found' } }
        : anonymous,
    )
    renderApp(client, '/user/nobody')
    expect(await screen.findByRole('heading', { name: 'No one here by that name' })).toBeTruthy()
  })
})

describe('forgot and reset password', () => {
  it('by email: sends and says a message went out if the account exists', async () => {
    const { client, calls } = backend((call) =>
      call.url === '/api/user/forgot-password' ? { status: 201, body: { message: 'sent' } } : anonymous,
    )
    renderApp(client, '/sign-in')
    fireEvent.click(await screen.findByRole('link', { name: 'Forgot your password?' }))
    fireEvent.change(await screen.findByLabelText('Email'), { target: { value: 'who@example.com' } })
    fireEvent.click(screen.getByRole('button', { name: 'Email me a link' }))
    expect((await screen.findByTestId('forgot-sent')).textContent).toContain('If an account uses who@example.com')
    expect(bodiesTo(calls, '/api/user/forgot-password')).toEqual([{ email: 'who@example.com' }])
  })

  it('by phone: asks for the SMS code and the new password', async () => {
    const { client, calls } = backend((call) => {
      if (call.url !== '/api/user/forgot-password') return anonymous
      const body = call.body as { verificationString?: string }
      if (!body.verificationString) return { status: 201, body: { message: 'sent' } }
      return body.verificationString === '5555'
        ? success
        : { status: 400, body: { statusCode: 400, message: 'phone-code-error' } }
    })
    renderApp(client, '/forgot-password')
    fireEvent.click(await screen.findByRole('tab', { name: /By SMS/ }))
    fireEvent.change(screen.getByLabelText('Mobile number'), { target: { value: '+48123456789' } })
    fireEvent.click(screen.getByRole('button', { name: 'Text me a code' }))
    fireEvent.change(await screen.findByLabelText('SMS code'), { target: { value: '1234' } })
    fireEvent.change(screen.getByLabelText('New password'), { target: { value: 'N3w!pass' } })
    fireEvent.change(screen.getByLabelText('Repeat the new password'), { target: { value: 'N3w!pass' } })
    fireEvent.click(screen.getByRole('button', { name: 'Set the new password' }))
    expect(await screen.findByText('That code is wrong or has expired. Check the latest text message.')).toBeTruthy()
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('SMS code')))
    fireEvent.change(screen.getByLabelText('SMS code'), { target: { value: '5555' } })
    fireEvent.click(screen.getByRole('button', { name: 'Set the new password' }))
    expect(await screen.findByRole('heading', { name: 'Your password is changed' })).toBeTruthy()
    expect(bodiesTo(calls, '/api/user/forgot-password').at(-1)).toEqual({
      phone: '+48123456789',
      verificationString: '5555',
      password: 'N3w!pass',
    })
  })

  it('resets from the email link', async () => {
    const { client, calls } = backend((call) => (call.url === '/api/user/forgot-password' ? success : anonymous))
    renderApp(client, '/reset-password/tok123?email=john%2Bx%40example.com')
    fireEvent.change(await screen.findByLabelText('New password'), { target: { value: 'N3w!pass' } })
    fireEvent.change(screen.getByLabelText('Repeat the new password'), { target: { value: 'different' } })
    fireEvent.click(screen.getByRole('button', { name: 'Set the new password' }))
    expect(await screen.findByText('The two passwords do not match.')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('Repeat the new password'), { target: { value: 'N3w!pass' } })
    fireEvent.click(screen.getByRole('button', { name: 'Set the new password' }))
    expect(await screen.findByRole('link', { name: 'Sign in' })).toBeTruthy()
    expect(bodiesTo(calls, '/api/user/forgot-password')).toEqual([
      { email: 'john+x@example.com', verificationString: 'tok123', password: 'N3w!pass' },
    ])
  })

  it('a used link says so in plain words', async () => {
    const { client } = backend((call) =>
      call.url === '/api/user/forgot-password'
        ? { status: 400, body: { statusCode: 400, message: 'wrong-hash', error: 'wrong-hash' } }
        : anonymous,
    )
    renderApp(client, '/reset-password/old?email=a%40b.c')
    fireEvent.change(await screen.findByLabelText('New password'), { target: { value: 'N3w!pass' } })
    fireEvent.change(screen.getByLabelText('Repeat the new password'), { target: { value: 'N3w!pass' } })
    fireEvent.click(screen.getByRole('button', { name: 'Set the new password' }))
    expect((await screen.findByRole('alert')).textContent).toContain('This link is invalid or has already been used.')
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toBeTruthy()
  })
})

describe('email change confirmation', () => {
  it('confirms', async () => {
    const { client, calls } = backend((call) =>
      call.url.startsWith('/api/user/email-change-confirmation/')
        ? { status: 200, body: { message: 'success' } }
        : anonymous,
    )
    renderApp(client, '/email-change-confirmation/h1')
    expect(await screen.findByRole('heading', { name: 'Your email is changed' })).toBeTruthy()
    expect(calls.filter((c) => c.url === '/api/user/email-change-confirmation/h1')).toHaveLength(1)
  })

  it('a second use is good news, in green', async () => {
    const { client } = backend((call) =>
      call.url.startsWith('/api/user/email-change-confirmation/')
        ? { status: 400, body: { statusCode: 400, message: 'email-change-confirmed', error: 'x' } }
        : anonymous,
    )
    renderApp(client, '/email-change-confirmation/h2')
    const status = await screen.findByText('This email change has already been confirmed.')
    expect(status.getAttribute('role')).toBe('status')
    expect(status.className).toBe('status-good-text')
  })
})

describe('session', () => {
  it('anonymous visitors do not call refresh at all', async () => {
    const { client, calls } = backend(() => anonymous, { storage: memoryStorage() })
    renderApp(client, '/')
    expect(await screen.findAllByRole('link', { name: 'Sign in' })).not.toHaveLength(0)
    // Only the public list of newest posts, without a token; no refresh.
    expect(calls.map((c) => [c.url, c.token])).toEqual([['/api/posts/list/0/10/DESC/createdAt', undefined]])
  })

  it('tells the person their session ended instead of showing an empty form', async () => {
    const { client } = backend(
      () => ({ status: 401, body: { statusCode: 401, message: 'session-has-expired', error: 'expired' } }),
      { storage: memoryStorage({ [HAD_SESSION_KEY]: '1' }) },
    )
    renderApp(client, '/settings')
    expect(await screen.findByText('Your session ended — please sign in again')).toBeTruthy()
    expect(screen.getByTestId('where').textContent).toBe('/sign-in')
  })

  it('a 429 on sign-in says when to try again', async () => {
    const { client } = backend((call) =>
      call.url === '/api/user/sign-in'
        ? {
            status: 429,
            body: { statusCode: 429, message: 'too-many-requests', error: 'x' },
            headers: { 'Retry-After': '12' },
          }
        : anonymous,
    )
    renderApp(client, '/sign-in')
    fireEvent.change(await screen.findByLabelText('Email'), { target: { value: 'a@b.c' } })
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'pw' } })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Sign in' }))
    })
    expect((await screen.findByRole('alert')).textContent).toContain('Too many attempts — try again in 12 seconds.')
  })
})
