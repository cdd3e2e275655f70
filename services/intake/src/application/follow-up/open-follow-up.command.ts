export class OpenFollowUp {
  constructor(
    readonly receiptCode: string,
    readonly passphrase: string,
    /** The caller's address: a key of the throttle only, never stored or logged. */
    readonly clientAddress: string,
  ) {}
}
