import { Inject, Optional, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { ReporterTokens } from '@vertrouwd/auth';
import { DATABASE_POOL } from '@vertrouwd/runtime';
import { parsePassphrase, parseReceiptCode } from '../../domain/receipt/receipt-code';
import { IntakeKeyring } from '../intake-keyring';
import { IntakeThrottles } from '../intake-throttles';
import { OpenFollowUp } from './open-follow-up.command';

const TOKEN_TTL_SEC = 900;

/** Receipt code + passphrase → a short-lived token for that case only. */
@CommandHandler(OpenFollowUp)
export class OpenFollowUpHandler implements ICommandHandler<OpenFollowUp, { token: string; caseId: string; expiresIn: number }> {
  constructor(
    private readonly keyring: IntakeKeyring,
    private readonly throttles: IntakeThrottles,
    @Inject(DATABASE_POOL) private readonly pool: Pool,
    @Optional() private readonly tokens?: ReporterTokens,
  ) {}

  async execute(command: OpenFollowUp): Promise<{ token: string; caseId: string; expiresIn: number }> {
    if (!this.tokens) throw new ServiceUnavailableException('Follow-up is not configured');
    // Throttled by the receipt's keyed hash (the code itself is never kept) and by client address. The attempt
    // counts as failed from the start, so attempts fired together are all counted; a match takes it back.
    const receiptHash = this.keyring.hash.hash('receipt', parseReceiptCode(command.receiptCode) ?? command.receiptCode);
    const { failedFollowUpsPerReceipt: perReceipt, failedFollowUpsPerClient: perClient } = this.throttles;
    const takeBack = this.throttles.take([perReceipt, receiptHash], [perClient, command.clientAddress]);

    const { rows } = await this.pool
      .query<{ case_id: string; passphrase_hash: string }>('select case_id, passphrase_hash from receipts where receipt_hash = $1', [
        receiptHash,
      ])
      .catch((error: unknown) => {
        takeBack();
        throw error;
      }); // our failure is not the reporter's attempt
    // Always one HMAC and one constant-time comparison, found or not: timing tells no receipt apart.
    const matches = this.keyring.hash.verify('passphrase', parsePassphrase(command.passphrase) ?? '', rows[0]?.passphrase_hash);
    if (!matches || !rows[0]) {
      // One answer for an unknown receipt and a wrong passphrase: nobody learns which receipts exist.
      throw new UnauthorizedException('The receipt code and passphrase do not match');
    }
    takeBack();
    return {
      token: await this.tokens.issue({ caseId: rows[0].case_id, ttlSec: TOKEN_TTL_SEC }),
      caseId: rows[0].case_id,
      expiresIn: TOKEN_TTL_SEC,
    };
  }
}
