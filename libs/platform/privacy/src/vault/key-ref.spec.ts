import { InvalidRefError } from '../errors';
import { caseKey, subjectKey, type SubjectKind } from './key-ref';

describe('key refs', () => {
  it('accepts opaque ids', () => {
    expect(subjectKey('witness', 'w-01HZX3:7', 'case-42')).toEqual({
      scope: 'subject',
      subjectKind: 'witness',
      subjectRef: 'w-01HZX3:7',
      caseRef: 'case-42',
    });
    expect(caseKey('0b6c2b5e-4a8f-4d55-9a51-0d9c3f1e2a77')).toEqual({ scope: 'case', caseRef: '0b6c2b5e-4a8f-4d55-9a51-0d9c3f1e2a77' });
  });

  it.each(['Jan de Vries', 'jan@example.nl', '', 'x'.repeat(129)])('refuses %j as a ref, without repeating it', (ref) => {
    expect(() => subjectKey('reporter', ref, 'case-1')).toThrow(InvalidRefError);
    const error = (() => {
      try {
        caseKey(ref);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toContain('caseRef must be an opaque id');
    if (ref) expect(error?.message).not.toContain(ref);
  });

  it('refuses an unknown kind of subject', () => {
    expect(() => subjectKey('neighbour' as SubjectKind, 's-1', 'case-1')).toThrow(InvalidRefError);
  });
});
