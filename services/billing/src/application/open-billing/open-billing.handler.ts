import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Billing } from '../../domain/billing/billing.aggregate';
import { BillingWork } from '../billing-work';
import { OpenBilling } from './open-billing.command';

@CommandHandler(OpenBilling)
export class OpenBillingHandler implements ICommandHandler<OpenBilling, void> {
  constructor(private readonly work: BillingWork) {}

  async execute(command: OpenBilling): Promise<void> {
    const aggregate = new Billing();
    aggregate.open(command.billingId, command.agencyId, new Date());
    await this.work.create(aggregate, command.context);
  }
}
