import { randomUUID } from 'node:crypto';
import { ReportSubmittedV1, type IntegrationEvent, type PayloadOf } from '@vertrouwd/contracts';
import { OpenCase } from '../open-case/open-case.command';
import { commandFor } from './intake-commands';

// Intake's events as commands for the case: a submitted report opens the case with what the reporter asked for.

const payload: PayloadOf<typeof ReportSubmittedV1> = {
  caseId: randomUUID(),
  agencyId: randomUUID(),
  organisationId: randomUUID(),
  theme: 'discrimination',
  relation: 'colleague',
  anonymity: 'anonymous',
  contactChannel: 'platform',
  language: 'pl',
  preferredAdvisorGender: 'female',
  preferredAdvisorKind: 'external',
  consentVersion: 'v1',
  receivedAt: '2026-03-02T09:00:00.000Z',
  sealedAccount: 'sealed:v1:k:iv:account',
};
const envelope = (p: object): IntegrationEvent => ({
  eventId: randomUUID(),
  type: ReportSubmittedV1.type,
  version: ReportSubmittedV1.version,
  occurredAt: '2026-03-02T09:00:00.000Z',
  key: randomUUID(),
  correlationId: randomUUID(),
  causationId: randomUUID(),
  payload: p,
});

describe('commandFor: intake events as case commands', () => {
  it("opens the case with the reporter's language and the counsellor they asked for (gender, internal or external)", () => {
    const command = commandFor(envelope(payload));
    expect(command).toBeInstanceOf(OpenCase);
    expect((command as OpenCase).report).toMatchObject({
      language: 'pl',
      preferredAdvisorGender: 'female',
      preferredAdvisorKind: 'external',
    });
  });

  it("keeps neither the reporter's channel nor the consent version in the case", () => {
    const { report } = commandFor(envelope(payload)) as OpenCase;
    expect(Object.keys(report)).not.toEqual(expect.arrayContaining(['contactChannel']));
    expect(Object.keys(report)).not.toEqual(expect.arrayContaining(['consentVersion']));
  });
});
