// What a web service's pages share (safe for the browser bundle). The server's pieces are in
// `@vertrouwd/web-kit/server`, the test starter in `@vertrouwd/web-kit/testing`, the theme and fonts in
// `@vertrouwd/web-kit/styles/*.css`.
export * from './languages.ts';
export * from './intl.ts';
