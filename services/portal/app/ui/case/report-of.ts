import type { CaseView } from '../../api/case.server';

// What the case page shows of the report itself, from the case's opening as its advisor reads it: the reporter's
// account, what it is about, who is involved, whether the reporter stays anonymous, and how they asked to be
// reached. Of the contact details only the channel leaves the portal's server: the advisor reaches the reporter
// through the platform's messages, and an e-mail address is for intake's "there is news" notices alone.

export const CONTACT_CHANNELS = ['platform', 'email', 'phone'] as const;

export interface ReportShown {
  receivedAt: string;
  theme: string;
  relation: string;
  anonymity: string;
  /** The account as the reporter wrote it, or why it cannot be shown (erased with the case's key, or not this case's). */
  account: { text: string } | { unreadable: 'erased' | 'refused' };
  /** The channel the reporter chose; `erased` once they had their contact details erased. */
  contact: (typeof CONTACT_CHANNELS)[number] | 'erased' | 'unknown';
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');
const marked = (value: unknown, mark: string) =>
  typeof value === 'object' && value !== null && (value as Record<string, unknown>)[mark] === true;

function accountOf(sealed: unknown): ReportShown['account'] {
  if (typeof sealed === 'string') return { text: sealed };
  return { unreadable: marked(sealed, 'erased') ? 'erased' : 'refused' };
}

/** The channel from the opened contact: none sealed means messages on the platform only. */
function contactOf(sealed: unknown): ReportShown['contact'] {
  if (sealed === undefined) return 'platform';
  if (marked(sealed, 'erased')) return 'erased';
  const channel = typeof sealed === 'object' && sealed !== null ? (sealed as { channel?: unknown }).channel : undefined;
  return (CONTACT_CHANNELS as readonly unknown[]).includes(channel) ? (channel as ReportShown['contact']) : 'unknown';
}

/** The report as the page shows it; undefined for a case whose opening the history does not hold. */
export function reportOf(view: CaseView): ReportShown | undefined {
  const opened = view.history.find((e) => e.type === 'CaseOpened');
  if (!opened) return undefined;
  const { data } = opened;
  return {
    receivedAt: str(data.receivedAt) || opened.recordedAt,
    theme: str(data.theme),
    relation: str(data.relation),
    anonymity: str(data.anonymity),
    account: accountOf(data.sealedAccount),
    contact: contactOf(data.sealedContact),
  };
}
