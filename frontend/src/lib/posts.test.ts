import { describe, expect, it } from 'vitest'
import {
  applyVote,
  arriveComment,
  commentProblem,
  draftProblems,
  joinContent,
  listPath,
  mergeComments,
  normalizeTag,
  pageCount,
  pageWindow,
  readView,
  sortToApi,
  splitContent,
  tagProblem,
  writeView,
} from './posts'

describe('sort mapping', () => {
  it('maps each sort to order and orderBy', () => {
    expect(sortToApi('newest')).toEqual({ order: 'DESC', orderBy: 'createdAt' })
    expect(sortToApi('oldest')).toEqual({ order: 'ASC', orderBy: 'createdAt' })
    expect(sortToApi('title')).toEqual({ order: 'ASC', orderBy: 'title' })
    expect(sortToApi('top')).toEqual({ order: 'DESC', orderBy: 'rating' })
    expect(sortToApi('discussed')).toEqual({ order: 'DESC', orderBy: 'comments' })
  })

  it('falls back to newest for anything else', () => {
    expect(sortToApi('bogus')).toEqual({ order: 'DESC', orderBy: 'createdAt' })
    expect(sortToApi(null)).toEqual({ order: 'DESC', orderBy: 'createdAt' })
  })
})

describe('list query', () => {
  it('builds the path with 0-based page, size, order and orderBy', () => {
    expect(listPath({ page: 0, pageSize: 10, sort: 'newest' })).toBe('/api/posts/list/0/10/DESC/createdAt')
    expect(listPath({ page: 3, pageSize: 20, sort: 'top' })).toBe('/api/posts/list/3/20/DESC/rating')
  })

  it('adds searchQuery, username and comma-separated tags, encoded', () => {
    const path = listPath({
      page: 1,
      pageSize: 10,
      sort: 'discussed',
      search: '  bitc & eth ',
      tags: ['Bitcoin', 'defi'],
      username: 'John Doe',
    })
    const url = new URL(path, 'http://x')
    expect(url.pathname).toBe('/api/posts/list/1/10/DESC/comments')
    expect(url.searchParams.get('searchQuery')).toBe('bitc & eth')
    expect(url.searchParams.get('tags')).toBe('bitcoin,defi')
    expect(url.searchParams.get('username')).toBe('John Doe')
  })

  it('keeps page and size inside what the API accepts', () => {
    expect(listPath({ page: -2, pageSize: 500, sort: 'oldest' })).toBe('/api/posts/list/0/100/ASC/createdAt')
    expect(listPath({ page: 1.7, pageSize: 0, sort: 'title' })).toBe('/api/posts/list/1/10/ASC/title')
  })

  it('reads the page view from the URL with 1-based pages and drops bad values', () => {
    expect(readView(new URLSearchParams('q=bitcoin&tags=defi,BTC,bad_tag!,defi&sort=top&page=3'))).toEqual({
      search: 'bitcoin',
      tags: ['defi', 'btc'],
      sort: 'top',
      page: 3,
    })
    expect(readView(new URLSearchParams('sort=nope&page=-1'))).toEqual({
      search: '',
      tags: [],
      sort: 'newest',
      page: 1,
    })
    expect(readView(new URLSearchParams('page=2.5')).page).toBe(1)
  })

  it('writes only what differs from the defaults, so shared links stay short', () => {
    expect(writeView({ search: '', tags: [], sort: 'newest', page: 1 }).toString()).toBe('')
    expect(writeView({ search: ' eth ', tags: ['a', 'b'], sort: 'oldest', page: 2 }).toString()).toBe(
      'q=eth&tags=a%2Cb&sort=oldest&page=2',
    )
  })

  it('counts pages and shows a window with gaps', () => {
    expect(pageCount(0, 10)).toBe(1)
    expect(pageCount(10, 10)).toBe(1)
    expect(pageCount(11, 10)).toBe(2)
    expect(pageWindow(1, 1)).toEqual([1])
    expect(pageWindow(5, 10)).toEqual([1, null, 4, 5, 6, null, 10])
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4])
  })
})

describe('tags', () => {
  it('normalizes what people type', () => {
    expect(normalizeTag('  #Bitcoin ')).toBe('bitcoin')
    expect(normalizeTag('Layer 2_scaling')).toBe('layer-2-scaling')
  })

  it('accepts 1–20 chars of a-z 0-9 and dashes, up to five, no duplicates', () => {
    expect(tagProblem('bitcoin', [])).toBeNull()
    expect(tagProblem('a', [])).toBeNull()
    expect(tagProblem('x'.repeat(20), [])).toBeNull()
    expect(tagProblem('x'.repeat(21), [])).toBe('A tag has at most 20 characters.')
    expect(tagProblem('btc!', [])).toBe('Tags use only a–z, 0–9 and dashes.')
    expect(tagProblem('Bitcoin', [])).toBe('Tags use only a–z, 0–9 and dashes.')
    expect(tagProblem('ñ', [])).toBe('Tags use only a–z, 0–9 and dashes.')
    expect(tagProblem('', [])).toBe('Type a tag first.')
    expect(tagProblem('btc', ['btc'])).toBe('That tag is already there.')
    expect(tagProblem('f', ['a', 'b', 'c', 'd', 'e'])).toBe('A post has at most 5 tags.')
  })
})

