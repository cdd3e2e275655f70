import type { CommandContext } from '@vertrouwd/service-kit';
import type { SubmittableTheme } from '../../domain/report/report-scope';
import type { AdvisorGender, AdvisorKind, Anonymity, ContactChannel, Relation, Site } from '../../domain/report/report.events';
import type { FormLanguage } from '../../i18n/translations';

export interface ContactDetails {
  channel: ContactChannel;
  email?: string;
  phone?: string;
}

export class SubmitReport {
  constructor(
    readonly intakeCode: string,
    readonly theme: SubmittableTheme,
    readonly relation: Relation,
    /** Plaintext only until the handler seals it. */
    readonly account: string,
    readonly anonymity: Anonymity,
    readonly contact: ContactDetails,
    readonly identity: { name: string } | undefined,
    readonly language: FormLanguage,
    /** `counsellorId`: one of the counsellors the organisation's page lists, chosen by the reporter. */
    readonly preferences: { advisorGender: AdvisorGender; advisorKind: AdvisorKind; counsellorId?: string },
    readonly consentVersion: string,
    readonly context: CommandContext,
    /** One of the provinces the organisation's page lists as its sites (optional). */
    readonly site?: Site,
    /**
     * The client (its address, as `ClientAddresses.keyOf` gives it) whose submission limit the report counts
     * against, in the report's own transaction. The HTTP edge always gives it; absent only where the platform
     * itself submits (the demo's past year), which no limit applies to.
     */
    readonly client?: string,
  ) {}
}
