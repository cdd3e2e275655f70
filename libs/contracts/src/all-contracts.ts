import type { ContractDefinition } from './contract';
import { MarkRecordedV1 } from './sample/mark-recorded.contract';

/** Every integration event contract of the platform. A new contract is added here. */
export const ALL_CONTRACTS: ContractDefinition[] = [MarkRecordedV1];
