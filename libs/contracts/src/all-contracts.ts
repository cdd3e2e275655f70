import type { ContractDefinition } from './contract';
import { CASE_CONTRACTS } from './case/case.contracts';
import { INTAKE_CONTRACTS } from './intake/intake.contracts';
import { MarkRecordedV1 } from './sample/mark-recorded.contract';

/** Every integration event contract of the platform. A new contract is added here. */
export const ALL_CONTRACTS: ContractDefinition[] = [MarkRecordedV1, ...INTAKE_CONTRACTS, ...CASE_CONTRACTS];
