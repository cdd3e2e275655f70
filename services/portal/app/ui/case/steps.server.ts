import * as work from '../../api/case-work.server';
import { ACTIVITIES, CONSENT_SCOPES, CONVERSATION_MODES, LEGAL_DUTY_REASONS, REFERRAL_TYPES } from '../../api/case-values';
import type { FieldError, StepRefusal } from './step-form';

// The case page's steps beyond acknowledge, reply and close: each form's fields checked on the portal's server
// first (so a bad form is said, field by field, without a call), then posted to the case service with the
// advisor's token. A refusal comes back to the same form with the fields named and what was typed kept.

export const STEPS = [
  'conversation',
  'share',
  'revise',
  'advice',
  'consent',
  'legal-duty',
  'referral',
  'formal-report',
  'aftercare',
  'aftercare-done',
  'hours',
  'transfer',
  'reveal',
  'consult',
] as const;
export type StepIntent = (typeof STEPS)[number];

export const isStep = (intent: string): intent is StepIntent => (STEPS as readonly string[]).includes(intent);

type Check = 'text' | 'id' | 'day' | 'minutes' | readonly string[];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A case rule's refusal that is about one field of the form: said at that field. */
const RULE_FIELDS: Record<string, string> = {
  HoursInFutureError: 'workedOn',
  HoursNotPositiveError: 'minutes',
  ConversationInvalidError: 'heldOn',
  ConsentTargetInvalidError: 'referralType',
  ConversationNotFoundError: 'conversationId',
  SummaryNotRevisedError: 'summary',
  TransferToSameAdvisorError: 'toAdvisorId',
  ConsultationOfSelfError: 'colleagueId',
};

/** The colleague a form names (handover, reveal, consultation): where "cannot act on the case" is said. */
const COLLEAGUE_FIELDS = ['toAdvisorId', 'viewerId', 'colleagueId'];

