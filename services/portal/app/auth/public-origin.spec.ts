import { signInOnPublicOrigin } from './public-origin';

describe('signing in starts on the public origin', () => {
  const publicUrl = 'http://127.0.0.1:3011';

  it('sends a browser that came by localhost to the public origin, with the same path and query', () => {
    const request = new URL('http://localhost:3011/auth/sign-in?lang=ar&returnTo=%2Far%2Fcases');
    expect(signInOnPublicOrigin(request, publicUrl)).toBe('http://127.0.0.1:3011/auth/sign-in?lang=ar&returnTo=%2Far%2Fcases');
    expect(signInOnPublicOrigin(new URL('http://[::1]:3011/auth/sign-in'), publicUrl)).toBe('http://127.0.0.1:3011/auth/sign-in');
    expect(signInOnPublicOrigin(new URL('http://127.0.0.1:3011/auth/sign-in'), 'http://localhost:3011')).toBe(
      'http://localhost:3011/auth/sign-in',
    );
  });

  it('starts where it is on the public origin itself', () => {
    expect(signInOnPublicOrigin(new URL('http://127.0.0.1:3011/auth/sign-in?lang=nl'), publicUrl)).toBeUndefined();
  });

  it('never redirects between names that are not both this machine (a proxy rewriting the host would loop)', () => {
    expect(signInOnPublicOrigin(new URL('http://portal.internal:3011/auth/sign-in'), publicUrl)).toBeUndefined();
    expect(signInOnPublicOrigin(new URL('http://localhost:3011/auth/sign-in'), 'https://portal.example.nl')).toBeUndefined();
    expect(signInOnPublicOrigin(new URL('https://evil.example/auth/sign-in'), publicUrl)).toBeUndefined();
  });
});
