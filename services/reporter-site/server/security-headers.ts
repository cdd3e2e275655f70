import { contentSecurityPolicy, type SecurityHeaders } from '@vertrouwd/web-kit/server';

/**
 * The reporter's pages need their own stylesheets, fonts and images and nothing else: no script, no frame, no other
 * origin; forms post only back to this site; no address leaves in a Referer.
 */
export const SECURITY_HEADERS: SecurityHeaders = {
  contentSecurityPolicy: contentSecurityPolicy(),
  referrerPolicy: 'no-referrer',
};
