import type { CommandContext } from '@vertrouwd/service-kit';

export class CloseBilling {
  constructor(
    readonly billingId: string,
    readonly context: CommandContext,
  ) {}
}
