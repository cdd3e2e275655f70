import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '@vertrouwd/auth';
import { ApiProblemResponse, ValidationFailedException } from '@vertrouwd/http';
import { IntakeKeyring } from '../../application/intake-keyring';
import { IntakePages, consentText } from '../../application/intake-page/intake-page';
import { ConsentTextNotFoundError, NotTheSiteError } from '../../application/intake.errors';
import { proofKeyId, verifyProof } from '../../domain/proof/proof-of-report';
import { FORM_LANGUAGES, isConsentVersion, isFormLanguage, type FormLanguage } from '../../i18n/translations';
import { ConsentTextView, IntakePageView, VerificationView } from './intake.responses.dto';
import { PageVisitsRequest, VerifyProofRequest } from './reporter.request.dto';
import { ClientAddresses, PROXY_KEY_HEADER, type ClientRequest } from './client-address';

/** Public: the intake page and the proof key. Routes with fixed segments come before `:intakeCode`. */
@ApiTags('intake (public)')
@Controller('intake')
@Public()
export class IntakePageHttpController {
  constructor(
    private readonly pages: IntakePages,
    private readonly keyring: IntakeKeyring,
    private readonly clients: ClientAddresses,
  ) {}

  @Get('proof-key')
  @ApiOkResponse({
    description: 'The public key (JWK, Ed25519) proofs of report are signed with',
    schema: {
      type: 'object',
      required: ['kty', 'crv', 'x', 'kid', 'alg', 'use'],
      properties: {
        kty: { type: 'string', example: 'OKP' },
        crv: { type: 'string', example: 'Ed25519' },
        x: { type: 'string' },
        kid: { type: 'string' },
        alg: { type: 'string', example: 'EdDSA' },
        use: { type: 'string', example: 'sig' },
      },
    },
  })
  proofKey(): Record<string, unknown> {
    const jwk = this.keyring.proofPublicKey.export({ format: 'jwk' });
    return { ...jwk, kid: proofKeyId(this.keyring.proofPublicKey), alg: 'EdDSA', use: 'sig' };
  }

  @Post('proofs/verification')
  @HttpCode(200)
  @ApiOkResponse({ type: VerificationView, description: 'Whether intake signed exactly this proof' })
  verify(@Body() body: VerifyProofRequest): VerificationView {
    return { valid: verifyProof(this.keyring.proofPublicKey, body.proof) };
  }

  /** The consent and privacy text a `consentVersion` names, in one of the page's languages. */
  @Get('consent-texts/:version')
  @ApiQuery({ name: 'lang', enum: FORM_LANGUAGES, required: false })
  @ApiProblemResponse(400, 'A language the page does not offer')
  @ApiProblemResponse(404, 'No consent text has this version')
  @ApiOkResponse({ type: ConsentTextView })
  consentText(@Param('version') version: string, @Query('lang') lang?: string): ConsentTextView {
    if (!isConsentVersion(version)) throw new ConsentTextNotFoundError();
    return consentText(version, languageOf(lang));
  }

  @Get(':intakeCode')
  @ApiQuery({ name: 'lang', enum: FORM_LANGUAGES, required: false, description: 'Dutch when absent; any other language is a 400' })
  @ApiProblemResponse(400, 'A language the page does not offer')
  @ApiProblemResponse(404, 'No organisation has this intake code')
  @ApiOkResponse({
    type: IntakePageView,
    description: "Counts one visit of the page, unless the reporter's site asks (it reports its own)",
  })
  async page(@Param('intakeCode') intakeCode: string, @Req() req: ClientRequest, @Query('lang') lang?: string): Promise<IntakePageView> {
    return this.pages.page(intakeCode, languageOf(lang), { countVisit: !this.clients.fromSite(req) });
  }

  /**
   * The reporter's site serves an intake page to many visitors from one answer of this service, so it reports the
   * visits it served (the low-visibility signal counts them); only the site, by INTAKE_PROXY_SECRET, may.
   */
  @Post(':intakeCode/page-visits')
  @HttpCode(204)
  @ApiHeader({ name: PROXY_KEY_HEADER, required: true, description: "The reporter's site's shared secret (INTAKE_PROXY_SECRET)" })
  @ApiNoContentResponse({ description: 'Counted for the organisation, today' })
  @ApiProblemResponse(400, 'Not a number of visits from 1 to 100,000')
  @ApiProblemResponse(403, "Not the reporter's site")
  @ApiProblemResponse(404, 'No organisation has this intake code')
  async pageVisits(@Param('intakeCode') intakeCode: string, @Req() req: ClientRequest, @Body() body: PageVisitsRequest): Promise<void> {
    if (!this.clients.fromSite(req)) throw new NotTheSiteError();
    await this.pages.addVisits(intakeCode, body.visits);
  }
}

/**
 * Dutch when no language is asked for; a language the page does not offer is refused, never answered in Dutch
 * labelled as the language asked for.
 */
function languageOf(lang: string | undefined): FormLanguage {
  if (lang === undefined) return 'nl';
  if (isFormLanguage(lang)) return lang;
  throw new ValidationFailedException([{ field: 'lang', rule: 'isIn', message: `lang must be one of: ${FORM_LANGUAGES.join(', ')}` }]);
}
