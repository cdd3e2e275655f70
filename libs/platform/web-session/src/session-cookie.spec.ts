import { clearedSessionCookie, sessionCookie, sessionIdFrom } from './session-cookie';

const ID = 'a'.repeat(20) + '_-' + 'B9'.repeat(10) + 'z'; // 43 base64url characters

describe('the session cookie', () => {
  it('is a __Host- cookie: whole origin, HttpOnly, Secure, SameSite=Strict, with its lifetime', () => {
    expect(sessionCookie('reporter', ID, 900)).toBe(`__Host-reporter=${ID}; Path=/; Max-Age=900; HttpOnly; Secure; SameSite=Strict`);
  });

  it('is cleared with the same attributes and no value', () => {
    expect(clearedSessionCookie('portal')).toBe('__Host-portal=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict');
  });

  it('refuses to carry anything but a session id, or a name that could inject attributes', () => {
    expect(() => sessionCookie('reporter', 'x; Domain=evil.example', 900)).toThrow('Not a session id');
    expect(() => sessionCookie('a=b', ID, 900)).toThrow();
    expect(() => sessionCookie('reporter', ID, 0)).toThrow();
  });

  it('reads the id back from a Cookie header among others', () => {
    expect(sessionIdFrom(`theme=dark; __Host-reporter=${ID}; other=1`, 'reporter')).toBe(ID);
  });

  it('ignores a cookie without the __Host- prefix, one of another name, and a malformed value', () => {
    expect(sessionIdFrom(`reporter=${ID}`, 'reporter')).toBeUndefined();
    expect(sessionIdFrom(`__Host-portal=${ID}`, 'reporter')).toBeUndefined();
    expect(sessionIdFrom('__Host-reporter=short', 'reporter')).toBeUndefined();
    expect(sessionIdFrom(`__Host-reporter=${ID}'--`, 'reporter')).toBeUndefined();
    expect(sessionIdFrom(undefined, 'reporter')).toBeUndefined();
    expect(sessionIdFrom('', 'reporter')).toBeUndefined();
  });
});
