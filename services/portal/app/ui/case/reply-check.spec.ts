import { fieldRefused, shownBack, textError } from './reply-check';

// The reply and the closing feedback are refused at their field, in the rule's words: by the portal before a call,
// and likewise when the case service refuses the text.
describe('the free text of the case page', () => {
  it('refuses an empty reply, control characters and more than 10,000 characters; allows line breaks and tabs', () => {
    expect(textError('', true)).toBe('empty');
    expect(textError('', false)).toBeUndefined();
    expect(textError('hello\u0000x', true)).toBe('control');
    expect(textError('bell\u0007', false)).toBe('control');
    expect(textError('lone \uD800 half', true)).toBe('control');
    expect(textError('x'.repeat(10_001), true)).toBe('long');
    expect(textError('line one\r\n\tline two 😀 مرحبا', true)).toBeUndefined();
  });

  it('puts the text back with what cannot be shown marked', () => {
    expect(shownBack('hello\u0000x\nnext')).toBe('hello\uFFFDx\nnext');
  });

  it("says the service's refusal at the field it names; the body's NUL at the form's text", () => {
    const refusal = (field: string, rule: string) => ({ status: 400, title: 'Bad Request', fields: [{ field, rule }] });
    expect(fieldRefused(refusal('(body)', 'noNulCharacter'), ['text'], 'text')).toEqual({ field: 'text', error: 'control' });
    expect(fieldRefused(refusal('feedback', 'isLength'), ['outcome', 'feedback'], 'feedback')).toEqual({
      field: 'feedback',
      error: 'long',
    });
    expect(fieldRefused(refusal('outcome', 'isIn'), ['outcome', 'feedback'], 'feedback')).toEqual({ field: 'outcome', error: 'invalid' });
    expect(fieldRefused(refusal('other', 'isIn'), ['text'], 'text')).toBeUndefined();
  });
});
