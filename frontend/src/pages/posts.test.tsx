// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import {
  anonymous,
  backend,
  fakePost,
  john,
  memoryStorage,
  postsApi,
  renderApp,
  signedIn,
  type Call,
  type Reply,
} from '../test/fakeBackend'

afterEach(() => cleanup())

const missing: Reply = { status: 404, body: { statusCode: 404, message: 'not-found' } }

/** A gateway with the fake posts API; `signed` says whether refresh gives John a session. */
function gateway(posts = [fakePost()], options: { signed?: boolean; extra?: (call: Call) => Reply | undefined } = {}) {
  const api = postsApi(posts)
  const { client, calls } = backend(
    (call) => {
      if (call.url === '/api/auth/refresh') return options.signed ? signedIn : anonymous
      if (call.url.startsWith('/api/user/get/')) return { status: 200, body: { data: { ...john, email: undefined } } }
      return options.extra?.(call) ?? api.handle(call) ?? missing
    },
    options.signed ? {} : { storage: memoryStorage() },
  )
  return { client, calls, api }
}

const lists = (calls: Call[]) => calls.filter((c) => c.url.startsWith('/api/posts/list/'))
const where = () => screen.getByTestId('where').textContent

describe('home', () => {
  it('shows the newest posts from the public list, without the token', async () => {
    const { client, calls } = gateway(
      [fakePost(), fakePost({ id: 'p2', title: 'Ethereum gas explained', commentsCount: 4 })],
      { signed: true },
    )
    renderApp(client, '/')
    const cards = await screen.findAllByTestId('post-card')
    expect(cards).toHaveLength(2)
    expect(within(cards[1]).getByRole('link', { name: 'Ethereum gas explained' }).getAttribute('href')).toBe(
      '/posts/ethereum-gas-explained',
    )
    expect(within(cards[0]).getByText('#bitcoin')).toBeTruthy()
    expect(within(cards[0]).getByText('@JohnDoe')).toBeTruthy()
    expect(within(cards[1]).getByLabelText('4 comments')).toBeTruthy()
    const list = lists(calls)
    expect(list.length).toBeGreaterThan(0)
    expect(list.every((c) => c.token === undefined)).toBe(true)
    expect(list[0].url).toBe('/api/posts/list/0/10/DESC/createdAt')
  })

  it('shows skeletons while loading, then an empty state', async () => {
    const { client } = gateway([])
    renderApp(client, '/')
    expect(screen.getAllByTestId('post-skeleton').length).toBeGreaterThan(0)
    expect(await screen.findByText('No posts yet')).toBeTruthy()
  })
})

