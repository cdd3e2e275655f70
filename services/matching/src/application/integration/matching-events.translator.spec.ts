import type { OrganisationPublishedV1, PayloadOf } from '@vertrouwd/contracts';
import { T0, organisationId, snapshot } from '../../domain/directory/directory.fixtures';
import { translateOrganisationEvent } from './matching-events.translator';

type Published = PayloadOf<typeof OrganisationPublishedV1>;
const payloadOf = (translated: unknown[]): Published => (translated[0] as { payload: Published }).payload;

describe('an organisation as matching publishes it', () => {
  // T0 is 2026-03-02: 40 employees from 2026-01-01, 60 scheduled from 2026-09-01.
  const headcounts = [
    { from: '2026-01-01', headcount: 40 },
    { from: '2026-09-01', headcount: 60 },
  ];

  it('carries a scheduled headcount with its day, and the duties of the headcount in force on publication', () => {
    const published = payloadOf(
      translateOrganisationEvent({
        type: 'HeadcountChanged',
        organisationId,
        headcount: 60,
        from: '2026-09-01',
        snapshot: { ...snapshot, headcount: 60, headcountFrom: '2026-09-01', headcounts, version: 3 },
        changedAt: T0,
      }),
    );
    expect(published).toMatchObject({ headcount: 60, headcountFrom: '2026-09-01', wbkObliged: false, pendingBillObliged: true });
  });

  it('has the duties of the scheduled headcount once its day has come', () => {
    const published = payloadOf(
      translateOrganisationEvent({
        type: 'OrganisationDetailsChanged',
        organisationId,
        snapshot: { ...snapshot, headcount: 60, headcountFrom: '2026-09-01', headcounts, version: 4 },
        changedAt: '2026-09-01T08:00:00.000Z',
      }),
    );
    expect(published).toMatchObject({ headcount: 60, wbkObliged: true });
  });
});
