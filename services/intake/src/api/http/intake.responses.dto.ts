// What intake answers, for its OpenAPI document (and so the web services' generated types). The handlers declare
// these classes as their return types: an answer that loses or retypes a documented field does not compile.
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { ADVISOR_KINDS } from '@vertrouwd/contracts';
import { FORM_LANGUAGES } from '../../i18n/translations';

const DIRECTIONS = ['ltr', 'rtl'];

export class TitledText {
  @ApiProperty() title!: string;
  @ApiProperty() text!: string;
}

export class TitledList {
  @ApiProperty() title!: string;
  @ApiProperty({ type: [String] }) items!: string[];
}

export class Confidentiality extends TitledText {
  @ApiProperty({ type: [String], description: 'The limits of confidentiality, one sentence each' }) limits!: string[];
}

export class ExternalReporting extends TitledText {
  @ApiProperty({ type: [String] }) where!: string[];
}

export class WhereToGo {
  @ApiProperty() title!: string;
  @ApiProperty() whereToGo!: string;
}

export class OutOfScopeTexts {
  @ApiProperty({ type: WhereToGo }) workload!: WhereToGo;
}

export class Choice {
  @ApiProperty() value!: string;
  @ApiProperty() label!: string;
}

export class ThemeChoice {
  @ApiProperty() theme!: string;
  @ApiProperty() label!: string;
  @ApiProperty() description!: string;
}

export class PageOrganisation {
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String], description: 'The languages the organisation speaks' }) languages!: string[];
}

export class ConsentParagraphs {
  @ApiProperty() title!: string;
  @ApiProperty({ type: [String] }) paragraphs!: string[];
}

export class PageConsent extends ConsentParagraphs {
  @ApiProperty({ description: 'Send it back as `consentVersion` with the report' }) version!: string;
}

export class FormTexts {
  @ApiProperty() title!: string;
  @ApiProperty() intro!: string;
}

export class ReceiptTexts {
  @ApiProperty() keep!: string;
  @ApiProperty() proof!: string;
}

export class PageTexts {
  @ApiProperty({ type: FormTexts }) form!: FormTexts;
  @ApiProperty({ type: ReceiptTexts }) receipt!: ReceiptTexts;
}

export class CounsellorTasks {
  @ApiProperty({ type: [String] }) does!: string[];
  @ApiProperty({ type: [String] }) doesNot!: string[];
}

export class ListedCounsellorView {
  @ApiProperty({ format: 'uuid', description: 'Send it as `preferences.counsellorId` to choose this counsellor' })
  counsellorId!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional() introduction?: string;
  @ApiProperty({ enum: ADVISOR_KINDS }) kind!: string;
  @ApiProperty({ description: '`kind` in the page language' }) kindLabel!: string;
  @ApiProperty() gender!: string;
  @ApiProperty({ type: [String] }) languages!: string[];
}

export class SiteQuestion {
  @ApiProperty() question!: string;
  @ApiProperty() hint!: string;
  @ApiProperty({ type: [Choice], description: "The provinces of the organisation's sites; empty: do not ask" }) options!: Choice[];
}

export class Questions {
  @ApiProperty() theme!: string;
  @ApiProperty() relation!: string;
  @ApiProperty() account!: string;
  @ApiProperty() anonymity!: string;
  @ApiProperty() contactChannel!: string;
  @ApiProperty() email!: string;
  @ApiProperty() phone!: string;
  @ApiProperty() identityName!: string;
  @ApiProperty() language!: string;
  @ApiProperty() advisorGender!: string;
  @ApiProperty() advisorKind!: string;
  @ApiProperty() advisorChoice!: string;
  @ApiProperty() consent!: string;
}

