import { routeTemplate } from './route-template';

describe('routeTemplate', () => {
  it.each([
    [{ route: { path: '/cases/:caseId' } }, '/cases/:caseId'],
    [{ baseUrl: '/agencies/:agencyId', route: { path: '/cases' } }, '/agencies/:agencyId/cases'],
    [{ route: { path: 'cases' } }, '/cases'],
  ])('is the matched template of %j', (req, template) => expect(routeTemplate(req)).toBe(template));

  it.each([[{}], [{ route: {} }], [{ route: { path: '/{/*splat}' } }], [{ route: { path: /^\/cases/ } }]])(
    'is undefined when no route of the service matched: %j',
    (req) => expect(routeTemplate(req)).toBeUndefined(),
  );
});
