// Pick the theme before the first paint so there is no flash. A file, not an inline script: the
// Content-Security-Policy (security-headers.json) allows scripts from this origin only.
;(function () {
  var theme
  try {
    theme = localStorage.getItem('cryptotalks-theme')
  } catch {
    // storage blocked (private mode, policy): the OS preference decides
  }
  if (theme !== 'light' && theme !== 'dark') {
    theme = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
  }
  document.documentElement.dataset.theme = theme
  document.documentElement.style.colorScheme = theme
})()
