// Every message here is safe to log and to return in an error body: no plaintext, no key material, no
// subject or case reference (those are the caller's to know). Random key ids may appear: they link to
// nothing outside the vault.

/** Base of every error raised by `@vertrouwd/privacy`. */
export class PrivacyError extends Error {}

/** `PRIVACY_MASTER_KEY` or the master key file is missing, malformed or too widely readable. */
export class MasterKeyConfigError extends PrivacyError {
  override readonly name = 'MasterKeyConfigError';
}

/** The vault's keys are wrapped by another master key than the one this process was given. */
export class MasterKeyMismatchError extends PrivacyError {
  override readonly name = 'MasterKeyMismatchError';

  constructor(
    readonly vaultMasterKeyId: string,
    readonly processMasterKeyId: string,
  ) {
    super(
      `The key vault is wrapped by master key ${vaultMasterKeyId}, this process has ${processMasterKeyId}: ` +
        'set PRIVACY_MASTER_KEY (or the master key file) to the key the vault was created with',
    );
  }
}

/** A wrapped key failed authentication: the wrong master key, or a corrupted vault row. */
export class KeyUnwrapError extends PrivacyError {
  override readonly name = 'KeyUnwrapError';

  constructor() {
    super('A wrapped key could not be unwrapped: wrong master key or corrupted vault row');
  }
}

/** Sealing was asked for a subject or case whose keys have been shredded: erasure is final. */
export class AlreadyShreddedError extends PrivacyError {
  override readonly name = 'AlreadyShreddedError';

  constructor(readonly scope: 'subject' | 'case') {
    super(`The ${scope === 'case' ? "case's" : "subject's"} keys have been shredded: nothing more can be sealed for it`);
  }
}

/** A sealed value names a key id this vault has never held (another environment's data?). */
export class UnknownKeyError extends PrivacyError {
  override readonly name = 'UnknownKeyError';

  constructor(readonly keyId?: string) {
    super(keyId ? `Key ${keyId} is not in this key vault` : 'Not a key id of this key vault');
  }
}

/** The string is not a sealed value of a version this library reads. */
export class MalformedSealedValueError extends PrivacyError {
  override readonly name = 'MalformedSealedValueError';

  constructor() {
    super('Not a well-formed sealed value');
  }
}

/** The ciphertext, its IV or its key id was altered: AES-GCM authentication failed. */
export class SealedValueTamperedError extends PrivacyError {
  override readonly name = 'SealedValueTamperedError';

  constructor(readonly keyId: string) {
    super(`A value sealed under key ${keyId} failed authentication: it was altered or moved`);
  }
}

/** A reference (case, subject, audit) is not an opaque id: names and e-mail addresses are refused. */
export class InvalidRefError extends PrivacyError {
  override readonly name = 'InvalidRefError';

  constructor(readonly field: string) {
    super(`${field} must be an opaque id: 1 to 128 letters, digits, '.', '_', ':' or '-'`);
  }
}

/** Pseudonyms were asked for an audit that has ended: its secret is shredded. */
export class AuditEndedError extends PrivacyError {
  override readonly name = 'AuditEndedError';

  constructor() {
    super('The audit has ended: its pseudonym secret is shredded');
  }
}
