// The window's Content-Security-Policy, in one place for both ways the renderer is served: the Electron session
// sends it as a header on every response, browser mode's server on every page. Its own module so the Electron
// entry need not import the browser server to get it. renderer/index.html repeats it in a <meta> for a page
// opened any other way (csp.test.ts keeps the two the same).
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; media-src 'self' data:; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
