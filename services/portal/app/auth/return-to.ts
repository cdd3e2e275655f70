/**
 * Where to go back to after signing in: a path of the portal itself, never another site (`//host`, `/\host` and
 * absolute addresses are open redirects in browsers' eyes), else the start page.
 */
export function safeReturnTo(path: string | null | undefined): string {
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return '/';
  // Control characters and backslashes anywhere are not in any address the portal makes.
  return path.includes('\\') || [...path].some((c) => c.charCodeAt(0) < 0x20) ? '/' : path;
}
