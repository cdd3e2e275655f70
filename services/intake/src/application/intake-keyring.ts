import { Injectable } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import { KeyedHash } from '../domain/receipt/keyed-hash';

/** The service's secrets once loaded at start (infrastructure fills it before the app takes requests). */
@Injectable()
export class IntakeKeyring {
  private loaded: { hash: KeyedHash; proofKey: KeyObject; proofPublicKey: KeyObject } | undefined;

  load(hashSecret: Buffer, proofKey: KeyObject, proofPublicKey: KeyObject): void {
    this.loaded = { hash: new KeyedHash(hashSecret), proofKey, proofPublicKey };
  }

  get hash(): KeyedHash {
    return this.keys().hash;
  }

  get proofKey(): KeyObject {
    return this.keys().proofKey;
  }

  get proofPublicKey(): KeyObject {
    return this.keys().proofPublicKey;
  }

  private keys() {
    if (!this.loaded) throw new Error('the intake keyring is not loaded yet');
    return this.loaded;
  }
}
