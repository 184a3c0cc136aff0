// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { completeMention, mentionAt } from '../lib/mentions'
import { backend, fakePost, john, postsApi, renderApp, signedIn, type Call, type Reply } from '../test/fakeBackend'

afterEach(() => cleanup())

describe('mentionAt / completeMention', () => {
  it('finds the @prefix before the caret only at the start of a word', () => {
    expect(mentionAt('hi @al', 6)).toEqual({ start: 3, prefix: 'al' })
    expect(mentionAt('@a', 2)).toEqual({ start: 0, prefix: 'a' })
    expect(mentionAt('(@bob.s', 7)).toEqual({ start: 1, prefix: 'bob.s' })
    expect(mentionAt('hi @', 4)).toBeNull()
    expect(mentionAt('mail bob@example', 16)).toBeNull()
    expect(mentionAt('hi @al there', 12)).toBeNull()
    expect(mentionAt('hi @al there', 6)).toEqual({ start: 3, prefix: 'al' })
  })

  it('replaces the prefix with the username and a space, caret after it', () => {
    expect(completeMention('hi @al', { start: 3, prefix: 'al' }, 6, 'alice')).toEqual({ text: 'hi @alice ', caret: 10 })
    expect(completeMention('hi @al and', { start: 3, prefix: 'al' }, 6, 'alice')).toEqual({
      text: 'hi @alice and',
      caret: 9,
    })
  })
})

const missing: Reply = { status: 404, body: { statusCode: 404, message: 'not-found' } }

function gateway() {
  const api = postsApi([fakePost()])
  const { client, calls } = backend((call: Call) => {
    if (call.url === '/api/auth/refresh') return signedIn
    if (call.url.startsWith('/api/user/suggest')) {
      const prefix = new URL(call.url, 'http://x').searchParams.get('prefix')!.toLowerCase()
      const names = ['alice', 'albert', 'Alfred', 'bob'].filter((n) => n.toLowerCase().startsWith(prefix))
      return { status: 200, body: names.map((username) => ({ username })) }
    }
    if (call.url.startsWith('/api/user/get/')) return { status: 200, body: { data: { ...john, email: undefined } } }
    return api.handle(call) ?? missing
  })
  return { client, calls }
}

async function commentBox() {
  const { client, calls } = gateway()
  renderApp(client, '/posts/why-bitcoin-halvings-matter')
  const box = await screen.findByRole<HTMLTextAreaElement>('combobox', { name: 'Add a comment' })
  return { box, calls }
}

function type(box: HTMLTextAreaElement, value: string) {
  fireEvent.change(box, { target: { value } })
}

const options = () => within(screen.getByRole('listbox', { name: 'People to mention' })).getAllByRole('option')

describe('@mention completion', () => {
  it('offers usernames for @al, moves with the arrows and takes one with Enter', async () => {
    const { box, calls } = await commentBox()
    expect(box.getAttribute('aria-expanded')).toBe('false')
    type(box, 'Thanks @al')
    await waitFor(() => expect(options().map((o) => o.textContent)).toEqual(['@alice', '@albert', '@Alfred']))
    expect(calls.filter((c) => c.url.startsWith('/api/user/suggest')).map((c) => c.url)).toEqual([
      '/api/user/suggest?prefix=al',
    ])
    expect(box.getAttribute('aria-expanded')).toBe('true')
    expect(box.getAttribute('aria-activedescendant')).toBe(options()[0].id)
    expect(options()[0].getAttribute('aria-selected')).toBe('true')

    fireEvent.keyDown(box, { key: 'ArrowDown' })
    fireEvent.keyDown(box, { key: 'ArrowDown' })
    fireEvent.keyDown(box, { key: 'ArrowDown' }) // wraps to the first
    fireEvent.keyDown(box, { key: 'ArrowUp' }) // and back to the last
    expect(box.getAttribute('aria-activedescendant')).toBe(options()[2].id)
    fireEvent.keyDown(box, { key: 'Enter' })
    expect(box.value).toBe('Thanks @Alfred ')
    expect(box.selectionStart).toBe('Thanks @Alfred '.length)
    expect(box.getAttribute('aria-expanded')).toBe('false')
  })

  it('narrows the offers as the name is typed, and closes with Escape until another mention', async () => {
    const { box } = await commentBox()
    type(box, '@a')
    await waitFor(() => expect(options()).toHaveLength(3))
    type(box, '@alb')
    await waitFor(() => expect(options().map((o) => o.textContent)).toEqual(['@albert']))
    fireEvent.keyDown(box, { key: 'Escape' })
    expect(box.getAttribute('aria-expanded')).toBe('false')
    type(box, '@albe')
    await new Promise((resolve) => setTimeout(resolve, 250))
    expect(box.getAttribute('aria-expanded')).toBe('false')
    // a new @ opens them again
    type(box, '@albe @b')
    await waitFor(() => expect(options().map((o) => o.textContent)).toEqual(['@bob']))
  })

  it('takes a username with the mouse', async () => {
    const { box } = await commentBox()
    type(box, 'hey @bo')
    await waitFor(() => expect(options()).toHaveLength(1))
    fireEvent.mouseDown(options()[0])
    expect(box.value).toBe('hey @bob ')
  })

  it('works in the post editor too', async () => {
    const { client } = gateway()
    renderApp(client, '/posts/new')
    const editor = await screen.findByRole<HTMLTextAreaElement>('combobox', { name: /Content|Markdown|Write/i })
    type(editor, 'Ask @ali')
    await waitFor(() => expect(options().map((o) => o.textContent)).toEqual(['@alice']))
    fireEvent.keyDown(editor, { key: 'Tab' })
    expect(editor.value).toBe('Ask @alice ')
  })
})
