import type { CommandContext } from '@vertrouwd/service-kit';

/** The reporter asks for their own personal data (contact details, identity) to be erased. */
export class EraseReporterData {
  constructor(
    readonly caseId: string,
    readonly context: CommandContext,
  ) {}
}
