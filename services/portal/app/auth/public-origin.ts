/** The loopback names a browser may use for a portal on this machine. */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '127.0.0.1' || hostname === '[::1]';
}

/**
 * Where signing in must start when the browser came by another name of this machine than the portal's public origin
 * (`localhost` for `127.0.0.1`): the issuer sends the browser back to the public origin, and the sign-in's cookie is
 * kept per host, so a sign-in begun under the other name would come back without it and fail. Only between loopback
 * names: behind a proxy that rewrites the host, a redirect on any mismatch could go round forever. Undefined: start here.
 */
export function signInOnPublicOrigin(request: URL, publicUrl: string): string | undefined {
  const target = new URL(publicUrl);
  if (request.host === target.host || !isLoopback(request.hostname) || !isLoopback(target.hostname)) return undefined;
  return `${target.origin}${request.pathname}${request.search}`;
}
