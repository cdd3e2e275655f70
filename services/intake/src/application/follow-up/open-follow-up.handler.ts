import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ReporterTokens } from '@vertrouwd/auth';
import { parsePassphrase, parseReceiptCode } from '../../domain/receipt/receipt-code';
import { FollowUpUnavailableError, ReceiptNotMatchedError } from '../intake.errors';
import { IntakeKeyring } from '../intake-keyring';
import { IntakeThrottles } from '../intake-throttles';
import { INTAKE_READ_MODEL, type IntakeReadModel } from '../ports/intake-read-model.port';
import { OpenFollowUp } from './open-follow-up.command';

const TOKEN_TTL_SEC = 900;

/** Receipt code + passphrase → a short-lived token for that case only. */
@CommandHandler(OpenFollowUp)
export class OpenFollowUpHandler implements ICommandHandler<OpenFollowUp, { token: string; caseId: string; expiresIn: number }> {
  constructor(
    private readonly keyring: IntakeKeyring,
    private readonly throttles: IntakeThrottles,
    @Inject(INTAKE_READ_MODEL) private readonly readModel: IntakeReadModel,
    @Optional() private readonly tokens?: ReporterTokens,
  ) {}

  async execute(command: OpenFollowUp): Promise<{ token: string; caseId: string; expiresIn: number }> {
    if (!this.tokens) throw new FollowUpUnavailableError();
    // Throttled by the receipt's keyed hash (the code itself is never kept) and by client address, in the store every
    // replica shares. The attempt counts as failed from the start, so attempts fired together are all counted; a
    // match takes it back.
    const receiptHash = this.keyring.hash.hash('receipt', parseReceiptCode(command.receiptCode) ?? command.receiptCode);
    const takeBack = await this.throttles.takeFollowUp(receiptHash, command.clientAddress);

    const receipt = await this.readModel.receipt(receiptHash).catch(async (error: unknown) => {
      await takeBack(); // our failure is not the reporter's attempt
      throw error;
    });
    // Always one HMAC and one constant-time comparison, found or not: timing tells no receipt apart.
    const matches = this.keyring.hash.verify('passphrase', parsePassphrase(command.passphrase) ?? '', receipt?.passphraseHash);
    // One answer for an unknown receipt and a wrong passphrase: nobody learns which receipts exist.
    if (!matches || !receipt) throw new ReceiptNotMatchedError();
    await takeBack();
    return {
      token: await this.tokens.issue({ caseId: receipt.caseId, ttlSec: TOKEN_TTL_SEC }),
      caseId: receipt.caseId,
      expiresIn: TOKEN_TTL_SEC,
    };
  }
}
