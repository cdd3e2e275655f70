import type { Translated } from '@vertrouwd/messaging';
import type { BillingEvent } from '../../domain/billing/billing.events';

/**
 * Domain events → integration events: the one place that decides what leaves the service. Nothing is published yet:
 * define a contract in libs/contracts (`billing.<event>.v1`), list it under `publishes` in service.manifest.json,
 * and return `[{ contract, payload }]` here. The switch is exhaustive: a new event type fails the type check.
 */
export function translateBillingEvent(event: BillingEvent): Translated[] {
  switch (event.type) {
    case 'BillingOpened':
    case 'BillingClosed':
      return [];
  }
}
