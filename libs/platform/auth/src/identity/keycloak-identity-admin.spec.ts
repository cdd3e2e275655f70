import { Logger } from '@nestjs/common';
import { KeycloakIdentityAdmin } from './keycloak-identity-admin';

describe('KeycloakIdentityAdmin', () => {
  afterEach(() => jest.restoreAllMocks());

  it("logs a failed password email by the account's id and the status alone, never the provider's text", async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const admin = new KeycloakIdentityAdmin({ baseUrl: 'http://127.0.0.1:1', realm: 'vertrouwd', clientSecret: 'x', passwordEmail: true });
    // The mail server's answer, as Keycloak passes it on, names the address.
    const refusal = new Error('Failed to send execute actions email: 550 5.1.1 <canary-7f3a@example.org>: Recipient address rejected');
    Object.assign(admin, { clientInstance: { users: { executeActionsEmail: () => Promise.reject(refusal) } } });
    await (admin as unknown as { sendPasswordEmail(id: string): Promise<void> }).sendPasswordEmail('user-1');
    expect(warn).toHaveBeenCalledTimes(1);
    const [line] = warn.mock.calls[0] as [string];
    expect(line).toContain('user-1');
    expect(line).toContain('password email was not sent');
    expect(line).not.toContain('canary-7f3a');
  });
});
