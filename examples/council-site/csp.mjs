/**
 * The site's Content-Security-Policy: the one place it is written. build.mjs puts it in every
 * page's `<meta http-equiv>`, serve.mjs sends it as a header, and the e2e tests hold the built
 * site to it. No inline script or style anywhere: the element's styles are a constructed
 * stylesheet, its data is fetched from the site itself (connect-src), and the favicon is `data:,`.
 */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');
