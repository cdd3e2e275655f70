import { StaleVersionError } from '@vertrouwd/event-sourcing';
import type { CommandContext } from '@vertrouwd/service-kit';
import { Agency } from '../../domain/directory/agency.aggregate';
import { Counsellor } from '../../domain/directory/counsellor.aggregate';
import * as E from '../../domain/directory/directory.errors';
import { agencyId, anna, deactivated, onboarded, userId } from '../../domain/directory/directory.fixtures';
import type { AgencyWork, CounsellorWork } from '../directory.runners';
import type { MatchingDirectory, StaffAccounts } from '../ports/directory.port';
import { ReactivateCounsellor } from './counsellor.commands';
import { ReactivateCounsellorHandler } from './counsellor.handlers';

const context: CommandContext = { actor: 'coordinator', agencyId, correlationId: 'reactivation-test' };

/** Anna's stream as given, an agency that is active or not, and the accounts the handler enabled. */
function handlerWith(events: Parameters<Counsellor['rehydrate']>[0], agencyActive = true, changedMeanwhile = false) {
  const counsellor = new Counsellor();
  counsellor.rehydrate(events, events.length);
  const work = {
    // The append at the version read (expectedVersion) finds the stream moved when `changedMeanwhile`.
    run: async (_id: string, context: CommandContext, decide: (c: Counsellor) => unknown) => {
      if (changedMeanwhile && context.expectedVersion !== undefined) throw new StaleVersionError();
      return decide(counsellor);
    },
  };
  const agencies = {
    run: async (_id: string, _context: CommandContext, decide: (a: Agency) => unknown) =>
      decide({
        requireActive: () => {
          if (!agencyActive) throw new E.AgencySuspendedError();
        },
      } as Agency),
  };
  const directory = {} as MatchingDirectory;
  const enabled: string[] = [];
  const accounts: StaffAccounts = {
    ensureAccount: () => Promise.reject(new Error('not asked')),
    disableAccount: () => Promise.reject(new Error('not asked')),
    enableAccount: async (id) => void enabled.push(id),
  };
  const handler = new ReactivateCounsellorHandler(
    work as unknown as CounsellorWork,
    agencies as unknown as AgencyWork,
    directory,
    accounts,
  );
  return { handler, counsellor, enabled };
}

describe('ReactivateCounsellorHandler', () => {
  it('enables the account again and brings the counsellor back', async () => {
    const { handler, counsellor, enabled } = handlerWith([onboarded, deactivated]);
    await handler.execute(new ReactivateCounsellor(anna, context));
    expect(enabled).toEqual([userId]);
    expect(counsellor.uncommittedEvents()).toEqual([
      expect.objectContaining({ type: 'CounsellorReactivated', counsellorId: anna, version: 3 }),
    ]);
  });

  it('answers a counsellor who is active already with only the account step (a retry after it failed)', async () => {
    const { handler, counsellor, enabled } = handlerWith([onboarded]);
    await handler.execute(new ReactivateCounsellor(anna, context));
    expect(enabled).toEqual([userId]);
    expect(counsellor.uncommittedEvents()).toEqual([]);
  });

  it('refuses when the counsellor left or came back between the read and the append, and changes no account', async () => {
    const { handler, enabled } = handlerWith([onboarded, deactivated], true, true);
    await expect(handler.execute(new ReactivateCounsellor(anna, context))).rejects.toBeInstanceOf(E.CounsellorChangedMeanwhileError);
    expect(enabled).toEqual([]);
  });

  it('refuses while the agency is suspended, and changes no account', async () => {
    const { handler, counsellor, enabled } = handlerWith([onboarded, deactivated], false);
    await expect(handler.execute(new ReactivateCounsellor(anna, context))).rejects.toBeInstanceOf(E.AgencySuspendedError);
    expect(enabled).toEqual([]);
    expect(counsellor.uncommittedEvents()).toEqual([]);
  });
});
