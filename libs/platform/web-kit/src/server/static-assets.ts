import { createReadStream, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/**
 * Serves a built file under `/assets/` if there is one; false when the path names none (the router answers): a path
 * that climbs out of `assets/`, is not well-formed percent-encoding, or names a type it does not serve.
 */
export function serveAsset(root: string, pathname: string, res: ServerResponse): boolean {
  if (!pathname.startsWith('/assets/')) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  const file = normalize(join(root, decoded));
  const type = TYPES[extname(file)];
  if (!file.startsWith(join(root, 'assets') + sep) || type === undefined || decoded.includes('\0')) return false;
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) return false;
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': stat.size });
  createReadStream(file).pipe(res);
  return true;
}
