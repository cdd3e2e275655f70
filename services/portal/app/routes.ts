import { index, route, type RouteConfig } from '@react-router/dev/routes';

// Sign-in and sign-out are the portal's own (resource routes, no page); every page is under its language.
export default [
  index('routes/start.ts'),
  route('auth/sign-in', 'routes/auth.sign-in.ts'),
  route('auth/callback', 'routes/auth.callback.ts'),
  route('auth/sign-out', 'routes/auth.sign-out.ts'),
  route(':lang', 'routes/home.tsx'),
  route(':lang/cases', 'routes/cases.tsx'),
  route(':lang/cases/:caseId', 'routes/case.tsx'),
  route(':lang/work', 'routes/my-work.tsx'),
  route(':lang/queue', 'routes/queue.tsx'),
  route(':lang/reports', 'routes/reports.tsx'),
  route(':lang/reports/:year', 'routes/report.tsx'),
  route(':lang/reports/:year/:format', 'routes/report-file.ts'),
  route(':lang/invoices', 'routes/invoices.tsx'),
  route(':lang/invoices/:number/:format', 'routes/invoice-file.ts'),
  route(':lang/audit', 'routes/audit.tsx'),
  route(':lang/audit/:caseId', 'routes/replay.tsx'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