/** `GET /intake/:intakeCode`: everything the public intake page shows, in one language (docs/intake/intake-page.md). */
export class IntakePageView {
  @ApiProperty({ type: PageOrganisation }) organisation!: PageOrganisation;
  @ApiProperty({ enum: FORM_LANGUAGES }) language!: string;
  @ApiProperty({ enum: DIRECTIONS }) direction!: string;
  @ApiProperty({ enum: FORM_LANGUAGES, isArray: true }) formLanguages!: string[];
  @ApiProperty({ type: OutOfScopeTexts, description: 'What is not for the counsellor, and where to go instead' })
  outOfScope!: OutOfScopeTexts;
  @ApiProperty({ type: TitledText }) framing!: TitledText;
  @ApiProperty({ type: TitledList }) nextSteps!: TitledList;
  @ApiProperty({ type: TitledText }) anonymousContact!: TitledText;
  @ApiProperty({ type: Confidentiality }) confidentiality!: Confidentiality;
  @ApiProperty({ type: ExternalReporting }) externalReporting!: ExternalReporting;
  @ApiProperty({ type: Questions, description: "The form's questions, by field" }) questions!: Questions;
  @ApiProperty({ type: PageConsent }) consent!: PageConsent;
  @ApiProperty({ type: PageTexts }) text!: PageTexts;
  @ApiProperty({ type: [ThemeChoice] }) themes!: ThemeChoice[];
  @ApiProperty({ type: CounsellorTasks }) counsellor!: CounsellorTasks;
  @ApiProperty({ type: [ListedCounsellorView] }) counsellors!: ListedCounsellorView[];
  @ApiProperty({ type: [Choice] }) relations!: Choice[];
  @ApiProperty({ type: SiteQuestion }) site!: SiteQuestion;
  @ApiProperty({ type: [Choice] }) anonymity!: Choice[];
  @ApiProperty({ type: [Choice] }) contactOptions!: Choice[];
  @ApiProperty({ type: [Choice] }) advisorGenders!: Choice[];
}

/** `GET /intake/consent-texts/:version`. */
export class ConsentTextView extends ConsentParagraphs {
  @ApiProperty() version!: string;
  @ApiProperty({ enum: FORM_LANGUAGES }) language!: string;
  @ApiProperty({ enum: DIRECTIONS }) direction!: string;
}

export class ProofView {
  @ApiProperty({ description: 'SHA-256 (hex) of the canonical receipt code' }) receiptHash!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ description: 'Ed25519 (base64url) over receiptHash and submittedAt' }) signature!: string;
  @ApiProperty({ description: 'The proof key that signed it (`GET /intake/proof-key`)' }) keyId!: string;
}

/** `POST /intake/:intakeCode/reports` 201: shown once; a replay with the same Idempotency-Key answers without the secrets. */
export class ReceiptView {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'ABCD-EFGH-JKMN-PQRS-TVWX', description: 'Given once, never stored in the clear' }) receiptCode!: string;
  @ApiProperty({ description: 'Given once, never stored in the clear' }) passphrase!: string;
  @ApiProperty({ type: ProofView }) proof!: ProofView;
}

/** `POST /intake/:intakeCode/reports` 200: the theme is not for the counsellor; nothing was stored. */
export class OutOfScopeView {
  @ApiProperty({ enum: [true] }) outOfScope!: true;
  @ApiProperty({ type: WhereToGo }) whereToGo!: WhereToGo;
}

/** `POST /intake/follow-up`: a reporter token for one case. */
export class FollowUpView {
  @ApiProperty({ description: 'Bearer token for `/intake/cases/{caseId}/…`; never stored' }) token!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ description: 'Seconds until the token expires' }) expiresIn!: number;
}

export class VerificationView {
  @ApiProperty() valid!: boolean;
}

export class ReportDates {
  @ApiProperty({ format: 'date-time' }) received!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) acknowledged!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) inProgress!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closed!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) withdrawn!: string | null;
}

/** One of the Wbk's deadlines as the counsellor's case keeps it (docs/case/legal-clocks.md). */
export class ReportDeadline {
  @ApiProperty({ format: 'date-time', description: 'The last millisecond of the Amsterdam day it is due on' }) dueAt!: string;
  @ApiProperty({
    enum: ['pending', 'met', 'missed', 'stopped'],
    description: '`met`: the step came by `dueAt`; `missed`: later, or not yet after `dueAt`; `stopped`: you withdrew first',
  })
  state!: 'pending' | 'met' | 'missed' | 'stopped';
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the step came, in time or late' })
  metAt!: string | null;
}

export class ReportDeadlines {
  @ApiProperty({ type: ReportDeadline, description: 'Acknowledgement of receipt: by the end of the 7th day after receipt' })
  acknowledgement!: ReportDeadline;
  @ApiProperty({
    type: ReportDeadline,
    description: 'Feedback on what was done: 3 months after the acknowledgement, or after the 7 days without one',
  })
  feedback!: ReportDeadline;
}

/** `GET /intake/cases/:caseId/status`. */
export class ReportStatusView {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: ['received', 'acknowledged', 'in-progress', 'closed', 'withdrawn'] }) status!: string;
  @ApiProperty({ type: ReportDates }) dates!: ReportDates;
  @ApiProperty({ type: ReportDeadlines, description: 'The legal deadlines at the time of the request, as the counsellor sees them' })
  deadlines!: ReportDeadlines;
}

