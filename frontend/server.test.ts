import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http, { type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWebServer, securityHeaders } from './server.mjs'

/*
 * The web app is served the same way in every mode: server.mjs (npm run serve, the launcher's :8080) and nginx.conf
 * (compose) both send the headers of security-headers.json.
 */

const here = path.dirname(new URL(import.meta.url).pathname)
const definition = JSON.parse(readFileSync(path.join(here, 'security-headers.json'), 'utf8')).headers as Record<
  string,
  string
>

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))
  })
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()))
}

function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk) => (body += chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }))
      })
      .on('error', reject)
  })
}

function expectSecurityHeaders(headers: IncomingHttpHeaders) {
  for (const [name, value] of Object.entries(definition)) {
    expect(headers[name.toLowerCase()], name).toBe(value)
  }
}

describe('security-headers.json', () => {
  it('is a strict policy the app works under: scripts and styles from the origin only, never inline', () => {
    const csp = definition['Content-Security-Policy']
    expect(csp).toContain("script-src 'self';")
    expect(csp).toContain("style-src 'self';")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).not.toContain('unsafe-eval')
    expect(definition['X-Content-Type-Options']).toBe('nosniff')
  })

  it('is what index.html needs: no inline script or style', () => {
    const index = readFileSync(path.join(here, 'index.html'), 'utf8')
    for (const script of index.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []) {
      expect(script, 'an inline script would be blocked').toMatch(/<script\b[^>]*\bsrc=/)
    }
    expect(index).not.toMatch(/<style\b|\sstyle=/)
  })

  it('is what nginx.conf sends for the web app (compose), with no server version', () => {
    const nginx = readFileSync(path.join(here, 'nginx.conf'), 'utf8')
    const sent = [...nginx.matchAll(/^\s*add_header\s+(\S+)\s+"([^"]*)"\s+always;/gm)].map(([, name, value]) => [
      name,
      value,
    ])
    expect(Object.fromEntries(sent)).toEqual(definition)
    expect(sent).toHaveLength(Object.keys(definition).length)
    expect(nginx).toMatch(/^server_tokens off;/m)
    // the headers sit in `location /` only: /api keeps the gateway's, and add_header in the API's block would stop
    // the inheritance anyway
    const api = nginx.slice(nginx.indexOf('location /api/'), nginx.indexOf('}', nginx.indexOf('location /api/')))
    expect(api).not.toContain('add_header')
  })
})

