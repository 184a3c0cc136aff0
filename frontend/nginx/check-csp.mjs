// Run by the web image's build (frontend/Dockerfile) after `npm run build`: every inline <script> of the built
// index.html must be allowed by its sha256 hash in nginx.conf's Content-Security-Policy, and no source map may be left
// in dist/. Usage: node nginx/check-csp.mjs dist/index.html nginx.conf
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

const [htmlFile, confFile] = process.argv.slice(2)
const html = readFileSync(htmlFile, 'utf8')
const conf = readFileSync(confFile, 'utf8')
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1])
const missing = inline
  .map((body) => `sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}`)
  .filter((hash) => !conf.includes(`'${hash}'`))
if (missing.length > 0) {
  console.error(`${confFile}: script-src lacks the hash of an inline script of ${htmlFile}: ${missing.join(' ')}`)
  process.exit(1)
}

const maps = []
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) walk(path)
    else if (entry.name.endsWith('.map')) maps.push(path)
  }
}
walk(join(htmlFile, '..'))
if (maps.length > 0) {
  console.error(`source maps left in the build: ${maps.join(' ')}`)
  process.exit(1)
}
console.log(`CSP covers ${inline.length} inline script(s); no source maps`)
