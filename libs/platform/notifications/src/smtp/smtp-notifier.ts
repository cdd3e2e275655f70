import { createTransport, type Transporter } from 'nodemailer';
import { composeNotice } from '../compose-notice';
import type { Notice } from '../notice';
import { NoticeNotSentError, type Notifier } from '../notifier.port';

export interface SmtpNotifierOptions {
  /** `smtp://host:port` (or `smtps://`, with `user:password@` when the server wants it). */
  url: string;
  /** The sender, e.g. `Vertrouwd <no-reply@vertrouwd.example>`. */
  from?: string;
}

export const DEFAULT_SENDER = 'Vertrouwd <no-reply@vertrouwd.test>';

/**
 * Sends notices over SMTP with nodemailer (ADR 0019): one connection per notice (notices are few), short timeouts,
 * nodemailer's own logging off (it would log the envelope), and every failure turned into a code-only error.
 */
export class SmtpNotifier implements Notifier {
  private readonly transport: Transporter;
  private readonly from: string;

  constructor(options: SmtpNotifierOptions) {
    this.transport = createTransport({
      url: options.url,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
      logger: false,
      debug: false,
    });
    this.from = options.from ?? DEFAULT_SENDER;
  }

  async send(notice: Notice): Promise<void> {
    const mail = composeNotice(notice);
    try {
      await this.transport.sendMail({
        from: this.from,
        to: notice.address,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { 'Content-Language': mail.language, 'Auto-Submitted': 'auto-generated', 'X-Vertrouwd-Notice': notice.kind },
      });
    } catch (error) {
      // The server's reply text may quote the address: only nodemailer's code leaves here.
      const code = (error as { code?: unknown }).code;
      throw new NoticeNotSentError(typeof code === 'string' && /^[A-Z_]{2,32}$/.test(code) ? code : 'ESEND');
    }
  }

  close(): void {
    this.transport.close();
  }
}
