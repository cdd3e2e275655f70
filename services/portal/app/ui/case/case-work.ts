import type { CaseEntry, CaseView } from '../../api/case.server';

// The advisor's work on a case as the case page shows it, gathered from the case service's answer: the history's
// events (sealed text already opened for the assigned advisor, or marked erased) and its summary and consent states.

/** A sealed text opened for the advisor; undefined when erased or unreadable (the page says so, never shows other text). */
const textOf = (value: unknown) => (typeof value === 'string' ? value : undefined);
const str = (value: unknown) => (typeof value === 'string' ? value : '');
const num = (value: unknown, otherwise = 0) => (typeof value === 'number' ? value : otherwise);

export type SummaryState = 'not-shared' | 'awaiting-answer' | 'approved' | 'corrected';

export interface SummaryOfConversation {
  summaryId: string;
  /** The latest text: the conversation's own, or the latest revision. */
  text: string | undefined;
  /** The latest version shared (null: not shared yet). */
  version: number | null;
  approvedVersion: number | null;
  state: SummaryState;
  /** The reporter's answers, oldest first: approved, or corrected with their correction. */
  answers: { version: number; kind: 'approved' | 'corrected'; at: string; correction?: string | undefined; erased: boolean }[];
}

export interface Conversation {
  conversationId: string;
  heldOn: string;
  minutes: number;
  mode: string;
  summary: SummaryOfConversation;
}

export interface LegalDuty {
  dutyId: string;
  reason: string;
  scope: string;
  referralType: string | null;
  explanation: string | undefined;
  at: string | undefined;
}

export interface CaseWork {
  conversations: Conversation[];
  consents: {
    consentId: string;
    scope: string;
    referralType: string | null;
    recordedBy: 'reporter' | 'advisor';
    status: 'given' | 'awaiting-confirmation' | 'withdrawn';
    heldOn?: string;
  }[];
  /** Where the law overrode the reporter's consent: the step, the reason, the advisor's explanation and when. */
  legalDuties: LegalDuty[];
  referrals: { referralId: string; referralType: string; at: string; basis: 'consent' | 'legal-duty' | 'none' }[];
  advice: { adviceId: string; text: string | undefined; at: string }[];
  formalReport: { at: string } | undefined;
  aftercare: { aftercareId: string; plannedFor: string; plan: string | undefined; done?: { note: string | undefined; at: string } }[];
  hours: { workedOn: string; minutes: number; activity: string }[];
  totalMinutes: number;
}

const of = (history: CaseEntry[], type: string) => history.filter((e) => e.type === type);

export function caseWorkOf(view: CaseView): CaseWork {
  const { history } = view;
  const shared = new Map((view.summaries ?? []).map((s) => [s.summaryId, s]));
  const versionsOf = (summaryId: string) => of(history, 'SummaryShared').filter((e) => e.data.summaryId === summaryId);
  const answersOf = (summaryId: string) =>
    history
      .filter((e) => (e.type === 'SummaryApproved' || e.type === 'SummaryCorrected') && e.data.summaryId === summaryId)
      .map((e) => {
        const corrected = e.type === 'SummaryCorrected';
        const correction = corrected ? textOf(e.data.sealedCorrection) : undefined;
        return {
          version: num(e.data.version, 1),
          kind: corrected ? ('corrected' as const) : ('approved' as const),
          at: str(corrected ? e.data.correctedAt : e.data.approvedAt) || e.recordedAt,
          ...(corrected ? { correction } : {}),
          erased: corrected && correction === undefined,
        };
      });

  const conversations = of(history, 'ConversationRecorded').map((e): Conversation => {
    const conversationId = str(e.data.conversationId);
    const versions = versionsOf(conversationId);
    const latest = versions.at(-1);
    const state = shared.get(conversationId);
    const answers = answersOf(conversationId);
    const version = state?.version ?? (latest ? num(latest.data.version, 1) : null);
    const lastAnswer = answers.at(-1);
    const summaryState: SummaryState =
      version === null
        ? 'not-shared'
        : lastAnswer?.version === version
          ? lastAnswer.kind === 'approved'
            ? 'approved'
            : 'corrected'
          : 'awaiting-answer';
    return {
      conversationId,
      heldOn: str(e.data.heldOn),
      minutes: num(e.data.minutes),
      mode: str(e.data.mode),
      summary: {
        summaryId: conversationId,
        text: latest ? textOf(latest.data.sealedSummary) : textOf(e.data.sealedSummary),
        version,
        approvedVersion: state?.approvedVersion ?? null,
        state: summaryState,
        answers,
      },
    };
  });

  const heldOnOf = new Map(conversations.map((c) => [c.conversationId, c.heldOn]));
  const recordedIn = new Map(of(history, 'ConsentRecorded').map((e) => [str(e.data.consentId), str(e.data.conversationId)]));
  const consents = (view.consents ?? []).map((c) => {
    const heldOn = heldOnOf.get(recordedIn.get(c.consentId) ?? '');
    return { ...c, ...(heldOn ? { heldOn } : {}) };
  });

  const done = new Map(
    of(history, 'AftercareRecorded').map((e) => [
      str(e.data.aftercareId),
      { note: textOf(e.data.sealedNote), at: str(e.data.recordedAt) || e.recordedAt },
    ]),
  );
  const hours = of(history, 'HoursLogged').map((e) => ({
    workedOn: str(e.data.workedOn),
    minutes: num(e.data.minutes),
    activity: str(e.data.activity),
  }));
  const formal = of(history, 'FormalReportSupported').at(-1);

  return {
    conversations,
    consents,
    legalDuties: (view.legalDuties ?? []).map((d) => {
      const invoked = of(history, 'LegalDutyInvoked').find((e) => e.data.dutyId === d.dutyId);
      return {
        ...d,
        explanation: invoked ? textOf(invoked.data.sealedExplanation) : undefined,
        at: invoked ? str(invoked.data.invokedAt) || invoked.recordedAt : undefined,
      };
    }),
    referrals: of(history, 'ReferralMade').map((e) => ({
      referralId: str(e.data.referralId),
      referralType: str(e.data.referralType),
      at: str(e.data.referredAt) || e.recordedAt,
      basis: e.data.consentId ? 'consent' : e.data.legalDutyId ? 'legal-duty' : 'none',
    })),
    advice: of(history, 'AdviceGiven').map((e) => ({
      adviceId: str(e.data.adviceId),
      text: textOf(e.data.sealedAdvice),
      at: str(e.data.givenAt) || e.recordedAt,
    })),
    formalReport: formal ? { at: str(formal.data.supportedAt) || formal.recordedAt } : undefined,
    aftercare: of(history, 'AftercarePlanned').map((e) => {
      const aftercareId = str(e.data.aftercareId);
      const completed = done.get(aftercareId);
      return {
        aftercareId,
        plannedFor: str(e.data.plannedFor),
        plan: textOf(e.data.sealedPlan),
        ...(completed ? { done: completed } : {}),
      };
    }),
    hours,
    totalMinutes: hours.reduce((sum, h) => sum + h.minutes, 0),
  };
}
