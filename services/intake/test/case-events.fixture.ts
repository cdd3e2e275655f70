import { randomUUID } from 'node:crypto';
import type { IntegrationEvent } from '@vertrouwd/contracts';
import { caseKey, type Sealer } from '@vertrouwd/privacy';

/**
 * What the case service would publish for an opened, assigned, acknowledged case with a reply, a summary and a
 * consent the advisor recorded from the conversation (for the reporter to confirm).
 */
export async function sealedCase(
  sealer: Sealer,
  caseId: string,
): Promise<{ publish: IntegrationEvent[]; summaryId: string; consentId: string }> {
  const at = new Date().toISOString();
  const summaryId = randomUUID();
  const consentId = randomUUID();
  const event = (type: string, payload: object): IntegrationEvent => ({
    eventId: randomUUID(),
    type,
    version: 1,
    occurredAt: at,
    key: caseId,
    correlationId: randomUUID(),
    causationId: randomUUID(),
    payload: { caseId, ...payload },
  });
  return {
    summaryId,
    consentId,
    publish: [
      event('case.advisor-assigned', { advisorId: randomUUID(), assignedAt: at }),
      event('case.case-acknowledged', { acknowledgedAt: at }),
      event('case.advisor-message-sent', {
        messageId: randomUUID(),
        sentAt: at,
        sealedBody: await sealer.seal('Thank you for reporting.', caseKey(caseId)),
      }),
      event('case.summary-shared', { summaryId, sharedAt: at, sealedSummary: await sealer.seal('We talked on Monday.', caseKey(caseId)) }),
      event('case.consent-recorded', { consentId, scope: 'referral', referralType: 'hr', conversationId: summaryId, recordedAt: at }),
    ],
  };
}
