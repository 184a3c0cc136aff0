import { useEffect, useState } from 'react'

let icons: ReadonlyMap<string, string> | null = null
let loading: Promise<ReadonlyMap<string, string>> | null = null

/** Loads the list of bundled icons once (a small chunk of addresses, not the icons). */
export function loadIconUrls(): Promise<ReadonlyMap<string, string>> {
  loading ??= import('./coinIconUrls').then(
    (module) => (icons = module.iconUrls),
    () => (icons = new Map()),
  )
  return loading
}

function lookUp(map: ReadonlyMap<string, string>, symbol: string | null | undefined): string | null {
  return symbol ? (map.get(symbol.toLowerCase()) ?? null) : null
}

/** The bundled icon's address for a symbol ("BTC" → …/btc-….svg) or null; undefined while the list loads. */
export function useBundledIcon(symbol: string | null | undefined): string | null | undefined {
  const [map, setMap] = useState(icons)
  useEffect(() => {
    if (map) return
    let active = true
    void loadIconUrls().then((loaded) => active && setMap(loaded))
    return () => {
      active = false
    }
  }, [map])
  return map ? lookUp(map, symbol) : undefined
}
