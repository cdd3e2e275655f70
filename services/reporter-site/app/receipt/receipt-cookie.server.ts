import { createCookie } from 'react-router';
import { VIEW_TTL_SECONDS } from './one-time-views.server';

/**
 * Carries the token (id and key) of a receipt waiting for its one view from the form's redirect to the receipt page: HttpOnly, so
 * no script could read it; SameSite=Strict and Secure (browsers treat 127.0.0.1 and localhost as secure); as short
 * as the view waits.
 */
export const receiptViewCookie = createCookie('receipt-view', {
  httpOnly: true,
  secure: true,
  sameSite: 'strict',
  path: '/',
  maxAge: VIEW_TTL_SECONDS,
});
