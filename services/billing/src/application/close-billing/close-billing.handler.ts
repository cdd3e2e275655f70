import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BillingWork } from '../billing-work';
import { CloseBilling } from './close-billing.command';

@CommandHandler(CloseBilling)
export class CloseBillingHandler implements ICommandHandler<CloseBilling, void> {
  constructor(private readonly work: BillingWork) {}

  execute(command: CloseBilling): Promise<void> {
    return this.work.run(command.billingId, command.context, (aggregate) => aggregate.close(new Date()));
  }
}
