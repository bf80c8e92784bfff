// The Content-Security-Policy of the app: the same string goes into index.html's meta tag (at
// build) and into the header scripts/serve.mjs sends. 'wasm-unsafe-eval' lets libsodium compile
// its WebAssembly; nothing else is loosened. frame-ancestors only works as a header.
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export const CSP_HEADER = `${CSP}; frame-ancestors 'none'`;
