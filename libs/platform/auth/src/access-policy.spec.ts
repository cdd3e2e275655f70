import { declarationProblem, denialFor, mergeDeclarations, valueAt } from './access-policy';
import type { Principal } from './principal';

const coordinator: Principal = { subject: 's', kind: 'user', roles: ['coordinator'], agencyId: 'a1' };

describe('access policy', () => {
  describe('mergeDeclarations', () => {
    it('lets handler declarations override the controller one by one', () => {
      expect(mergeDeclarations({ roles: ['auditor'] }, { roles: ['coordinator'], tenant: { agency: 'params.agencyId' } })).toEqual({
        public: undefined,
        roles: ['auditor'],
        tenant: { agency: 'params.agencyId' },
        reporter: undefined,
      });
    });

    it('never makes a handler that needs a token public through its controller', () => {
      expect(mergeDeclarations({ reporter: { caseParam: 'caseId' } }, { public: true }).public).toBeUndefined();
      expect(mergeDeclarations({}, { public: true }).public).toBe(true);
    });
  });

  describe('declarationProblem', () => {
    it('refuses nothing declared, a tenant scope alone, public mixed with roles, and roles without a scope', () => {
      expect(declarationProblem({})).toContain('declares no access');
      expect(declarationProblem({ tenant: 'none' })).toContain('declares no access');
      expect(declarationProblem({ public: true, roles: ['admin'] })).toContain('@Public together with');
      expect(declarationProblem({ roles: ['admin'] })).toContain('without @TenantScope');
      expect(declarationProblem({ roles: ['admin'], tenant: 'none' })).toBeUndefined();
      expect(declarationProblem({ reporter: { caseParam: 'caseId' } })).toBeUndefined();
    });
  });

  describe('denialFor', () => {
    it('checks every declared dimension and refuses users a case scope they cannot carry', () => {
      const access = { roles: ['coordinator' as const], tenant: { agency: 'params.agencyId' as const } };
      expect(denialFor(access, coordinator, { params: { agencyId: 'a1' } })).toBeUndefined();
      // One id in either case: the path in capitals is the token's agency, as the pipes read it.
      expect(denialFor(access, coordinator, { params: { agencyId: 'A1' } })).toBeUndefined();
      expect(denialFor(access, coordinator, { params: { agencyId: 'a2' } })).toBe(
        "tenant scope: the token's agency_id does not match agencyId in the path",
      );
      expect(denialFor({ roles: ['coordinator'], tenant: { case: 'params.caseId' } }, coordinator, { params: { caseId: 'c' } })).toBe(
        'tenant scope: the token carries no case_id',
      );
    });

    it("applies a reporter's declared case scope on top of caseParam", () => {
      const reporter: Principal = { subject: 'r', kind: 'reporter', roles: [], caseId: 'c1' };
      const access = { reporter: { caseParam: 'caseId' }, tenant: { case: 'body.caseId' as const } };
      expect(denialFor(access, reporter, { params: { caseId: 'c1' }, body: { caseId: 'c1' } })).toBeUndefined();
      expect(denialFor(access, reporter, { params: { caseId: 'c1' }, body: { caseId: 'c2' } })).toContain(
        "the token's case_id does not match caseId in the body",
      );
    });
  });

  describe('valueAt', () => {
    it('reads nested body fields and only non-empty strings', () => {
      const request = { params: { id: 'x' }, query: { list: ['a', 'b'] }, body: { organisation: { id: 'o1' }, empty: '' } };
      expect(valueAt(request, 'params.id')).toBe('x');
      expect(valueAt(request, 'body.organisation.id')).toBe('o1');
      expect(valueAt(request, 'query.list')).toBeUndefined();
      expect(valueAt(request, 'body.empty')).toBeUndefined();
      expect(valueAt(request, 'body.toString')).toBeUndefined();
      expect(valueAt(request, 'headers.authorization')).toBeUndefined();
    });
  });
});
