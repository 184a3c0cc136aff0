/// <reference types="vitest/config" />
import { defineConfig, type ProxyOptions } from 'vite'
import react from '@vitejs/plugin-react'

// Where the API gateway listens. `npm run dev` (Vite's hot-reloading server, without the security headers) forwards
// /api there; `npm run serve` (server.mjs, the launcher's :8080) serves the built app like nginx does in compose.
const gatewayUrl = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000'

const apiProxy: Record<string, ProxyOptions> = {
  '/api': {
    target: gatewayUrl,
    // Keep the browser's Host header so the gateway sees the web app's origin,
    // and tell it who the real client is.
    changeOrigin: false,
    xfwd: true,
    // A cookie scoped to the gateway's host would never reach the browser's
    // origin: drop any Domain attribute so `_rt` sticks to this origin.
    cookieDomainRewrite: { '*': '' },
  },
}

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 8080,
    strictPort: true,
    proxy: apiProxy,
  },
  build: {
    // production builds carry no source maps (server.mjs and nginx.conf refuse *.map anyway)
    sourcemap: false,
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'server.test.ts'],
    environment: 'node',
    restoreMocks: true,
  },
})
