// The server around a web service's React Router build (Node only).
export * from './form-origin.ts';
export * from './security-headers.ts';
export * from './serve.ts';
export * from './static-assets.ts';
