import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DEMO_USERS } from '@vertrouwd/auth';
import { noticeLanguage, type Recipient } from '@vertrouwd/notifications';
import { caseKey, type Sealer } from '@vertrouwd/privacy';
import { SEALER } from '@vertrouwd/runtime';
import { ReadModels } from '@vertrouwd/service-kit';
import type { RecipientDirectory } from '../application/ports/recipient-directory.port';

/** Each entry's address is sealed under a key of its own: erasing one person's address is shredding that key. */
export const directoryKey = (userId: string) => caseKey(`directory:${userId}`);

/** The demo users' addresses: opaque role labels at a domain that receives nothing. */
export const demoAddress = (username: string) => `${username}@demo.vertrouwd.test`;

interface Row {
  userId: string;
  language: string;
  sealedAddress: string;
}

/** The staff address book in case's database, addresses sealed; seeded with the demo advisors and coordinators. */
@Injectable()
export class SealedRecipientDirectory implements RecipientDirectory, OnApplicationBootstrap {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(SEALER) private readonly sealer: Sealer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const user of DEMO_USERS) {
      const role = user.roles.find((r) => r === 'advisor' || r === 'coordinator');
      if (!role || (await this.entry('user_id = $1', user.id))) continue;
      const sealedAddress = await this.sealer.seal(demoAddress(user.username), directoryKey(user.id));
      await this.readModels.dataSource.query(
        `insert into recipient_directory (user_id, role, agency_id, advisor_id, language, sealed_address)
         values ($1, $2, $3, $4, 'nl', $5) on conflict do nothing`,
        [user.id, role, user.agencyId ?? null, user.advisorId ?? null, sealedAddress],
      );
    }
  }

  async advisor(advisorId: string): Promise<Recipient | undefined> {
    return this.recipient(await this.entry('advisor_id = $1', advisorId));
  }

  async user(userId: string): Promise<Recipient | undefined> {
    return this.recipient(await this.entry('user_id = $1', userId));
  }

  async coordinatorsOf(agencyId: string): Promise<string[]> {
    const rows: { userId: string }[] = await this.readModels.dataSource.query(
      `select user_id as "userId" from recipient_directory where agency_id = $1 and role = 'coordinator' order by user_id`,
      [agencyId],
    );
    return rows.map((row) => row.userId);
  }

  private async entry(where: string, id: string): Promise<Row | undefined> {
    const rows: Row[] = await this.readModels.dataSource.query(
      `select user_id as "userId", language, sealed_address as "sealedAddress" from recipient_directory where ${where}`,
      [id],
    );
    return rows[0];
  }

  /** The address, unsealed for the send that asked; none when its key was shredded. */
  private async recipient(row: Row | undefined): Promise<Recipient | undefined> {
    if (!row) return undefined;
    const address = await this.sealer.unseal<string>(row.sealedAddress, { caseRef: directoryKey(row.userId).caseRef });
    return address.status === 'ok' ? { address: address.value, language: noticeLanguage(row.language) } : undefined;
  }
}