describe('vote toggle', () => {
  it('adds, withdraws and flips like the API', () => {
    expect(applyVote({ rating: 3, myRate: null }, '+')).toEqual({ rating: 4, myRate: '+' })
    expect(applyVote({ rating: 3, myRate: null }, '-')).toEqual({ rating: 2, myRate: '-' })
    expect(applyVote({ rating: 4, myRate: '+' }, '+')).toEqual({ rating: 3, myRate: null })
    expect(applyVote({ rating: 2, myRate: '-' }, '-')).toEqual({ rating: 3, myRate: null })
    expect(applyVote({ rating: 4, myRate: '+' }, '-')).toEqual({ rating: 2, myRate: '-' })
    expect(applyVote({ rating: 2, myRate: '-' }, '+')).toEqual({ rating: 4, myRate: '+' })
  })

  it('comes back to the start after the same vote twice', () => {
    const start = { rating: -1, myRate: null }
    expect(applyVote(applyVote(start, '-'), '-')).toEqual(start)
  })
})

describe('comment pages', () => {
  const c = (id: string) => ({ id })
  it('adds the next page after the loaded ones and keeps what the reader just wrote last, once', () => {
    const shown = [c('a'), c('b'), c('mine')]
    expect(mergeComments(shown, 2, [c('c'), c('d')])).toEqual({
      comments: [c('a'), c('b'), c('c'), c('d'), c('mine')],
      loaded: 4,
    })
    expect(mergeComments(shown, 2, [c('b'), c('c'), c('mine')])).toEqual({
      comments: [c('a'), c('b'), c('c'), c('mine')],
      loaded: 4,
    })
    expect(mergeComments(shown, 2, [])).toEqual({ comments: shown, loaded: 2 })
  })
})

describe('content lines', () => {
  it('joins lines with \\n and splits the textarea back', () => {
    expect(joinContent(['# Title', '', 'text'])).toBe('# Title\n\ntext')
    expect(splitContent('# Title\r\n\r\ntext\n')).toEqual(['# Title', '', 'text', ''])
    expect(splitContent(joinContent(['a', '', 'b']))).toEqual(['a', '', 'b'])
    expect(joinContent(null)).toBe('')
  })
})

describe('editor checks', () => {
  const good = { title: 'Hello there', preview: 'A preview long enough', content: 'Body', tags: ['btc'] }

  it('passes a good draft', () => {
    expect(draftProblems(good)).toEqual({})
  })

  it('names each field that is wrong', () => {
    const problems = draftProblems({ title: 'Hi', preview: 'short', content: '  ', tags: [] })
    expect(Object.keys(problems).sort()).toEqual(['content', 'preview', 'tags', 'title'])
    expect(draftProblems({ ...good, title: 'x'.repeat(151) }).title).toMatch(/at most 150/)
    expect(draftProblems({ ...good, content: 'x'.repeat(50_001) }).content).toMatch(/50,000/)
    expect(draftProblems({ ...good, tags: ['a', 'b', 'c', 'd', 'e', 'f'] }).tags).toMatch(/at most 5/)
  })

  it('checks comments for 1–5,000 characters', () => {
    expect(commentProblem('')).toBe('Write a comment first.')
    expect(commentProblem('   ')).toBe('Write a comment first.')
    expect(commentProblem('ok')).toBeNull()
    expect(commentProblem('x'.repeat(5000))).toBeNull()
    expect(commentProblem('x'.repeat(5001))).toMatch(/5,000/)
  })
})

describe('arriveComment', () => {
  const c = (id: string) => ({ id })

  it('shows a new comment last when all are loaded, and counts it once', () => {
    const counted = new Set<string>()
    const shown = { comments: [c('a')], count: 1 }
    const next = arriveComment(shown, c('b'), counted, false)!
    expect(next).toEqual({ comments: [c('a'), c('b')], count: 2 })
    expect(arriveComment(next, c('b'), counted, true)).toBeNull()
    expect(arriveComment(next, c('b'), counted, false)).toBeNull()
  })

  it('only counts one while pages are missing; the reader’s own then shows once, counted once', () => {
    const counted = new Set<string>()
    const shown = { comments: [c('a')], count: 5 }
    const byStream = arriveComment(shown, c('mine'), counted, false)!
    expect(byStream).toEqual({ comments: [c('a')], count: 6 })
    expect(arriveComment(byStream, c('mine'), counted, true)).toEqual({ comments: [c('a'), c('mine')], count: 6 })
    const byApiFirst = arriveComment(shown, c('own'), new Set(), true)!
    expect(byApiFirst).toEqual({ comments: [c('a'), c('own')], count: 6 })
  })
})
