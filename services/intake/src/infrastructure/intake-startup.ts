import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { PLATFORM, type Platform } from '@vertrouwd/runtime';
import { ReadModels } from '@vertrouwd/service-kit';
import { IntakeKeyring } from '../application/intake-keyring';
import { loadIntakeSecrets } from './intake-secrets';

/**
 * Before the first request (its tables migrated by then): the service's secrets into the keyring, created on the
 * first start. Nothing is seeded: the organisations and their counsellors come from matching's events.
 */
@Injectable()
export class IntakeStartup implements OnApplicationBootstrap {
  constructor(
    @Inject(PLATFORM) private readonly platform: Platform,
    private readonly readModels: ReadModels,
    private readonly keyring: IntakeKeyring,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const db = this.readModels.dataSource;
    const secrets = await loadIntakeSecrets(db, this.platform.privacy.sealer);
    this.keyring.load(secrets.hashSecret, secrets.proofKey, secrets.proofPublicKey);
  }
}