describe('nginx.conf', () => {
  it('passes the two live streams on unbuffered, with an hour between reads, and the same headers as /api/', () => {
    const nginx = readFileSync(path.join(here, 'nginx.conf'), 'utf8').replace(/#.*$/gm, '')
    const start = nginx.indexOf('location ~ ^/api/(notifications/stream$|posts/stream/) {')
    expect(start).toBeGreaterThan(-1)
    const block = (from: number) => nginx.slice(from, nginx.indexOf('}', from))
    const streams = block(start)
    expect(streams).toMatch(/proxy_buffering off;/)
    expect(streams).toMatch(/proxy_read_timeout 1h;/)
    expect(streams).toMatch(/proxy_http_version 1\.1;/)
    expect(streams).not.toContain('add_header')
    const headers = (text: string) =>
      text.match(/proxy_(set|hide)_header (Host|X-|Content-|Referrer|Permissions|Cross|Strict)[^;]*;/g)
    expect(headers(streams)).toEqual(headers(block(nginx.indexOf('location /api/ {'))))
  })
})

describe('server.mjs', () => {
  let root: string
  let gateway: Server
  let web: Server
  let webUrl: string
  const seen: IncomingHttpHeaders[] = []
  const streams: http.ServerResponse[] = []
  const closedStreams: string[] = []

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'web-'))
    mkdirSync(path.join(root, 'assets'))
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>app</title>')
    writeFileSync(path.join(root, 'assets', 'index-abc123.js'), 'console.log(1)')
    writeFileSync(path.join(root, 'assets', 'index-abc123.js.map'), '{}')
    writeFileSync(path.join(root, 'secret.txt'), 'outside')
    gateway = http.createServer((request, response) => {
      seen.push(request.headers)
      if (request.url === '/api/notifications/stream') {
        // one event now, more only when the test says so: a buffering proxy would hold the first back
        response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' })
        response.write('event: unread\ndata: {"unread":1}\n\n')
        streams.push(response)
        response.on('close', () => closedStreams.push(request.url ?? ''))
        return
      }
      response.writeHead(200, {
        'Content-Type': 'application/json',
        'Content-Security-Policy': "default-src 'none'",
        'Set-Cookie': '_rt=abc; Domain=127.0.0.1; Path=/api/auth; HttpOnly; SameSite=Strict',
      })
      response.end(JSON.stringify({ path: request.url }))
    })
    const gatewayUrl = await listen(gateway)
    web = createWebServer({ root, gatewayUrl })
    webUrl = await listen(web)
  })

  afterAll(async () => {
    await close(web)
    await close(gateway)
    rmSync(root, { recursive: true, force: true })
  })

  it('reads the one definition', () => {
    expect(securityHeaders).toEqual(definition)
  })

  it('sends the security headers with the app, its files and deep links', async () => {
    for (const page of ['/', '/posts/some-post', '/assets/index-abc123.js']) {
      const response = await get(webUrl + page)
      expect(response.status, page).toBe(200)
      expectSecurityHeaders(response.headers)
      expect(response.headers.server).toBeUndefined()
    }
    const deep = await get(`${webUrl}/settings/security`)
    expect(deep.headers['content-type']).toContain('text/html')
    expect(deep.body).toContain('<title>app</title>')
    const script = await get(`${webUrl}/assets/index-abc123.js`)
    expect(script.headers['content-type']).toContain('text/javascript')
    expect(script.headers['cache-control']).toContain('immutable')
  })

  it('never serves source maps, nor files outside dist', async () => {
    const map = await get(`${webUrl}/assets/index-abc123.js.map`)
    expect(map.status).toBe(404)
    expectSecurityHeaders(map.headers)
    const escape = await get(`${webUrl}/%2e%2e/${path.basename(root)}/secret.txt`)
    expect(escape.body).not.toBe('outside')
    expect((await get(`${webUrl}/%E0%A4%A`)).status).toBe(400)
  })

  it('forwards /api to the gateway with its headers, the client address replacing a forged one', async () => {
    const response = await get(`${webUrl}/api/posts/tags?x=1`, { 'X-Forwarded-For': '6.6.6.6' })
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body)).toEqual({ path: '/api/posts/tags?x=1' })
    expect(response.headers['content-security-policy']).toBe("default-src 'none'")
    expect(response.headers['set-cookie']).toEqual(['_rt=abc; Path=/api/auth; HttpOnly; SameSite=Strict'])
    const forwarded = seen.at(-1)!
    expect(forwarded['x-forwarded-for']).toBe('127.0.0.1')
    expect(forwarded['x-forwarded-proto']).toBe('http')
    expect(forwarded.host).toBe(new URL(webUrl).host)
  })

  it('passes a live stream on as it comes, unbuffered, and closes the gateway side when the browser leaves', async () => {
    const chunks: string[] = []
    const request = http.get(`${webUrl}/api/notifications/stream`, { headers: { Accept: 'text/event-stream' } })
    const response = await new Promise<http.IncomingMessage>((resolve) => request.on('response', resolve))
    expect(response.headers['content-type']).toBe('text/event-stream')
    response.setEncoding('utf8')
    const next = () => new Promise<string>((resolve) => response.once('data', (chunk: string) => resolve(chunk)))
    chunks.push(await next()) // the first event, while the gateway keeps the stream open
    const later = next()
    streams.at(-1)!.write(': keep-alive\n\n')
    chunks.push(await later)
    expect(chunks).toEqual(['event: unread\ndata: {"unread":1}\n\n', ': keep-alive\n\n'])
    request.destroy()
    await expect.poll(() => closedStreams).toEqual(['/api/notifications/stream'])
  })
})

describe('server.mjs with several gateways', () => {
  function gatewayNamed(name: string, bodies: string[]): Server {
    return http.createServer((request, response) => {
      let body = ''
      request.setEncoding('utf8')
      request.on('data', (chunk) => (body += chunk))
      request.on('end', () => {
        bodies.push(`${name}:${body}`)
        response.writeHead(200, { 'Content-Type': 'application/json' })
        response.end(JSON.stringify({ gateway: name }))
      })
    })
  }

  function post(url: string, body: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        url,
        { method: 'POST', headers: { 'Content-Type': 'application/json' } },
        (reply) => {
          let text = ''
          reply.setEncoding('utf8')
          reply.on('data', (chunk) => (text += chunk))
          reply.on('end', () => resolve({ status: reply.statusCode ?? 0, body: text }))
        },
      )
      request.on('error', reject)
      request.end(body)
    })
  }

  it('takes the gateways in turn and sends a request refused by a stopped one, body and all, to the next', async () => {
    const bodies: string[] = []
    const first = gatewayNamed('first', bodies)
    const second = gatewayNamed('second', bodies)
    const firstUrl = await listen(first)
    const secondUrl = await listen(second)
    const web = createWebServer({ root: tmpdir(), gatewayUrl: `${firstUrl}, ${secondUrl}` })
    const webUrl = await listen(web)
    try {
      const answered = []
      for (let i = 0; i < 4; i++) answered.push(JSON.parse((await get(`${webUrl}/api/posts/tags`)).body).gateway)
      expect(answered.sort()).toEqual(['first', 'first', 'second', 'second'])

      await close(first)
      bodies.length = 0
      for (let i = 0; i < 4; i++) {
        const reply = await post(`${webUrl}/api/posts/create`, `{"n":${i}}`)
        expect(reply.status, reply.body).toBe(200)
        expect(JSON.parse(reply.body).gateway).toBe('second')
      }
      expect(bodies).toEqual(['second:{"n":0}', 'second:{"n":1}', 'second:{"n":2}', 'second:{"n":3}'])

      await close(second)
      const none = await get(`${webUrl}/api/posts/tags`)
      expect(none.status).toBe(502)
      expect(JSON.parse(none.body).message).toBe('bad-gateway')
    } finally {
      await close(web)
    }
  })
})