/** A sealed text as the reader is shown it: the text, or why it cannot be shown. */
export const SHOWN_TEXT: ApiPropertyOptions = {
  oneOf: [
    { type: 'string' },
    {
      type: 'object',
      required: ['erased'],
      properties: { erased: { type: 'boolean', enum: [true] } },
      description: 'Its key was shredded',
    },
    {
      type: 'object',
      required: ['refused'],
      properties: { refused: { type: 'boolean', enum: [true] } },
      description: 'Sealed for another case',
    },
  ],
};

export class ThreadMessage {
  @ApiProperty() messageId!: string;
  @ApiProperty({ enum: ['reporter', 'advisor'] }) from!: string;
  @ApiProperty({ description: '`message`, or the advisor\u2019s `feedback` on what was done with the report' }) kind!: string;
  @ApiProperty({ format: 'date-time' }) sentAt!: string;
  @ApiProperty(SHOWN_TEXT) body!: ShownText;
}

/** `GET /intake/cases/:caseId/messages`: the thread, oldest first. */
export class MessagesView {
  @ApiProperty({ type: [ThreadMessage] }) messages!: ThreadMessage[];
}

export class MessageSentView {
  @ApiProperty({ format: 'uuid' }) messageId!: string;
}

export class ConsentGivenView {
  @ApiProperty({ format: 'uuid' }) consentId!: string;
}

type ShownText = string | { readonly erased: true } | { readonly refused: true };
const nullable = (values: string[]) => ({ enum: values, nullable: true, type: String });

export class SummaryVersion {
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) sharedAt!: string;
  @ApiProperty(nullable(['approved', 'corrected'])) answer!: 'approved' | 'corrected' | null;
  @ApiProperty(SHOWN_TEXT) text!: ShownText;
}

export class SharedSummary {
  @ApiProperty() summaryId!: string;
  @ApiProperty({ format: 'date-time', description: 'When the latest version was shared' }) sharedAt!: string;
  @ApiProperty({ description: 'The latest version' }) version!: number;
  @ApiProperty(nullable(['approved', 'corrected'])) answer!: 'approved' | 'corrected' | null;
  @ApiProperty(SHOWN_TEXT) text!: ShownText;
  @ApiProperty({ type: Number, nullable: true, description: 'The version you approved, if any' }) approvedVersion!: number | null;
  @ApiProperty({ type: [SummaryVersion], description: 'Every version shared, oldest first' }) versions!: SummaryVersion[];
}

/** `GET /intake/cases/:caseId/summaries`. */
export class SummariesView {
  @ApiProperty({ type: [SharedSummary] }) summaries!: SharedSummary[];
}

export class ReporterConsentView {
  @ApiProperty() consentId!: string;
  @ApiProperty({ enum: ['referral', 'formal-report'] }) scope!: string;
  @ApiProperty({ type: String, nullable: true }) referralType!: string | null;
  @ApiProperty({ enum: ['reporter', 'advisor'], description: 'Given by you, or recorded by your advisor for you to confirm' })
  recordedBy!: 'reporter' | 'advisor';
  @ApiProperty({ type: String, nullable: true }) conversationId!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: ['given', 'withdrawn', 'awaiting-your-confirmation'] }) status!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) withdrawnAt!: string | null;
}

export class LegalDutyView {
  @ApiProperty() dutyId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: ['referral', 'formal-report'] }) scope!: string;
  @ApiProperty({ type: String, nullable: true }) referralType!: string | null;
  @ApiProperty({ format: 'date-time' }) invokedAt!: string;
  @ApiProperty({ ...SHOWN_TEXT, description: "The advisor's explanation" }) explanation!: ShownText;
}

/** `GET /intake/cases/:caseId/consents`. */
export class ConsentsView {
  @ApiProperty({ type: [ReporterConsentView] }) consents!: ReporterConsentView[];
  @ApiProperty({ type: [LegalDutyView], description: 'Legal duties that overrode consent for one step' }) legalDuties!: LegalDutyView[];
}

export class IdentityRevealView {
  @ApiProperty() revealId!: string;
  @ApiProperty({ enum: ['assigned-advisor', 'colleague'] }) viewer!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty(SHOWN_TEXT) reason!: ShownText;
  @ApiProperty(nullable(['approved', 'refused'])) decision!: 'approved' | 'refused' | null;
  @ApiProperty(nullable(['reporter', 'intake-agreement'])) decidedBy!: 'reporter' | 'intake-agreement' | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
}

/** `GET /intake/cases/:caseId/identity-reveals`. */
export class IdentityRevealsView {
  @ApiProperty({ type: [IdentityRevealView] }) identityReveals!: IdentityRevealView[];
}