describe('posts page', () => {
  const many = Array.from({ length: 23 }, (_, i) =>
    fakePost({ id: `p${i}`, title: `Post number ${i}`, searchTags: [i % 2 ? 'eth' : 'btc'] }),
  )

  it('debounces the search into the URL and the query', async () => {
    const { client, calls } = gateway(many)
    renderApp(client, '/posts')
    await screen.findAllByTestId('post-card')
    fireEvent.change(screen.getByLabelText('Search posts'), { target: { value: 'number 1' } })
    fireEvent.change(screen.getByLabelText('Search posts'), { target: { value: 'number 12' } })
    await waitFor(() => expect(where()).toBe('/posts?q=number+12'))
    await waitFor(() => expect(screen.getAllByTestId('post-card')).toHaveLength(1))
    const searched = lists(calls).filter((c) => c.url.includes('searchQuery'))
    // One call for the settled words, none for the half-typed ones.
    expect(searched.map((c) => new URL(c.url, 'http://x').searchParams.get('searchQuery'))).toEqual(['number 12'])
  })

  it('reads a shared link: search, tags, sort and a 1-based page', async () => {
    const { client, calls } = gateway(many)
    renderApp(client, '/posts?q=post&tags=eth&sort=top&page=2')
    await screen.findAllByTestId('post-card')
    expect((screen.getByLabelText('Search posts') as HTMLInputElement).value).toBe('post')
    expect((screen.getByLabelText('Sort') as HTMLSelectElement).value).toBe('top')
    const url = new URL(lists(calls)[0].url, 'http://x')
    expect(url.pathname).toBe('/api/posts/list/1/10/DESC/rating')
    expect(url.searchParams.get('tags')).toBe('eth')
    expect(url.searchParams.get('searchQuery')).toBe('post')
  })

  it('sorts, filters by tag chips and pages, keeping it all in the URL', async () => {
    const { client, calls } = gateway(many)
    renderApp(client, '/posts')
    await screen.findAllByTestId('post-card')
    expect(screen.getByText('23 posts')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Page 3' }))
    await waitFor(() => expect(where()).toBe('/posts?page=3'))
    await waitFor(() => expect(screen.getAllByTestId('post-card')).toHaveLength(3))
    expect(lists(calls).at(-1)!.url).toBe('/api/posts/list/2/10/DESC/createdAt')
    expect(screen.getByRole('button', { name: 'Page 3' }).getAttribute('aria-current')).toBe('page')

    fireEvent.change(screen.getByLabelText('Sort'), { target: { value: 'discussed' } })
    await waitFor(() => expect(where()).toBe('/posts?sort=discussed'))
    await waitFor(() => expect(lists(calls).at(-1)!.url).toBe('/api/posts/list/0/10/DESC/comments'))

    const chip = await screen.findByRole('button', { name: /#eth/ })
    fireEvent.click(chip)
    await waitFor(() => expect(where()).toBe('/posts?tags=eth&sort=discussed'))
    expect(chip.getAttribute('aria-pressed')).toBe('true')
    await waitFor(() => expect(screen.getByText('11 posts')).toBeTruthy())
  })

  it('says when nothing matches and offers to clear the filters', async () => {
    const { client } = gateway(many)
    renderApp(client, '/posts?q=dogecoin')
    expect(await screen.findByText('No posts match “dogecoin”')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Clear the filters' }))
    await waitFor(() => expect(where()).toBe('/posts'))
    expect(await screen.findAllByTestId('post-card')).toHaveLength(10)
  })

  it('lists a tag page', async () => {
    const { client, calls } = gateway(many)
    renderApp(client, '/tags/btc')
    expect(await screen.findByRole('heading', { name: '#btc' })).toBeTruthy()
    await waitFor(() => expect(screen.getByText('12 posts')).toBeTruthy())
    expect(new URL(lists(calls)[0].url, 'http://x').searchParams.get('tags')).toBe('btc')
  })
})

describe('post page', () => {
  it('renders the Markdown body, tags, author card and score', async () => {
    const { client } = gateway()
    renderApp(client, '/posts/why-bitcoin-halvings-matter')
    const content = await screen.findByTestId('post-content')
    expect(within(content).getByRole('heading', { name: 'Halvings' })).toBeTruthy()
    expect(within(content).getByText('210,000').tagName).toBe('STRONG')
    expect(screen.getByTestId('vote-score').textContent).toBe('2')
    const author = screen.getByTestId('author-card')
    expect(within(author).getByRole('link', { name: 'View profile' }).getAttribute('href')).toBe('/user/JohnDoe')
  })

  it('replaces an old slug in the URL with the current one', async () => {
    const { client, calls } = gateway([fakePost({ title: 'New title', slug: 'new-title', oldSlugs: ['old-title'] })])
    renderApp(client, '/posts/old-title')
    await screen.findByTestId('post-content')
    await waitFor(() => expect(where()).toBe('/posts/new-title'))
    // The post is not read again for its new address.
    expect(calls.filter((c) => c.url.startsWith('/api/posts/get/'))).toHaveLength(1)
  })

  it('shows a friendly not-found for 404', async () => {
    const { client } = gateway([])
    renderApp(client, '/posts/nope')
    expect(await screen.findByTestId('post-not-found')).toBeTruthy()
    expect(screen.getByRole('heading', { name: 'This post is not here' })).toBeTruthy()
  })

  it('asks signed-out visitors to sign in to vote and comment', async () => {
    const { client, calls } = gateway()
    renderApp(client, '/posts/why-bitcoin-halvings-matter')
    await screen.findByTestId('post-content')
    fireEvent.click(screen.getByRole('button', { name: 'Vote up' }))
    expect(await screen.findByText('Sign in to vote')).toBeTruthy()
    expect(calls.some((c) => c.url.startsWith('/api/posts/rate/'))).toBe(false)
    expect(screen.queryByTestId('comment-form')).toBeNull()
    expect(screen.getByText(/to join the conversation/)).toBeTruthy()
  })

  it('votes with toggle semantics, reflecting myRate', async () => {
    const { client, calls } = gateway([fakePost({ myRate: '+', rating: 5 })], { signed: true })
    renderApp(client, '/posts/why-bitcoin-halvings-matter')
    await screen.findByTestId('post-content')
    const up = screen.getByRole('button', { name: 'Vote up' })
    expect(up.getAttribute('aria-pressed')).toBe('true')
    fireEvent.click(screen.getByRole('button', { name: 'Vote down' }))
    expect(screen.getByTestId('vote-score').textContent).toBe('3')
    await waitFor(() => expect(screen.getByRole('button', { name: 'Vote down' })).toHaveProperty('disabled', false))
    fireEvent.click(screen.getByRole('button', { name: 'Vote down' }))
    expect(screen.getByTestId('vote-score').textContent).toBe('4')
    await waitFor(() =>
      expect(calls.filter((c) => c.url === '/api/posts/rate/post/p1').map((c) => c.body)).toEqual([
        { rate: '-' },
        { rate: '-' },
      ]),
    )
    expect(calls.find((c) => c.url === '/api/posts/rate/post/p1')!.token).toBe('Bearer at-1')
  })

  it('rolls an optimistic vote back when the API refuses it', async () => {
    const { client } = gateway([fakePost()], {
      signed: true,
      extra: (call) =>
        call.url.startsWith('/api/posts/rate/')
          ? { status: 400, body: { statusCode: 400, message: 'wrong-rate' } }
          : undefined,
    })
    renderApp(client, '/posts/why-bitcoin-halvings-matter')
    await screen.findByTestId('post-content')
    fireEvent.click(screen.getByRole('button', { name: 'Vote up' }))
    expect(screen.getByTestId('vote-score').textContent).toBe('3')
    expect(await screen.findByText('Your vote did not count')).toBeTruthy()
    expect(screen.getByTestId('vote-score').textContent).toBe('2')
    expect(screen.getByRole('button', { name: 'Vote up' }).getAttribute('aria-pressed')).toBe('false')
  })

  it('adds a comment with a counter and shows it in order', async () => {
    const post = fakePost({
      comments: [
        { id: 'c1', username: 'alice', payload: 'First!', createdAt: '2024-04-20T11:00:00Z', rating: 1, myRate: null },
      ],
      commentsCount: 1,
    })
    const { client, calls } = gateway([post], { signed: true })
    renderApp(client, '/posts/why-bitcoin-halvings-matter')
    const form = await screen.findByTestId('comment-form')
    const box = within(form).getByLabelText('Add a comment')
    fireEvent.change(box, { target: { value: 'Great read' } })
    expect(within(form).getByText('10 / 5,000')).toBeTruthy()
    fireEvent.click(within(form).getByRole('button', { name: 'Post comment' }))
    await waitFor(() => expect(screen.getAllByTestId('comment')).toHaveLength(2))
    expect(screen.getAllByTestId('comment').map((c) => c.querySelector('.markdown')!.textContent)).toEqual([
      'First!',
      'Great read',
    ])
    expect(calls.find((c) => c.url === '/api/posts/comment/p1')).toMatchObject({
      method: 'PATCH',
      body: { comment: 'Great read' },
    })
    expect((box as HTMLTextAreaElement).value).toBe('')
  })

  it('shows the first 50 comments and loads the rest a page at a time, keeping a new one last', async () => {
    const comments = Array.from({ length: 120 }, (_, i) => ({
      id: `c${i}`,
      username: 'alice',
      payload: `Comment ${i}`,
      createdAt: '2024-04-20T11:00:00Z',
      rating: 0,
      myRate: null,
    }))
    const { client, calls, api } = gateway([fakePost({ comments, commentsCount: 120 })], { signed: true })
    renderApp(client, '/posts/why-bitcoin-halvings-matter')
    expect(await screen.findAllByTestId('comment')).toHaveLength(50)
    expect(screen.getByRole('heading', { name: 'Comments (120)' })).toBeTruthy()

    const form = screen.getByTestId('comment-form')
    fireEvent.change(within(form).getByLabelText('Add a comment'), { target: { value: 'Mine' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Post comment' }))
    await waitFor(() => expect(screen.getAllByTestId('comment')).toHaveLength(51))
    // the Markdown renderer loads lazily: wait for the comments' text
    const texts = () => screen.getAllByTestId('comment').map((c) => c.querySelector('.markdown')?.textContent)
    await waitFor(() => expect(texts().at(-1)).toBe('Mine'))

    api.state.fail.set('/api/posts/comments/', {
      status: 503,
      body: { statusCode: 503, message: 'server-busy', error: 'Busy' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Show more comments (70 more)' }))
    expect(await screen.findByText('Could not load more comments')).toBeTruthy()
    expect(screen.getAllByTestId('comment')).toHaveLength(51)

    api.state.fail.clear()
    fireEvent.click(screen.getByRole('button', { name: 'Show more comments (70 more)' }))
    await waitFor(() => expect(screen.getAllByTestId('comment')).toHaveLength(101))
    expect(screen.queryByText('Could not load more comments')).toBeNull()
    await waitFor(() => expect(texts().slice(49, 52)).toEqual(['Comment 49', 'Comment 50', 'Comment 51']))
    expect(texts().at(-1)).toBe('Mine')
    fireEvent.click(screen.getByRole('button', { name: 'Show more comments (20 more)' }))
    await waitFor(() => expect(screen.getAllByTestId('comment')).toHaveLength(121))
    await waitFor(() => expect(texts().slice(-2)).toEqual(['Comment 119', 'Mine']))
    expect(screen.queryByRole('button', { name: /Show more comments/ })).toBeNull()
    expect(calls.filter((c) => c.url.startsWith('/api/posts/comments/')).map((c) => c.url)).toEqual([
      '/api/posts/comments/p1/1/50',
      '/api/posts/comments/p1/1/50',
      '/api/posts/comments/p1/2/50',
    ])
  }, 30_000)

  it('refuses an empty or too long comment before sending', async () => {
    const { client, calls } = gateway([fakePost()], { signed: true })
    renderApp(client, '/posts/why-bitcoin-halvings-matter')
    const form = await screen.findByTestId('comment-form')
    fireEvent.click(within(form).getByRole('button', { name: 'Post comment' }))
    expect(await within(form).findByText('Write a comment first.')).toBeTruthy()
    fireEvent.change(within(form).getByLabelText('Add a comment'), { target: { value: 'x'.repeat(5001) } })
    expect(within(form).getByRole('button', { name: 'Post comment' })).toHaveProperty('disabled', true)
    expect(calls.some((c) => c.url.startsWith('/api/posts/comment/'))).toBe(false)
  })

  it('never turns script in a post or a comment into executable DOM', async () => {
    const xss =
      '<script>window.__pwned=1</script>\n\n<img src=x onerror="window.__pwned=1">\n\n[click](javascript:window.__pwned=1)'
    const post = fakePost({
      content: xss.split('\n'),
      comments: [
        { id: 'c1', username: 'mallory', payload: xss, createdAt: '2024-04-20T11:00:00Z', rating: 0, myRate: null },
      ],
    })
    const { client } = gateway([post])
    const { container } = renderApp(client, '/posts/why-bitcoin-halvings-matter')
    await screen.findByTestId('post-content')
    await screen.findByTestId('comment')
    expect(container.querySelectorAll('script, img[onerror]').length).toBe(0)
    for (const a of container.querySelectorAll('a')) expect(a.getAttribute('href') ?? '').not.toMatch(/^javascript:/i)
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined()
  })

  it('deletes after a confirmation and the second factor, then goes to my posts', async () => {
    const { client, calls } = gateway([fakePost()], {
      signed: true,
      extra: (call) => {
        if (!call.url.startsWith('/api/posts/delete/')) return undefined
        return call.url.includes('twoFaCode=123456') ? undefined : { status: 200, body: { message: 'two-fa-required' } }
      },
    })
    renderApp(client, '/posts/why-bitcoin-halvings-matter')
    fireEvent.click(await screen.findByRole('button', { name: 'Delete post…' }))
    const dialog = screen.getByTestId('delete-post-dialog')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete the post' }))
    const code = await screen.findByTestId('second-factor-dialog')
    fireEvent.change(within(code).getByLabelText('Authenticator code'), { target: { value: '123456' } })
    fireEvent.click(within(code).getByRole('button', { name: 'Delete the post' }))
    await waitFor(() => expect(where()).toBe('/account'))
    expect(await screen.findByText('Your post is deleted')).toBeTruthy()
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.url)).toEqual([
      '/api/posts/delete/p1',
      '/api/posts/delete/p1?twoFaCode=123456',
    ])
  })

  it('shows edit and delete only to the author', async () => {
    const { client } = gateway([fakePost({ username: 'someone' })], { signed: true })
    renderApp(client, '/posts/why-bitcoin-halvings-matter')
    await screen.findByTestId('post-content')
    expect(screen.queryByRole('button', { name: 'Delete post…' })).toBeNull()
    expect(screen.queryByRole('link', { name: 'Edit post' })).toBeNull()
  })
})

describe('editor', () => {
  it('creates a post and opens it by the slug the API returns', async () => {
    const { client, calls } = gateway([], { signed: true })
    renderApp(client, '/posts/new')
    const form = await screen.findByTestId('post-editor')
    fireEvent.change(within(form).getByLabelText('Title'), { target: { value: 'Lightning in practice' } })
    fireEvent.change(within(form).getByLabelText('Preview'), { target: { value: 'Channels, fees and routing.' } })
    const tags = within(form).getByLabelText('Tags')
    fireEvent.change(tags, { target: { value: 'Lightning' } })
    fireEvent.keyDown(tags, { key: 'Enter' })
    fireEvent.change(within(form).getByLabelText('Tags'), { target: { value: 'BAD_tag!' } })
    fireEvent.keyDown(within(form).getByLabelText('Tags'), { key: 'Enter' })
    expect(within(form).getByText('Tags use only a–z, 0–9 and dashes.')).toBeTruthy()
    fireEvent.change(within(form).getByLabelText('Post (Markdown)'), { target: { value: '# Hi\r\n\r\nline two' } })
    expect(within(screen.getByTestId('editor-preview')).getByRole('heading', { name: 'Hi' })).toBeTruthy()
    fireEvent.click(within(form).getByRole('button', { name: 'Publish' }))
    await waitFor(() => expect(where()).toBe('/posts/lightning-in-practice'))
    expect(calls.find((c) => c.url === '/api/posts/create')).toMatchObject({
      method: 'POST',
      token: 'Bearer at-1',
      body: {
        title: 'Lightning in practice',
        preview: 'Channels, fees and routing.',
        content: ['# Hi', '', 'line two'],
        searchTags: ['lightning'],
      },
    })
    expect(await screen.findByTestId('post-content')).toBeTruthy()
  })

  it('checks fields before sending and puts API codes next to their fields', async () => {
    const { client, calls } = gateway([fakePost({ title: 'Taken title' })], { signed: true })
    renderApp(client, '/posts/new')
    const form = await screen.findByTestId('post-editor')
    fireEvent.click(within(form).getByRole('button', { name: 'Publish' }))
    expect(await within(form).findByText('Add at least one tag.')).toBeTruthy()
    expect(calls.some((c) => c.url === '/api/posts/create')).toBe(false)
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByLabelText('Title')))

    fireEvent.change(within(form).getByLabelText('Title'), { target: { value: 'taken TITLE' } })
    fireEvent.change(within(form).getByLabelText('Preview'), { target: { value: 'A preview of the post' } })
    fireEvent.change(within(form).getByLabelText('Tags'), { target: { value: 'btc' } })
    fireEvent.keyDown(within(form).getByLabelText('Tags'), { key: 'Enter' })
    fireEvent.change(within(form).getByLabelText('Post (Markdown)'), { target: { value: 'Body' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Publish' }))
    expect(await within(form).findByText('A post with this title already exists. Choose another title.')).toBeTruthy()
    expect(within(form).getByLabelText('Title').getAttribute('aria-invalid')).toBe('true')
  })

  it('puts tag-length on the tags and validation-error on the form', async () => {
    let reply: Reply = { status: 400, body: { statusCode: 400, message: 'tag-length', error: 'Bad tags' } }
    const { client } = gateway([], {
      signed: true,
      extra: (call) => (call.url === '/api/posts/create' ? reply : undefined),
    })
    renderApp(client, '/posts/new')
    const form = await screen.findByTestId('post-editor')
    fireEvent.change(within(form).getByLabelText('Title'), { target: { value: 'Good title' } })
    fireEvent.change(within(form).getByLabelText('Preview'), { target: { value: 'A preview of the post' } })
    fireEvent.change(within(form).getByLabelText('Tags'), { target: { value: 'btc' } })
    fireEvent.keyDown(within(form).getByLabelText('Tags'), { key: 'Enter' })
    fireEvent.change(within(form).getByLabelText('Post (Markdown)'), { target: { value: 'Body' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Publish' }))
    expect(await within(screen.getByTestId('tag-input')).findByText(/Tags have 1–20 characters/)).toBeTruthy()
    reply = { status: 400, body: { statusCode: 400, message: 'validation-error', error: 'content must not be empty' } }
    fireEvent.click(within(form).getByRole('button', { name: 'Publish' }))
    expect(await within(form).findByText('content must not be empty')).toBeTruthy()
  })

  it('edits with ?toEdit=yes, saves only changes with PATCH and opens the new slug', async () => {
    const { client, calls } = gateway([fakePost()], { signed: true })
    renderApp(client, '/posts/why-bitcoin-halvings-matter/edit')
    const form = await screen.findByTestId('post-editor')
    expect(calls.some((c) => c.url === '/api/posts/get/why-bitcoin-halvings-matter?toEdit=yes')).toBe(true)
    const title = within(form).getByLabelText('Title') as HTMLInputElement
    expect(title.value).toBe('Why Bitcoin halvings matter')
    expect((within(form).getByLabelText('Post (Markdown)') as HTMLTextAreaElement).value).toBe(
      '# Halvings\n\nEvery **210,000** blocks the reward halves.',
    )
    fireEvent.change(title, { target: { value: 'Halvings, explained' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(where()).toBe('/posts/halvings-explained'))
    expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({
      url: '/api/posts/update/p1',
      body: { title: 'Halvings, explained' },
    })
  })

  it('says when someone else tries to edit', async () => {
    const { client } = gateway([fakePost({ username: 'someone' })], { signed: true })
    renderApp(client, '/posts/why-bitcoin-halvings-matter/edit')
    expect(await screen.findByText('Only the author can edit this post')).toBeTruthy()
  })
})

describe('my posts and profiles', () => {
  it('lists my posts with the token and no username on the account page', async () => {
    const { client, calls } = gateway([fakePost(), fakePost({ id: 'p2', title: 'Not mine', username: 'alice' })], {
      signed: true,
    })
    renderApp(client, '/account')
    const mine = await screen.findByTestId('my-posts')
    await waitFor(() => expect(within(mine).getAllByTestId('post-card')).toHaveLength(1))
    const call = lists(calls)[0]
    expect(call.token).toBe('Bearer at-1')
    expect(call.url).toBe('/api/posts/list/0/5/DESC/createdAt')
  })

  it('lists a member’s posts on the public profile by username, without the token', async () => {
    const { client, calls } = gateway([fakePost(), fakePost({ id: 'p2', title: 'Not his', username: 'alice' })], {
      signed: true,
    })
    renderApp(client, '/user/JohnDoe')
    const section = await screen.findByTestId('user-posts')
    await waitFor(() => expect(within(section).getAllByTestId('post-card')).toHaveLength(1))
    const call = lists(calls)[0]
    expect(call.token).toBeUndefined()
    expect(new URL(call.url, 'http://x').searchParams.get('username')).toBe('JohnDoe')
  })

  it('shows Posts and Write in the navigation when signed in', async () => {
    const { client } = gateway([], { signed: true })
    renderApp(client, '/')
    expect(await screen.findByRole('link', { name: 'Write' })).toBeTruthy()
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Posts' })).toBeTruthy()
  })
})
