export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 48 48" aria-hidden="true" className="logo-mark">
      <defs>
        <linearGradient id="ct-grad" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="var(--logo-a)" />
          <stop offset="1" stopColor="var(--logo-b)" />
        </linearGradient>
      </defs>
      <path d="M24 3 42 13.5v21L24 45 6 34.5v-21Z" fill="url(#ct-grad)" />
      <path
        d="M15 17.5a3.5 3.5 0 0 1 3.5-3.5h11a3.5 3.5 0 0 1 3.5 3.5v7a3.5 3.5 0 0 1-3.5 3.5H23l-5 4v-4h0.5A3.5 3.5 0 0 1 15 24.5Z"
        fill="#fff"
        opacity="0.95"
      />
      <circle cx="20" cy="21" r="1.6" fill="var(--logo-a)" />
      <circle cx="24" cy="21" r="1.6" fill="var(--logo-a)" />
      <circle cx="28" cy="21" r="1.6" fill="var(--logo-a)" />
    </svg>
  )
}
