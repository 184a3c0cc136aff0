import { ApiError, type Factor, type FactorMethod, type Step } from './client'
import { plainText } from '../lib/errors'

/** What the code prompt is asked to show. */
export interface CodeRequest {
  method: FactorMethod
  /** Plain words for the previous attempt's failure, if any. */
  error?: string
  /** True right after a new SMS was asked for. */
  resent?: boolean
}

/** What the person did in the prompt. */
export type CodeAnswer = { kind: 'code'; code: string } | { kind: 'cancel' } | { kind: 'resend' }

export type AskCode = (request: CodeRequest) => Promise<CodeAnswer>

export type SecondFactorOutcome<T> = { kind: 'done'; value: T } | { kind: 'cancelled' }

/** Failures that mean "try another code", shown inside the prompt. */
const RETRY_IN_PROMPT = new Set(['wrong-2fa', 'phone-code-error', 'too-many-requests'])

/**
 * Runs a call that may need a second factor: sends it; when the API answers
 * `two-fa-required`, `phone-two-fa-required` or `code-sent`, asks for the
 * code and resends the identical request with it, until it is done or the
 * person cancels. A wrong code keeps the prompt open with the reason; other
 * failures are thrown to the caller. "Resend" sends the request without a
 * code again, which texts a new code.
 */
export async function runWithSecondFactor<T>(
  send: (factor?: Factor) => Promise<Step<T>>,
  ask: AskCode,
): Promise<SecondFactorOutcome<T>> {
  let step = await send()
  let error: string | undefined
  let resent = false
  while (step.kind === 'needs-code') {
    const method = step.method
    const answer = await ask({ method, error, resent })
    resent = false
    if (answer.kind === 'cancel') return { kind: 'cancelled' }
    if (answer.kind === 'resend') {
      error = undefined
      try {
        step = await send()
        resent = true
      } catch (failure) {
        if (!(failure instanceof ApiError) || !RETRY_IN_PROMPT.has(failure.code)) throw failure
        error = plainText(failure)
      }
      continue
    }
    try {
      const next = await send({ method, code: answer.code })
      error = next.kind === 'needs-code' ? 'That code did not work. Please try again.' : undefined
      step = next
    } catch (failure) {
      if (!(failure instanceof ApiError) || !RETRY_IN_PROMPT.has(failure.code)) throw failure
      error = plainText(failure)
    }
  }
  return { kind: 'done', value: step.value }
}
