/**
 * An id as it is stored and compared: every id is a UUID, and a UUID is one id in either case (RFC 9562), so ids are
 * kept in lowercase. The HTTP kit hands every id a caller sends on in this form (path, query and body alike), and the
 * access policy compares a request's id with a token's in it: an advisor named `A1…` in an assignment is the `a1…` of
 * their token.
 */
export function canonicalId(id: string): string {
  return id.toLowerCase();
}

/** Whether two ids name the same thing (see {@link canonicalId}). */
export function sameId(a: string, b: string): boolean {
  return canonicalId(a) === canonicalId(b);
}
