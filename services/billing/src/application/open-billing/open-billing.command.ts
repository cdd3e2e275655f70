import type { CommandContext } from '@vertrouwd/service-kit';

export class OpenBilling {
  constructor(
    readonly billingId: string,
    readonly agencyId: string,
    readonly context: CommandContext,
  ) {}
}
