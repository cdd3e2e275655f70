import type { IncomingMessage } from 'node:http';
import { CLIENT_ADDRESS_HEADER } from '../client-address.ts';

/** Hands the pages the browser's address (clientAddressOf) from the socket: never what the browser claims. */
export function passClientAddress(req: IncomingMessage): void {
  delete req.headers[CLIENT_ADDRESS_HEADER];
  if (req.socket.remoteAddress) req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress;
}
