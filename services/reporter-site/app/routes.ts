import { route, type RouteConfig } from '@react-router/dev/routes';

// An organisation's intake page is its intake code, in Dutch or in one of the page's languages.
export default [
  route(':code/:lang/receipt', 'routes/receipt.tsx'),
  route(':code/:lang?', 'routes/intake.tsx'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
