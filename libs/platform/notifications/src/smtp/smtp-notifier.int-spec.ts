import { startSmtpCatcher, type SmtpCatcher } from '../catcher/smtp-catcher';
import { NoticeNotSentError } from '../notifier.port';
import { SmtpNotifier } from './smtp-notifier';

// A real SMTP exchange: nodemailer to the embedded catcher (smtp-server), read back through its HTTP mailbox.
describe('SmtpNotifier against the embedded catcher', () => {
  let catcher: SmtpCatcher;

  beforeAll(async () => {
    catcher = await startSmtpCatcher();
  });
  afterAll(async () => {
    await catcher?.stop();
  });
  beforeEach(() => catcher.clear());

  const mailbox = async (query = '') => {
    const response = await fetch(`${catcher.mailboxUrl}/messages${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as { to: string[]; subject: string; text: string; html: string; language: string; kind: string }[];
  };

  it('delivers a notice in its language with a text and an HTML part', async () => {
    const notifier = new SmtpNotifier({ url: catcher.smtpUrl });
    await notifier.send({ kind: 'case-news', address: 'Reporter@Example.test', language: 'ar' });
    const [mail, ...more] = await mailbox('?to=reporter@example.test');
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ to: ['reporter@example.test'], subject: 'هناك مستجدات بشأن بلاغك', language: 'ar', kind: 'case-news' });
    expect(mail.text).toContain('رمز البلاغ');
    expect(mail.html).toContain('dir="rtl"');
    notifier.close();
  });

  it('serves the mailbox by recipient and empties it on DELETE', async () => {
    const notifier = new SmtpNotifier({ url: catcher.smtpUrl, from: 'Test <test@vertrouwd.test>' });
    await notifier.send({ kind: 'case-assigned', address: 'a@demo.vertrouwd.test', language: 'nl' });
    await notifier.send({ kind: 'case-waiting', address: 'b@demo.vertrouwd.test', language: 'en' });
    expect((await mailbox('?to=a@demo.vertrouwd.test')).map((m) => m.subject)).toEqual(['Er is een melding aan je toegewezen']);
    expect(await mailbox()).toHaveLength(2);
    expect((await fetch(`${catcher.mailboxUrl}/messages`, { method: 'DELETE' })).status).toBe(204);
    expect(await mailbox()).toEqual([]);
    expect((await fetch(`${catcher.mailboxUrl}/elsewhere`)).status).toBe(404);
  });

  it('fails with a code only when no server answers, never naming the address', async () => {
    const down = await startSmtpCatcher();
    const url = down.smtpUrl;
    await down.stop();
    const notifier = new SmtpNotifier({ url });
    const error = await notifier
      .send({ kind: 'case-news', address: 'secret.person@example.test', language: 'nl' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoticeNotSentError);
    expect((error as NoticeNotSentError).code).toMatch(/^[A-Z_]+$/);
    expect(JSON.stringify({ ...(error as object), message: (error as Error).message })).not.toContain('secret.person');
  });
});
