#!/usr/bin/env node
// The web app's server for `npm run serve` (the launcher's :8080): the built app in dist/ served the way nginx serves
// it in compose (nginx.conf): the same security headers, read from security-headers.json, deep links fall back to
// index.html, no source maps, and /api/ forwarded to the gateway (GATEWAY_URL) on the same origin.
// Plain Node, no dependencies. Settings: GATEWAY_URL (http://127.0.0.1:3000), WEB_HOST (127.0.0.1), WEB_PORT (8080).
import { createReadStream, readFileSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))

/** The headers of every response of the web app itself (not of /api, which keeps the gateway's). */
export const securityHeaders = JSON.parse(readFileSync(path.join(here, 'security-headers.json'), 'utf8')).headers

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
}

/** Connection-scoped headers a proxy does not forward. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']

/**
 * The server, not yet listening. {@code root}: the built app (dist/); {@code gatewayUrl}: where /api/ goes, one
 * gateway or several separated by commas (taken in turn, see gatewayPool).
 * @param {{ root?: string, gatewayUrl?: string }} [options]
 */
export function createWebServer({ root = path.join(here, 'dist'), gatewayUrl = 'http://127.0.0.1:3000' } = {}) {
  const base = path.resolve(root)
  const gateways = gatewayPool(gatewayUrl)
  return http.createServer((request, response) => {
    const url = request.url ?? '/'
    if (url === '/api' || url.startsWith('/api/') || url.startsWith('/api?')) {
      forward(request, response, gateways)
    } else {
      serveFile(request, response, base).catch(() => plain(response, 500, 'Internal Server Error'))
    }
  })
}

function plain(response, status, text, extra = {}) {
  if (response.headersSent) {
    response.destroy()
    return
  }
  response.writeHead(status, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8', ...extra })
  response.end(text)
}

async function serveFile(request, response, base) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    plain(response, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' })
    return
  }
  let pathname
  try {
    pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://web').pathname)
  } catch {
    plain(response, 400, 'Bad Request')
    return
  }
  if (pathname.includes('\0')) {
    plain(response, 400, 'Bad Request')
    return
  }
  // source maps are never served, even if a build left one behind
  if (pathname.endsWith('.map')) {
    plain(response, 404, 'Not Found')
    return
  }
  let file = path.join(base, path.normalize(pathname))
  if (file !== base && !file.startsWith(base + path.sep)) {
    plain(response, 404, 'Not Found')
    return
  }
  // nginx: try_files $uri /index.html
  let info = await stat(file).catch(() => null)
  if (!info?.isFile()) {
    file = path.join(base, 'index.html')
    info = await stat(file).catch(() => null)
    if (!info?.isFile()) {
      plain(response, 404, 'Not Found: build the web app first (npm run build)')
      return
    }
  }
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
  const hashed = file.startsWith(path.join(base, 'assets') + path.sep)
  response.writeHead(200, {
    ...securityHeaders,
    'Content-Type': type,
    'Content-Length': info.size,
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  })
  if (request.method === 'HEAD') {
    response.end()
    return
  }
  createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response)
}

/**
 * Several gateway instances behind this one address (`./cryptotalks up --replicas 2`): each request goes to the next
 * in turn. One that refuses a connection (stopped, restarting) is passed over for two seconds, and the request goes to
 * the next: a refused connection carried nothing, so any request may be sent again. A gateway that fails after taking
 * the request is not retried (the request may have acted); the client gets its 502.
 * @param {string} gatewayUrl
 */
export function gatewayPool(gatewayUrl) {
  const gateways = gatewayUrl
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean)
    .map((url) => ({ url: new URL(url), downUntil: 0 }))
  if (gateways.length === 0) throw new Error('GATEWAY_URL names no gateway')
  let turn = 0
  return {
    /** The gateways to try for one request: the next in turn first, those that refused lately last. */
    order() {
      const start = turn++ % gateways.length
      const now = Date.now()
      const rotated = [...gateways.slice(start), ...gateways.slice(0, start)]
      return [...rotated.filter((g) => g.downUntil <= now), ...rotated.filter((g) => g.downUntil > now)]
    },
    refused(gateway) {
      gateway.downUntil = Date.now() + 2000
    },
  }
}

