import type { ValidationError } from 'class-validator';
import { toFieldErrors } from './field-errors';

const error = (
  property: string,
  value: unknown,
  constraints?: Record<string, string>,
  children: ValidationError[] = [],
): ValidationError => ({ property, value, constraints, children });

describe('toFieldErrors', () => {
  it('joins nested properties with dots and array items with their index', () => {
    const text = error('text', 1, { isString: 'text must be a string' });
    const tree = [error('case', {}, undefined, [error('notes', [], undefined, [error('2', {}, undefined, [text])])])];
    expect(toFieldErrors(tree)).toEqual([{ field: 'case.notes[2].text', rule: 'isString', message: 'text must be a string' }]);
  });

  it('gives one entry per broken rule', () => {
    const rules = toFieldErrors([error('age', 'x', { isInt: 'age must be an integer number', min: 'age must not be less than 0' })]);
    expect(rules.map((e) => e.rule)).toEqual(['isInt', 'min']);
  });

  it('replaces a message that quotes the submitted value', () => {
    const [quoted] = toFieldErrors([error('email', 'jan@example.org', { isEmail: 'jan@example.org is not an email address' })]);
    expect(quoted).toEqual({ field: 'email', rule: 'isEmail', message: 'The value breaks the rule isEmail.' });
  });

  it('never names an unknown field: its name is text the caller chose', () => {
    const errors = toFieldErrors([
      error('isAdmin', true, { whitelistValidation: 'property isAdmin should not exist' }),
      error('jan@example.org', 1, { whitelistValidation: 'property jan@example.org should not exist' }),
    ]);
    expect(errors).toEqual([
      { field: '(unnamed)', rule: 'unknownField', message: 'This field is not accepted.' },
      { field: '(unnamed)', rule: 'unknownField', message: 'This field is not accepted.' },
    ]);
  });
});
