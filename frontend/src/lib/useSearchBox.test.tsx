// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SEARCH_DEBOUNCE_MS, useSearchBox } from './useSearchBox'

beforeEach(() => {
  vi.useFakeTimers()
})

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

describe('useSearchBox', () => {
  it('commits only what was typed last, after a pause', () => {
    const commit = vi.fn()
    const { result } = renderHook(() => useSearchBox('', commit))
    act(() => result.current.setTyped('e'))
    act(() => vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 50))
    act(() => result.current.setTyped('et'))
    act(() => vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 50))
    act(() => result.current.setTyped('eth'))
    expect(commit).not.toHaveBeenCalled()
    act(() => vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS))
    expect(commit).toHaveBeenCalledTimes(1)
    expect(commit).toHaveBeenCalledWith('eth')
  })

  it('commits at once on flush (Enter)', () => {
    const commit = vi.fn()
    const { result } = renderHook(() => useSearchBox('', commit))
    act(() => result.current.setTyped('bitcon'))
    act(() => result.current.flush())
    expect(commit).toHaveBeenCalledWith('bitcon')
  })

  it('does not commit text that only differs in spaces from the committed search', () => {
    const commit = vi.fn()
    const { result } = renderHook(() => useSearchBox('eth', commit))
    act(() => result.current.setTyped('eth '))
    act(() => vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS * 2))
    expect(commit).not.toHaveBeenCalled()
  })

  it('follows the committed search when it changes elsewhere (back, a shared link)', () => {
    const commit = vi.fn()
    const { result, rerender } = renderHook(({ committed }) => useSearchBox(committed, commit), {
      initialProps: { committed: 'eth' },
    })
    expect(result.current.typed).toBe('eth')
    rerender({ committed: 'sol' })
    expect(result.current.typed).toBe('sol')
    act(() => vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS * 2))
    expect(commit).not.toHaveBeenCalled()
  })
})
