/**
 * Wraps (encrypts) and unwraps the vault's data keys and audit secrets with a key the vault never
 * stores. The default is {@link MasterKeyWrapper}; a KMS adapter (AWS KMS `Encrypt`/`Decrypt`, Google
 * Cloud KMS, HashiCorp Vault transit) implements the same port, so the master key never enters the process.
 */
export interface KeyWrapper {
  /**
   * Identifies the wrapping key (a fingerprint, or a KMS key ARN). Stored with each wrapped key, so
   * a vault opened with the wrong master key fails with a clear error instead of garbage.
   */
  readonly keyId: string;
  /**
   * Encrypts `plainKey`, authenticating `context` with it (AAD, or a KMS encryption context):
   * a wrapped key copied to another row or purpose then fails to unwrap.
   */
  wrap(plainKey: Buffer, context: string): Promise<Buffer>;
  /** Decrypts what `wrap` returned for the same context; throws `KeyUnwrapError` otherwise. */
  unwrap(wrapped: Buffer, context: string): Promise<Buffer>;
  /**
   * During a master key rotation: the wrappers of earlier master keys, which still unwrap what they wrapped until
   * every key is wrapped again by this one (`rewrapVault`). New keys are always wrapped by this one.
   */
  readonly previous?: readonly KeyWrapper[];
}
