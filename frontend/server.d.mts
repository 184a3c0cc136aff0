import type { Server } from 'node:http'

/** The web app's security headers, from security-headers.json. */
export declare const securityHeaders: Record<string, string>

/** The web app's server (not yet listening): dist/ with the security headers, /api/ forwarded to the gateway. */
export declare function createWebServer(options?: { root?: string; gatewayUrl?: string }): Server
