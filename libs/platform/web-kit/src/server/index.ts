// The server around a web service's React Router build (Node only).
export * from './client-address.ts';
export * from './form-origin.ts';
export * from './page-cache.ts';
export * from './page-errors.ts';
export * from './request-limits.ts';
export * from './security-headers.ts';
export * from './serve.ts';
export * from './static-assets.ts';
export * from './site-icon.ts';
