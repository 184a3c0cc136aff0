import { describe, expect, it } from 'vitest'
import { ApiError, type Factor, type Step } from './client'
import { runWithSecondFactor, type CodeAnswer, type CodeRequest } from './secondFactor'

/** A scripted prompt: answers in order and records what it was asked. */
function prompt(...answers: CodeAnswer[]) {
  const asked: CodeRequest[] = []
  const ask = async (request: CodeRequest) => {
    asked.push(request)
    const answer = answers.shift()
    if (!answer) throw new Error('asked once too often')
    return answer
  }
  return { ask, asked }
}

/** A scripted endpoint: each call gets the next reply; the factors sent are recorded. */
function endpoint(...replies: (Step<string> | ApiError)[]) {
  const sent: (Factor | undefined)[] = []
  const send = async (factor?: Factor): Promise<Step<string>> => {
    sent.push(factor)
    const reply = replies.shift()
    if (!reply) throw new Error('called once too often')
    if (reply instanceof ApiError) throw reply
    return reply
  }
  return { send, sent }
}

const done: Step<string> = { kind: 'done', value: 'ok' }
const totp: Step<string> = { kind: 'needs-code', method: 'totp' }
const sms: Step<string> = { kind: 'needs-code', method: 'sms' }

describe('runWithSecondFactor', () => {
  it('does not ask when no factor is needed', async () => {
    const e = endpoint(done)
    const p = prompt()
    expect(await runWithSecondFactor(e.send, p.ask)).toEqual({ kind: 'done', value: 'ok' })
    expect(e.sent).toEqual([undefined])
    expect(p.asked).toEqual([])
  })

  it('asks for the TOTP code and resends the same request with it', async () => {
    const e = endpoint(totp, done)
    const p = prompt({ kind: 'code', code: '123456' })
    expect(await runWithSecondFactor(e.send, p.ask)).toEqual({ kind: 'done', value: 'ok' })
    expect(e.sent).toEqual([undefined, { method: 'totp', code: '123456' }])
    expect(p.asked).toEqual([{ method: 'totp', error: undefined, resent: false }])
  })

  it('keeps asking after a wrong code, with the reason in plain words', async () => {
    const e = endpoint(sms, new ApiError(400, 'phone-code-error', 'Wrong code'), done)
    const p = prompt({ kind: 'code', code: '1111' }, { kind: 'code', code: '2222' })
    expect(await runWithSecondFactor(e.send, p.ask)).toEqual({ kind: 'done', value: 'ok' })
    expect(e.sent.map((f) => f?.code)).toEqual([undefined, '1111', '2222'])
    expect(p.asked[1]).toEqual({
      method: 'sms',
      error: 'That code is wrong or has expired. Check the latest text message.',
      resent: false,
    })
  })

  it('shows a 429 inside the prompt with the time to wait', async () => {
    const e = endpoint(totp, new ApiError(429, 'too-many-requests', 'Slow down', 30), done)
    const p = prompt({ kind: 'code', code: '000000' }, { kind: 'code', code: '123456' })
    await runWithSecondFactor(e.send, p.ask)
    expect(p.asked[1].error).toBe('Too many attempts — try again in 30 seconds.')
  })

  it('"send a new code" repeats the request without a code', async () => {
    const e = endpoint(sms, sms, done)
    const p = prompt({ kind: 'resend' }, { kind: 'code', code: '4242' })
    await runWithSecondFactor(e.send, p.ask)
    expect(e.sent).toEqual([undefined, undefined, { method: 'sms', code: '4242' }])
    expect(p.asked[1].resent).toBe(true)
  })

  it('stops when the person cancels', async () => {
    const e = endpoint(totp)
    const p = prompt({ kind: 'cancel' })
    expect(await runWithSecondFactor(e.send, p.ask)).toEqual({ kind: 'cancelled' })
    expect(e.sent).toHaveLength(1)
  })

  it('throws other failures to the caller', async () => {
    const e = endpoint(totp, new ApiError(403, 'wrong-credentials', 'Wrong password'))
    const p = prompt({ kind: 'code', code: '123456' })
    await expect(runWithSecondFactor(e.send, p.ask)).rejects.toMatchObject({ code: 'wrong-credentials' })
  })

  it('asks again when the server still wants a code', async () => {
    const e = endpoint(totp, totp, done)
    const p = prompt({ kind: 'code', code: '111111' }, { kind: 'code', code: '222222' })
    await runWithSecondFactor(e.send, p.ask)
    expect(p.asked[1].error).toBe('That code did not work. Please try again.')
  })
})
