/**
 * The bundled coin icons (npm `cryptocurrency-icons`, one colour SVG per
 * lower-case symbol). The glob gives only their addresses: every icon is its
 * own file (never inlined into the script), fetched when a coin shows it.
 * This module is a chunk of its own, loaded by `./coinIcons` on first use.
 */
const urls = import.meta.glob<string>('/node_modules/cryptocurrency-icons/svg/color/*.svg', {
  query: '?no-inline',
  import: 'default',
  eager: true,
})

/** Lower-case symbol → the icon's address. */
export const iconUrls = new Map<string, string>(
  Object.entries(urls).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1, -'.svg'.length), url]),
)
