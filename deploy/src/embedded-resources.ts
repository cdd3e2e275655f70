import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Client } from 'pg';
import { startSmtpCatcher } from '@vertrouwd/notifications';

/** Creates a database on the embedded server unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}

/** A secret kept in a file readable by the owner only: created once, the same after every restart. */
export function readOrCreateSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Where `npm start` sends notifications: the SMTP_URL given, or the embedded catcher and its mailbox. */
export interface MailSetup {
  smtpUrl: string;
  /** The embedded catcher's mailbox (`GET /messages`), when the launcher runs one. */
  mailboxUrl?: string;
  stop(): Promise<void>;
}

/**
 * The SMTP server of `npm start`: SMTP_URL when set (e.g. Mailpit), else the embedded catcher on 1025 (SMTP) and
 * 8025 (mailbox), Mailpit's ports, or any free ports when those are taken.
 */
export async function startMail(env: NodeJS.ProcessEnv = process.env): Promise<MailSetup> {
  if (env.SMTP_URL) return { smtpUrl: env.SMTP_URL, stop: async () => undefined };
  const catcher = await startSmtpCatcher({ smtpPort: 1025, httpPort: 8025 }).catch(() => startSmtpCatcher());
  return { smtpUrl: catcher.smtpUrl, mailboxUrl: `${catcher.mailboxUrl}/messages`, stop: () => catcher.stop() };
}
