import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { CaseClosedV1, topicOf } from '@vertrouwd/contracts';
import { caseKey } from '@vertrouwd/privacy';
import { DEAD_LETTER_HEADERS, deadLetterTopic, type DeliveredMessage } from '@vertrouwd/messaging';
import { ReadModels } from '@vertrouwd/service-kit';
import { eventually } from '@vertrouwd/testing';
import { caseEvent, startIntake, type IntakeUnderTest } from './intake-service.fixture';

// Case events reach intake's read models at least once: each is applied once (its rows and its inbox record in
// one transaction), and one that breaks its contract is dead-lettered without touching them.
describe("case events into intake's read models", () => {
  let intake: IntakeUnderTest;

  beforeAll(async () => {
    intake = await startIntake('intake_case_events');
  });
  afterAll(() => intake?.stop());

  const get = (path: string, auth: string) => request(intake.service.url).get(path).set('Authorization', auth).expect(200);
  const status = async (caseId: string, auth: string) => (await get(`/intake/cases/${caseId}/status`, auth)).body;
  // The progress projection's records (consumer `intake`); the reporter's notices keep theirs apart (`intake-notices`).
  const inboxOf = (eventId: string): Promise<{ consumer: string }[]> =>
    intake.service.app
      .get(ReadModels)
      .dataSource.query("select consumer from inbox where message_id = $1 and consumer <> 'intake-notices'", [eventId]);

  it('applies a case event once however often it is delivered: a close redelivered after the reopen changes nothing', async () => {
    const { caseId, auth } = await intake.reporter();
    const closed = caseEvent('case.case-closed', caseId, { outcome: 'referred', closedAt: '2026-03-02T10:00:00.000Z' });
    const message = caseEvent('case.advisor-message-sent', caseId, {
      messageId: randomUUID(),
      sentAt: '2026-03-01T10:00:00.000Z',
      sealedBody: await intake.service.platform.privacy.sealer.seal('Thank you.', caseKey(caseId)),
    });
    await intake.publishCaseEvents([message, closed]);
    expect(await status(caseId, auth)).toMatchObject({ status: 'closed' });
    await intake.publishCaseEvents([caseEvent('case.case-reopened', caseId, { reopenedAt: '2026-03-05T09:00:00.000Z' })]);

    // Redelivered (same event ids, same key): were it applied again, the case would read closed.
    await intake.publishCaseEvents([closed, message, closed]);
    expect(await status(caseId, auth)).toMatchObject({ status: 'received', dates: { closed: null } });
    const { messages } = (await get(`/intake/cases/${caseId}/messages`, auth)).body as { messages: { from: string }[] };
    expect(messages.filter((m) => m.from === 'advisor')).toHaveLength(1);
    expect(await inboxOf(closed.eventId)).toEqual([{ consumer: 'intake' }]);
    expect(await inboxOf(message.eventId)).toEqual([{ consumer: 'intake' }]);
  });

  it("shows the advisor's feedback in the reporter's thread, told apart from messages, once however often delivered", async () => {
    const { caseId, auth } = await intake.reporter();
    const sealer = intake.service.platform.privacy.sealer;
    const message = caseEvent('case.advisor-message-sent', caseId, {
      messageId: randomUUID(),
      sentAt: '2026-03-03T10:00:00.000Z',
      sealedBody: await sealer.seal('Thanks, received.', caseKey(caseId)),
    });
    const feedback = caseEvent('case.feedback-given', caseId, {
      feedbackId: randomUUID(),
      givenAt: '2026-04-01T10:00:00.000Z',
      sealedFeedback: await sealer.seal('Your manager was spoken to; the meetings are now chaired by HR.', caseKey(caseId)),
    });
    await intake.publishCaseEvents([message, feedback, feedback]);
    await eventually(async () => {
      const { messages } = (await get(`/intake/cases/${caseId}/messages`, auth)).body as { messages: object[] };
      expect(messages.filter((m) => (m as { from: string }).from === 'advisor')).toEqual([
        expect.objectContaining({ kind: 'message', body: 'Thanks, received.' }),
        expect.objectContaining({
          kind: 'feedback',
          sentAt: '2026-04-01T10:00:00.000Z',
          body: 'Your manager was spoken to; the meetings are now chaired by HR.',
        }),
      ]);
    });
    expect(await inboxOf(feedback.eventId)).toEqual([{ consumer: 'intake' }]);
  });

  it('shows the reporter who asked to see their identity and why, and lets them decide once (dual control)', async () => {
    const { caseId, auth } = await intake.reporter();
    const revealId = randomUUID();
    const requested = caseEvent('case.identity-reveal-requested', caseId, {
      revealId,
      viewer: 'colleague',
      requestedAt: '2026-04-01T10:00:00.000Z',
      sealedReason: await intake.service.platform.privacy.sealer.seal('A colleague takes over during my leave.', caseKey(caseId)),
    });
    await intake.publishCaseEvents([requested]);
    const list = async () => (await get(`/intake/cases/${caseId}/identity-reveals`, auth)).body.identityReveals as object[];
    expect(await list()).toEqual([
      {
        revealId,
        viewer: 'colleague',
        requestedAt: '2026-04-01T10:00:00.000Z',
        reason: 'A colleague takes over during my leave.',
        decision: null,
        decidedBy: null,
        decidedAt: null,
      },
    ]);
    const api = () => request(intake.service.url);
    await api().post(`/intake/cases/${caseId}/identity-reveals/${randomUUID()}/approval`).set('Authorization', auth).expect(404);
    await api().post(`/intake/cases/${caseId}/identity-reveals/${revealId}/refusal`).set('Authorization', auth).expect(204);
    await api().post(`/intake/cases/${caseId}/identity-reveals/${revealId}/approval`).set('Authorization', auth).expect(409);
    const answered = (await intake.service.platform.store.readStream(`report-${caseId}`)).find((e) => e.type === 'IdentityRevealAnswered');
    expect(answered?.data).toMatchObject({ revealId, decision: 'refused' });

    await intake.publishCaseEvents([
      caseEvent('case.identity-reveal-decided', caseId, {
        revealId,
        decision: 'refused',
        decidedBy: 'reporter',
        decidedAt: '2026-04-02T10:00:00.000Z',
      }),
    ]);
    expect(await list()).toEqual([expect.objectContaining({ revealId, decision: 'refused', decidedBy: 'reporter' })]);
    await api().post(`/intake/cases/${caseId}/identity-reveals/${revealId}/approval`).set('Authorization', auth).expect(404);
  });

  it('dead-letters a case event that breaks its contract, with no row and no inbox record, and applies the next one', async () => {
    const { caseId, auth } = await intake.reporter();
    const dead: DeliveredMessage[] = [];
    const reader = intake.service.platform.bus.consume({
      group: `dlq-reader-${randomUUID()}`,
      topics: [deadLetterTopic(topicOf(CaseClosedV1))],
      handle: (letter) => Promise.resolve(void dead.push(letter)),
    });
    try {
      const refused = caseEvent('case.case-closed', caseId, { outcome: 'referred', closedAt: 'yesterday' });
      const acknowledgedAt = '2026-03-02T10:00:00.000Z';
      await intake.publishCaseEvents([refused, caseEvent('case.case-acknowledged', caseId, { acknowledgedAt })]);

      await eventually(() => expect(dead.map((letter) => letter.key)).toContain(caseId));
      const letter = dead.find((l) => l.key === caseId)!;
      expect(letter.headers[DEAD_LETTER_HEADERS.error]).toEqual(expect.any(String));
      expect(letter.headers[DEAD_LETTER_HEADERS.attempts]).toBe('1'); // no retry can mend a broken contract
      expect(await inboxOf(refused.eventId)).toEqual([]);
      expect(await status(caseId, auth)).toMatchObject({
        status: 'acknowledged',
        dates: { acknowledged: acknowledgedAt, closed: null },
      });
    } finally {
      await reader.stop();
    }
  });

  it('shows the reporter received, then acknowledged, then in progress, then closed, each in its turn and its dates in order', async () => {
    const { caseId, auth } = await intake.reporter();
    const sealer = intake.service.platform.privacy.sealer;
    const at = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString(); // after the receipt
    const message = async (sentAt: string) =>
      caseEvent('case.advisor-message-sent', caseId, {
        messageId: randomUUID(),
        sentAt,
        sealedBody: await sealer.seal('Hello.', caseKey(caseId)),
      });

    // An assignment, and a message before the acknowledgement, are not the work starting.
    await intake.publishCaseEvents([
      caseEvent('case.advisor-assigned', caseId, { advisorId: randomUUID(), assignedAt: at(1) }),
      await message(at(2)),
    ]);
    expect(await status(caseId, auth)).toMatchObject({ status: 'received', dates: { acknowledged: null, inProgress: null } });

    const acknowledgedAt = at(3);
    await intake.publishCaseEvents([caseEvent('case.case-acknowledged', caseId, { acknowledgedAt })]);
    expect(await status(caseId, auth)).toMatchObject({ status: 'acknowledged', dates: { acknowledged: acknowledgedAt, inProgress: null } });

    const recordedAt = at(50);
    const conversation = { conversationId: randomUUID(), heldOn: at(50).slice(0, 10), minutes: 45, mode: 'video' };
    await intake.publishCaseEvents([{ ...caseEvent('case.conversation-recorded', caseId, conversation), occurredAt: recordedAt }]);
    await intake.publishCaseEvents([await message(at(60))]); // the first piece of work counts
    expect(await status(caseId, auth)).toMatchObject({
      status: 'in-progress',
      dates: { acknowledged: acknowledgedAt, inProgress: recordedAt },
    });

    const closedAt = at(150);
    await intake.publishCaseEvents([caseEvent('case.case-closed', caseId, { outcome: 'listened-and-advised', closedAt })]);
    const closed = await status(caseId, auth);
    expect(closed).toMatchObject({ status: 'closed', dates: { received: expect.any(String), closed: closedAt, withdrawn: null } });
    const { received, acknowledged, inProgress } = closed.dates as Record<string, string>;
    expect([received, acknowledged, inProgress, closedAt].map(Date.parse)).toEqual(
      [received, acknowledged, inProgress, closedAt].map(Date.parse).sort((a, b) => a - b),
    );
  });

  it("gives the reporter the case's deadlines: met, stopped by their withdrawal, and started again by their resumption", async () => {
    const { caseId, auth } = await intake.reporter();
    const post = (path: string) =>
      request(intake.service.url).post(`/intake/cases/${caseId}/${path}`).set('Authorization', auth).expect(204);
    const { received } = (await status(caseId, auth)).dates as { received: string };
    const due = (await status(caseId, auth)).deadlines;
    // Before case opened the case: from intake's own receipt, both pending.
    expect(due).toMatchObject({ acknowledgement: { state: 'pending', metAt: null }, feedback: { state: 'pending', metAt: null } });
    expect(Date.parse(due.acknowledgement.dueAt)).toBeGreaterThan(Date.parse(received) + 6 * 86_400_000);

    const acknowledgedAt = new Date(Date.parse(received) + 1).toISOString(); // before the withdrawal below
    await intake.publishCaseEvents([
      caseEvent('case.case-opened', caseId, {
        agencyId: randomUUID(),
        organisationId: randomUUID(),
        theme: 'bullying',
        relation: 'manager',
        anonymity: 'anonymous',
        receivedAt: received,
        openedAt: received,
      }),
      caseEvent('case.case-acknowledged', caseId, { acknowledgedAt }),
    ]);
    expect((await status(caseId, auth)).deadlines).toMatchObject({
      acknowledgement: { dueAt: due.acknowledgement.dueAt, state: 'met', metAt: acknowledgedAt },
      feedback: { state: 'pending', metAt: null },
    });

    // Withdrawn: case closes the case at the instant of the withdrawal, and the feedback deadline stops.
    await post('withdrawal');
    const { withdrawn } = (await status(caseId, auth)).dates as { withdrawn: string };
    await intake.publishCaseEvents([caseEvent('case.case-closed', caseId, { outcome: 'withdrawn', closedAt: withdrawn })]);
    expect((await status(caseId, auth)).deadlines).toMatchObject({ acknowledgement: { state: 'met' }, feedback: { state: 'stopped' } });

    // Resumed: case reopens the case at the resumption, and both clocks start again from it.
    await post('resumption');
    const resumedAt = new Date(Date.parse(withdrawn) + 1000).toISOString();
    await intake.publishCaseEvents([caseEvent('case.case-reopened', caseId, { reopenedAt: resumedAt })]);
    const again = (await status(caseId, auth)) as { dates: object; deadlines: { acknowledgement: object; feedback: object } };
    expect(again.dates).toMatchObject({ acknowledged: acknowledgedAt, withdrawn: null });
    expect(again.deadlines.acknowledgement).toMatchObject({ state: 'pending', metAt: null });
    expect(again.deadlines.feedback).toMatchObject({ state: 'pending', metAt: null });
  });
});
