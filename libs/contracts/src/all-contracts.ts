import type { ContractDefinition } from './contract';
import { BILLING_CONTRACTS } from './billing/billing.contracts';
import { CASE_CONTRACTS } from './case/case.contracts';
import { INTAKE_CONTRACTS } from './intake/intake.contracts';
import { MATCHING_CONTRACTS } from './matching/matching.contracts';

/** Every integration event contract of the platform. A new contract is added here. */
export const ALL_CONTRACTS: ContractDefinition[] = [...INTAKE_CONTRACTS, ...CASE_CONTRACTS, ...MATCHING_CONTRACTS, ...BILLING_CONTRACTS];
