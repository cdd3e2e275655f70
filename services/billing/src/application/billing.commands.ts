import { Inject, Injectable } from '@nestjs/common';
import { type CommandContext } from '@vertrouwd/service-kit';
import { BillingAccount, type PriceListInput } from '../domain/account/billing-account.aggregate';
import type { BillingSettings } from '../domain/account/billing-account.events';
import { OrganisationUnknownError } from '../domain/billing.errors';
import { Subscription } from '../domain/subscription/subscription.aggregate';
import type { SubscriptionTerms } from '../domain/subscription/subscription.events';
import { AccountWork, BillingAccounts, SubscriptionWork, Subscriptions } from './billing.repositories';
import { BILLING_READS, type BillingReads } from './ports/billing-reads.port';

/** The coordinator's commands on the agency's billing account and its organisations' subscriptions. */
@Injectable()
export class BillingCommands {
  constructor(
    private readonly accounts: BillingAccounts,
    private readonly accountWork: AccountWork,
    private readonly subscriptions: Subscriptions,
    private readonly subscriptionWork: SubscriptionWork,
    @Inject(BILLING_READS) private readonly reads: BillingReads,
  ) {}

  /** Opens the account with its settings, or changes them. Returns whether it was opened now. */
  async configure(agencyId: string, settings: BillingSettings, context: CommandContext, at = new Date()): Promise<boolean> {
    if (await this.accountWork.exists(agencyId)) {
      await this.accountWork.run(agencyId, context, (account) => account.configure(agencyId, settings, at));
      return false;
    }
    const account = new BillingAccount();
    account.configure(agencyId, settings, at);
    if (await this.accountWork.create(account, context)) return true;
    await this.accountWork.run(agencyId, context, (existing) => existing.configure(agencyId, settings, at));
    return false;
  }

  async publishPrices(agencyId: string, input: PriceListInput, context: CommandContext, at = new Date()): Promise<number> {
    let version = 0;
    await this.accountWork.run(agencyId, context, (account) => {
      version = account.publishPrices(input, at);
    });
    return version;
  }

  async account(agencyId: string): Promise<BillingAccount | undefined> {
    return this.accounts.load(agencyId);
  }

  /** Starts a subscription for a client organisation of the agency, or changes its terms. Returns whether it started now. */
  async subscribe(
    agencyId: string,
    organisationId: string,
    startsOn: string,
    terms: SubscriptionTerms,
    context: CommandContext,
    at = new Date(),
  ): Promise<boolean> {
    const organisation = await this.reads.organisation(organisationId);
    if (!organisation || organisation.agencyId !== agencyId) throw new OrganisationUnknownError();
    if (await this.subscriptionWork.exists(organisationId)) {
      await this.subscriptionWork.run(organisationId, context, (subscription) => subscription.changeTerms(terms, at));
      return false;
    }
    const subscription = new Subscription();
    subscription.start(organisationId, agencyId, startsOn, terms, at);
    if (await this.subscriptionWork.create(subscription, context)) return true;
    await this.subscriptionWork.run(organisationId, context, (existing) => existing.changeTerms(terms, at));
    return false;
  }

  async endSubscription(organisationId: string, endsOn: string, context: CommandContext, at = new Date()): Promise<void> {
    await this.subscriptionWork.run(organisationId, context, (subscription) => subscription.end(endsOn, at));
  }

  async subscription(organisationId: string): Promise<Subscription | undefined> {
    return this.subscriptions.load(organisationId);
  }
}
