import type { CommandContext } from '@vertrouwd/service-kit';
import { Counsellor } from '../../domain/directory/counsellor.aggregate';
import { agencyId, anna, onboarded, userId } from '../../domain/directory/directory.fixtures';
import type { CounsellorWork } from '../directory.runners';
import type { MatchingDirectory, StaffAccounts } from '../ports/directory.port';
import { DeactivateCounsellor } from './counsellor.commands';
import { DeactivateCounsellorHandler } from './counsellor.handlers';

const context: CommandContext = { actor: 'coordinator', agencyId, correlationId: 'deactivation-test' };

/** Anna's stream (onboarded), the directory's answer for her account, and the accounts the handler disabled. */
function handlerWith(otherActiveCounsellorOnAccount: boolean) {
  const counsellor = new Counsellor();
  counsellor.rehydrate([onboarded], 1);
  const work = { run: async (_id: string, _context: CommandContext, decide: (c: Counsellor) => unknown) => decide(counsellor) };
  const asked: unknown[][] = [];
  const directory = {
    accountInUse: async (...args: unknown[]) => (asked.push(args), otherActiveCounsellorOnAccount),
  } as Partial<MatchingDirectory> as MatchingDirectory;
  const disabled: string[] = [];
  const accounts: StaffAccounts = {
    ensureAccount: () => Promise.reject(new Error('not asked')),
    disableAccount: async (id) => void disabled.push(id),
    enableAccount: () => Promise.reject(new Error('not asked')),
  };
  const handler = new DeactivateCounsellorHandler(work as unknown as CounsellorWork, directory, accounts);
  return { handler, counsellor, asked, disabled };
}

describe('DeactivateCounsellorHandler', () => {
  it('deactivates the counsellor and disables their account', async () => {
    const { handler, counsellor, asked, disabled } = handlerWith(false);
    await handler.execute(new DeactivateCounsellor(anna, context));
    expect(counsellor.uncommittedEvents()).toEqual([expect.objectContaining({ type: 'CounsellorDeactivated', counsellorId: anna })]);
    expect(asked).toEqual([[agencyId, userId, anna]]);
    expect(disabled).toEqual([userId]);
  });

  it('keeps the account enabled while another active counsellor of the agency signs in with it', async () => {
    const { handler, counsellor, disabled } = handlerWith(true);
    await handler.execute(new DeactivateCounsellor(anna, context));
    expect(counsellor.uncommittedEvents()).toEqual([expect.objectContaining({ type: 'CounsellorDeactivated' })]);
    expect(disabled).toEqual([]);
  });
});
