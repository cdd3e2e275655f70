import type { Provider } from '@nestjs/common';
import { PLATFORM, type Platform } from '@vertrouwd/runtime';
import { NOTIFIER, type Notifier } from './notifier.port';
import { SmtpNotifier } from './smtp/smtp-notifier';

/** The notifier the environment asks for: SMTP to SMTP_URL (from SMTP_FROM), or none when SMTP_URL is unset. */
export function notifierFromConfig(config: { SMTP_URL?: string; SMTP_FROM?: string }): Notifier | null {
  return config.SMTP_URL ? new SmtpNotifier({ url: config.SMTP_URL, from: config.SMTP_FROM }) : null;
}

/** Provides NOTIFIER from the platform's configuration: add it to a service module that sends notices. */
export function provideNotifier(): Provider {
  return { provide: NOTIFIER, useFactory: (platform: Platform) => notifierFromConfig(platform.config), inject: [PLATFORM] };
}
