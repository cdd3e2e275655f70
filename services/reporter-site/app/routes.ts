import { route, type RouteConfig } from '@react-router/dev/routes';

// An organisation's intake page is its intake code, in Dutch or in one of the page's languages; the follow-up login
// and the reporter's case pages are under it.
export default [
  route(':code/:lang/receipt', 'routes/receipt.tsx'),
  route(':code/:lang/follow-up', 'routes/follow-up.tsx'),
  route(':code/:lang/case', 'routes/case-status.tsx'),
  route(':code/:lang/case/messages', 'routes/case-messages.tsx'),
  route(':code/:lang/case/summaries', 'routes/case-summaries.tsx'),
  route(':code/:lang/case/consents', 'routes/case-consents.tsx'),
  route(':code/:lang/case/identity', 'routes/case-identity.tsx'),
  route(':code/:lang/case/withdrawal', 'routes/case-withdrawal.tsx'),
  route(':code/:lang/case/erasure', 'routes/case-erasure.tsx'),
  route(':code/:lang/case/logout', 'routes/case-logout.tsx'),
  route(':code/:lang?', 'routes/intake.tsx'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