function forward(request, response, gateways) {
  const headers = { ...request.headers }
  for (const name of HOP_BY_HOP) delete headers[name]
  // as nginx.conf: the client address replaces whatever the client sent (it keys the gateway's rate limits)
  headers['x-forwarded-for'] = request.socket.remoteAddress ?? ''
  headers['x-forwarded-proto'] = 'http'
  const candidates = gateways.order()
  const attempt = (index) =>
    send(request, response, headers, candidates[index], (gateway) => {
      if (index + 1 >= candidates.length) return false
      gateways.refused(gateway)
      attempt(index + 1)
      return true
    })
  attempt(0)
}

/** One try at one gateway; {@code onRefused} may take the request elsewhere while nothing of it has been sent. */
function send(request, response, headers, gateway, onRefused) {
  let connected = false
  const upstream = http.request(
    {
      hostname: gateway.url.hostname,
      port: gateway.url.port || 80,
      // a connection per request (loopback, cheap): a pooled one a stopped gateway closed would fail a request that
      // can no longer go elsewhere, a fresh one is refused before anything of the request is sent
      agent: false,
      method: request.method,
      path: request.url,
      headers,
    },
    (reply) => {
      const out = { ...reply.headers }
      for (const name of HOP_BY_HOP) delete out[name]
      // a cookie scoped to the gateway's host would never reach the browser's origin: `_rt` sticks to this origin
      if (out['set-cookie'])
        out['set-cookie'] = out['set-cookie'].map((cookie) => cookie.replace(/;\s*domain=[^;]*/gi, ''))
      response.writeHead(reply.statusCode ?? 502, out)
      if (String(reply.headers['content-type'] ?? '').startsWith('text/event-stream')) {
        // a live stream (server-sent events): the headers and every event leave at once, none waits for more bytes
        // (Nagle), and no timeout cuts it — the gateway's keep-alives come every 20 s, and it ends the stream itself
        response.flushHeaders()
        response.socket?.setNoDelay(true)
        response.socket?.setTimeout(0)
        reply.socket?.setTimeout(0)
      }
      reply.pipe(response)
    },
  )
  upstream.on('socket', (socket) => {
    // the body flows once the connection stands, so a refused one has consumed none of it
    const pipe = () => {
      connected = true
      request.pipe(upstream)
    }
    if (socket.connecting) socket.once('connect', pipe)
    else pipe()
  })
  // the browser went away (a closed tab, a stream the app stopped): so does the gateway's side, or a live stream would
  // stay open there for nothing
  response.on('close', () => {
    if (!response.writableFinished) upstream.destroy()
  })
  upstream.on('error', () => {
    if (!connected && !response.headersSent && onRefused(gateway)) return
    if (response.headersSent) {
      response.destroy()
      return
    }
    response.writeHead(502, { 'Content-Type': 'application/json' })
    response.end(JSON.stringify({ statusCode: 502, message: 'bad-gateway', error: 'The API is not reachable' }))
  })
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const host = process.env.WEB_HOST || '127.0.0.1'
  const port = Number(process.env.WEB_PORT || 8080)
  const gatewayUrl = process.env.GATEWAY_URL || 'http://127.0.0.1:3000'
  const server = createWebServer({ gatewayUrl })
  server.on('error', (error) => {
    console.error(`web server: ${error.code === 'EADDRINUSE' ? `port ${port} is already in use` : error.message}`)
    process.exit(1)
  })
  server.listen(port, host, () => {
    console.log(`web app on http://${host}:${port} (dist/), /api -> ${gatewayUrl}`)
  })
}
