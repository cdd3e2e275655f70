import type { ContractDefinition, PayloadOf } from './contract';
import type { IntegrationEvent } from './envelope';

/**
 * Whether an event (validated against its contract on consume) is one of `contract`'s: then its payload has the
 * contract's static type, with no cast. `if (isEvent(event, CaseOpenedV1)) event.payload.theme // a Theme`.
 */
export function isEvent<C extends ContractDefinition>(event: IntegrationEvent, contract: C): event is IntegrationEvent<PayloadOf<C>> {
  return event.type === contract.type && event.version === contract.version;
}

/** An integration event to publish (what a translator returns), its payload type-checked against the contract. */
export interface Outgoing<C extends ContractDefinition = ContractDefinition> {
  contract: C;
  payload: PayloadOf<C>;
}

/** `outgoing(CaseClosedV1, { caseId, outcome, closedAt })`: a wrong or missing field is a type error. */
export function outgoing<C extends ContractDefinition>(contract: C, payload: PayloadOf<C>): Outgoing<C> {
  return { contract, payload };
}
