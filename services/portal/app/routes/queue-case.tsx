import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { data, Form, redirect } from 'react-router';
import { attention } from '../api/case.server';
import { assignCase } from '../api/case-assignment.server';
import { counsellors, matchOfCase, type MatchRound, type Verdict } from '../api/matching.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { idParam, untilVisible } from '../api/problem.server';
import { nameOf, Notice, RefusalSummary, Select, text, valuesOf, type FormRefusal } from '../ui/coordinator-form';
import { PageTitle, refOf, useFormat } from '../ui/format';
import type { Route } from './+types/queue-case';

/**
 * One case of the coordinator's queue: matching's decision in every round explained in words (what the reporter
 * asked for, who was considered, the rules that left each out, the pool's scores), and, while it waits, the form to
 * assign it to a counsellor. Metadata only: matching holds nothing the reporter wrote.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'queue');
  if (!user.agencyId) throw data(null, { status: 403 });
  // Another agency's case, or one matching never saw: 404 from matching, before anything else is read.
  const rounds = await matchOfCase(accessToken, user.agencyId, idParam(params.caseId));
  const [people, queue] = await Promise.all([counsellors(accessToken, user.agencyId), attention(accessToken, user.agencyId)]);
  const done = new URL(request.url).searchParams.get('done');
  return {
    caseId: params.caseId,
    rounds,
    names: Object.fromEntries(people.map((c) => [c.counsellorId, c.name ?? c.username])),
    active: people.filter((c) => c.status === 'active').map((c) => ({ value: c.counsellorId, label: c.name ?? c.username })),
    waiting: queue.waitingForAssignment.some((c) => c.caseId === params.caseId),
    assigned: done === 'assigned',
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'queue');
  if (!user.agencyId) throw data(null, { status: 403 });
  const form = await request.formData();
  if (text(form, 'intent') !== 'assign') throw data(null, { status: 400 });
  const agencyId = user.agencyId;
  const caseId = idParam(params.caseId);
  const outcome = await assignCase(accessToken, agencyId, caseId, text(form, 'advisorId'));
  if (outcome.ok) {
    await untilVisible(async () => !(await attention(accessToken, agencyId)).waitingForAssignment.some((c) => c.caseId === caseId));
    return redirect(`/${params.lang}/queue/${caseId}?done=assigned`, 303);
  }
  return data<FormRefusal>({ intent: 'assign', refusal: outcome.refusal, values: valuesOf(form) }, { status: 422 });
}

export default function QueueCase({ loaderData, actionData, params }: Route.ComponentProps) {
  const { intl } = useFormat();
  const c = loaderData;
  const title = intl.formatMessage({ id: 'coordinator.match.title' }, { ref: refOf(c.caseId) });
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle title={actionData ? `${intl.formatMessage({ id: 'coordinator.errorTitle' })}: ${title}` : title} />
      <h1 className="utrecht-heading-1">{title}</h1>
      {c.assigned ? (
        <Notice>
          <FormattedMessage id="coordinator.match.assignedNotice" />
        </Notice>
      ) : null}
      <p className="utrecht-paragraph">
        <FormattedMessage id="coordinator.match.intro" />
      </p>
      {c.waiting ? (
        <section className="portal-section" aria-labelledby="assign">
          <h2 className="utrecht-heading-2" id="assign">
            <FormattedMessage id="coordinator.match.assign" />
          </h2>
          <Form method="post" action={`/${params.lang}/queue/${c.caseId}`} className="portal-form">
            <input type="hidden" name="intent" value="assign" />
            <RefusalSummary
              refused={actionData}
              intent="assign"
              labels={{ advisorId: intl.formatMessage({ id: 'coordinator.match.assignTo' }) }}
            />
            <Select
              intent="assign"
              name="advisorId"
              label={intl.formatMessage({ id: 'coordinator.match.assignTo' })}
              options={c.active}
              refused={actionData}
            />
            <button type="submit" className="utrecht-button utrecht-button--primary-action">
              <FormattedMessage id="coordinator.match.assignSubmit" />
            </button>
          </Form>
        </section>
      ) : null}
      {c.rounds.map((round) => (
        <Round key={round.round} round={round} names={c.names} />
      ))}
    </main>
  );
}

function Round({ round, names }: { round: MatchRound; names: Record<string, string | null> }) {
  const { intl, moment, day, label } = useFormat();
  const who = (id: string | null | undefined) => nameOf(names, id);
  const rule = (code: string) => label('coordinator.exclusion', code);
  const heading = `round-${round.round}`;
  const r = round.request;
  const e = round.explanation;
  return (
    <section className="portal-section" aria-labelledby={heading} data-testid={heading}>
      <h2 className="utrecht-heading-2" id={heading}>
        <FormattedMessage id="coordinator.match.round" values={{ round: round.round }} />
      </h2>
      <p className="utrecht-paragraph" data-testid={`${heading}-decision`}>
        {round.outcome === 'matched'
          ? intl.formatMessage(
              { id: 'coordinator.match.matched' },
              { name: who(round.counsellorId), tier: label('coordinator.tier', round.tier ?? ''), date: moment(round.decidedAt) },
            )
          : intl.formatMessage(
              { id: 'coordinator.match.unmatched' },
              { reason: label('coordinator.reason', round.reason ?? ''), date: moment(round.decidedAt) },
            )}
      </p>
      {round.declined ? (
        <p className="utrecht-paragraph">
          {intl.formatMessage(
            { id: 'coordinator.match.declined' },
            {
              name: who(round.counsellorId),
              date: day(round.declined.at),
              with: label('coordinator.conflictWith', round.declined.conflictWith),
            },
          )}
        </p>
      ) : null}
      {r ? (
        <>
          <h3 className="utrecht-heading-3">
            <FormattedMessage id="coordinator.match.request" />
          </h3>
          <dl className="portal-details">
            <Item term="coordinator.match.language">{label('coordinator.language', r.language)}</Item>
            <Item term="coordinator.match.gender">{label('coordinator.gender', r.preferredGender)}</Item>
            <Item term="coordinator.match.kind">{label('coordinator.kind', r.preferredKind)}</Item>
            <Item term="coordinator.match.chosen">
              {r.preferredCounsellorId ? who(r.preferredCounsellorId) : intl.formatMessage({ id: 'coordinator.match.nobodyChosen' })}
            </Item>
            <Item term="coordinator.match.window">
              {intl.formatMessage(
                { id: 'coordinator.match.windowDays' },
                { from: day(r.acknowledgementWindow.from), until: day(r.acknowledgementWindow.until) },
              )}
            </Item>
            {r.declinedIds.length > 0 ? <Item term="coordinator.match.declinedBy">{r.declinedIds.map(who).join(', ')}</Item> : null}
          </dl>
        </>
      ) : null}
      {e ? (
        <>
          <h3 className="utrecht-heading-3">
            <FormattedMessage id="coordinator.match.candidates" />
          </h3>
          <p className="utrecht-paragraph">
            <FormattedMessage
              id="coordinator.match.considered"
              values={{ count: e.considered, ruleSet: <span dir="ltr">{e.ruleSet}</span> }}
            />
          </p>
          {e.named.length > 0 ? (
            <div className="portal-table-scroll">
              <table className="utrecht-table" data-testid={`${heading}-named`}>
                <caption className="utrecht-table__caption">
                  <FormattedMessage id="coordinator.match.namedCaption" />
                </caption>
                <thead className="utrecht-table__header">
                  <tr className="utrecht-table__row">
                    {['coordinator.match.candidate', 'coordinator.match.tier', 'coordinator.match.verdict'].map((id) => (
                      <th key={id} scope="col" className="utrecht-table__header-cell">
                        <FormattedMessage id={id} />
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="utrecht-table__body">
                  {e.named.map((v, i) => (
                    <tr key={`${v.counsellorId}-${i}`} className="utrecht-table__row">
                      <th scope="row" className="utrecht-table__header-cell">
                        {who(v.counsellorId)}
                      </th>
                      <td className="utrecht-table__cell">{label('coordinator.tier', v.tier)}</td>
                      <td className="utrecht-table__cell">{verdictText(v, round, rule, intl)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <h3 className="utrecht-heading-3">
            <FormattedMessage id="coordinator.match.pool" />
          </h3>
          <p className="utrecht-paragraph">
            <FormattedMessage id="coordinator.match.poolConsidered" values={{ count: e.pool.considered }} />
          </p>
          {Object.keys(e.pool.excluded).length > 0 ? (
            <ul className="portal-list">
              {Object.entries(e.pool.excluded).map(([code, count]) => (
                <li key={code}>
                  <FormattedMessage id="coordinator.match.poolExcluded" values={{ count, rule: rule(code) }} />
                </li>
              ))}
            </ul>
          ) : null}
          {e.pool.best.length > 0 ? <PoolScores best={e.pool.best} who={who} /> : null}
        </>
      ) : null}
    </section>
  );
}

function verdictText(v: Verdict, round: MatchRound, rule: (code: string) => string, intl: ReturnType<typeof useFormat>['intl']): string {
  if (v.excludedBy.length > 0)
    return intl.formatMessage({ id: 'coordinator.match.excluded' }, { rules: v.excludedBy.map(rule).join('; ') });
  if (round.outcome === 'matched' && round.counsellorId === v.counsellorId)
    return intl.formatMessage({ id: 'coordinator.match.chosenOne' });
  return intl.formatMessage({ id: 'coordinator.match.suitableNotChosen' });
}

function PoolScores({ best, who }: { best: Verdict[]; who: (id: string) => string }) {
  const { intl } = useFormat();
  const signed = (n: number) => intl.formatNumber(n, { signDisplay: 'exceptZero', maximumFractionDigits: 1 });
  return (
    <div className="portal-table-scroll">
      <table className="utrecht-table">
        <caption className="utrecht-table__caption">
          <FormattedMessage id="coordinator.match.bestCaption" />
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {['candidate', 'score', 'specialism', 'languages', 'region', 'load'].map((id) => (
              <th key={id} scope="col" className="utrecht-table__header-cell">
                <FormattedMessage id={`coordinator.match.${id}`} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {best.map((v) => (
            <tr key={v.counsellorId} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                {who(v.counsellorId)}
              </th>
              <td className="utrecht-table__cell utrecht-table__cell--numeric">
                {intl.formatNumber(v.score ?? 0, { maximumFractionDigits: 1 })}
              </td>
              {(['specialism', 'languages', 'region', 'load'] as const).map((part) => (
                <td key={part} className="utrecht-table__cell utrecht-table__cell--numeric">
                  {signed(v.parts?.[part] ?? 0)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>
        <FormattedMessage id={term} />
      </dt>
      <dd>{children}</dd>
    </div>
  );
}