function read(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** The fields of a form checked: what was typed (kept to show again) and what is wrong with which field. */
export function checked(form: FormData, checks: Record<string, Check>, optional: string[] = []) {
  const values: Record<string, string> = {};
  const errors: Record<string, FieldError> = {};
  for (const [name, check] of Object.entries(checks)) {
    const value = read(form, name);
    values[name] = value;
    if (!value) {
      if (!optional.includes(name)) errors[name] = 'required';
    } else if (check === 'day' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) errors[name] = 'day';
    else if (check === 'minutes' && !(/^\d{1,4}$/.test(value) && Number(value) >= 1 && Number(value) <= 1440)) errors[name] = 'minutes';
    else if (check === 'text' && value.length > 10_000) errors[name] = 'long';
    else if (check === 'id' && !UUID.test(value)) errors[name] = 'choice';
    else if (Array.isArray(check) && !check.includes(value)) errors[name] = 'choice';
  }
  return { values, errors };
}

/** The id a form carries in a hidden field (a summary, an aftercare plan): its form is keyed by it. */
const itemOf = (form: FormData, name: string) => read(form, name);

/**
 * Runs one step: undefined when it was done (the page redirects), else the refusal to show at its form. The form's
 * key names the form on the page (`revise:<summaryId>`: one form per summary).
 */
export async function runStep(token: string, caseId: string, intent: StepIntent, form: FormData): Promise<StepRefusal | undefined> {
  const item =
    intent === 'share' || intent === 'revise' ? itemOf(form, 'summaryId') : intent === 'aftercare-done' ? itemOf(form, 'aftercareId') : '';
  const key = item ? `${intent}:${item}` : intent;
  const plan = planOf(intent, form);
  if (Object.keys(plan.errors).length > 0) return { form: key, errors: plan.errors, values: plan.values };
  const outcome = await plan.run(token, caseId, item);
  if (outcome.ok) return undefined;
  const errors: Record<string, FieldError> = {};
  for (const field of outcome.fields) if (field in plan.values) errors[field] = 'invalid';
  const ruleField =
    outcome.rule === 'AdvisorCannotActError'
      ? COLLEAGUE_FIELDS.find((f) => f in plan.values)
      : outcome.rule
        ? RULE_FIELDS[outcome.rule]
        : undefined;
  const at = ruleField === 'workedOn' && intent === 'conversation' ? 'heldOn' : ruleField;
  if (at && at in plan.values) errors[at] = 'rule';
  return {
    form: key,
    errors,
    values: plan.values,
    status: outcome.status,
    ...(outcome.rule ? { rule: outcome.rule } : {}),
  };
}

function planOf(intent: StepIntent, form: FormData) {
  const none = { values: {}, errors: {} };
  switch (intent) {
    case 'conversation': {
      const c = checked(form, { heldOn: 'day', minutes: 'minutes', mode: CONVERSATION_MODES, summary: 'text' });
      const { heldOn, minutes, mode, summary } = c.values;
      return { ...c, run: (t: string, id: string) => work.recordConversation(t, id, { heldOn, minutes: Number(minutes), mode, summary }) };
    }
    case 'share':
      return { ...none, run: (t: string, id: string, summaryId: string) => work.shareSummary(t, id, summaryId) };
    case 'revise': {
      const c = checked(form, { summary: 'text' });
      return { ...c, run: (t: string, id: string, summaryId: string) => work.reviseSummary(t, id, summaryId, c.values.summary) };
    }
    case 'advice': {
      const c = checked(form, { text: 'text' });
      return { ...c, run: (t: string, id: string) => work.giveAdvice(t, id, c.values.text) };
    }
    case 'consent': {
      const referral = read(form, 'scope') === 'referral';
      const c = checked(
        form,
        { conversationId: 'text', scope: CONSENT_SCOPES, referralType: REFERRAL_TYPES },
        referral ? [] : ['referralType'],
      );
      const { conversationId, scope, referralType } = c.values;
      // A formal report names no target: one chosen anyway is not sent.
      const body = { conversationId, scope, ...(referral ? { referralType } : {}) };
      return { ...c, run: (t: string, id: string) => work.recordConsent(t, id, body) };
    }
    case 'legal-duty': {
      const referral = read(form, 'scope') === 'referral';
      const c = checked(
        form,
        { reason: LEGAL_DUTY_REASONS, scope: CONSENT_SCOPES, referralType: REFERRAL_TYPES, explanation: 'text' },
        referral ? [] : ['referralType'],
      );
      const { reason, scope, referralType, explanation } = c.values;
      // As a consent: a formal report names no target, one chosen anyway is not sent.
      const body = { reason, scope, explanation, ...(referral ? { referralType } : {}) } as work.LegalDutyBody;
      return { ...c, run: (t: string, id: string) => work.invokeLegalDuty(t, id, body) };
    }
    case 'referral': {
      const c = checked(form, { referralType: REFERRAL_TYPES });
      return { ...c, run: (t: string, id: string) => work.makeReferral(t, id, c.values.referralType) };
    }
    case 'formal-report':
      return { ...none, run: (t: string, id: string) => work.supportFormalReport(t, id) };
    case 'aftercare': {
      const c = checked(form, { plannedFor: 'day', plan: 'text' });
      return { ...c, run: (t: string, id: string) => work.planAftercare(t, id, { plannedFor: c.values.plannedFor, plan: c.values.plan }) };
    }
    case 'aftercare-done': {
      const c = checked(form, { note: 'text' });
      return { ...c, run: (t: string, id: string, aftercareId: string) => work.recordAftercare(t, id, aftercareId, c.values.note) };
    }
    case 'hours': {
      const c = checked(form, { workedOn: 'day', minutes: 'minutes', activity: ACTIVITIES });
      const { workedOn, minutes, activity } = c.values;
      return { ...c, run: (t: string, id: string) => work.logHours(t, id, { workedOn, minutes: Number(minutes), activity }) };
    }
    case 'transfer': {
      const c = checked(form, { toAdvisorId: 'id', reason: 'text' });
      const { toAdvisorId, reason } = c.values;
      return { ...c, run: (t: string, id: string) => work.transferCase(t, id, { toAdvisorId, reason }) };
    }
    case 'reveal': {
      const c = checked(form, { viewerId: 'id', reason: 'text' });
      const { viewerId, reason } = c.values;
      return { ...c, run: (t: string, id: string) => work.requestReveal(t, id, { viewerId, reason }) };
    }
    case 'consult': {
      const c = checked(form, { colleagueId: 'id', question: 'text' });
      const { colleagueId, question } = c.values;
      return { ...c, run: (t: string, id: string) => work.consultColleague(t, id, { colleagueId, question }) };
    }
  }
}
