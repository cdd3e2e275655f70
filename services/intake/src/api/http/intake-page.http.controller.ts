import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '@vertrouwd/auth';
import { ApiProblemResponse, ValidationFailedException } from '@vertrouwd/http';
import { IntakeKeyring } from '../../application/intake-keyring';
import { IntakePages, consentText } from '../../application/intake-page/intake-page';
import { ConsentTextNotFoundError } from '../../application/intake.errors';
import { proofKeyId, verifyProof } from '../../domain/proof/proof-of-report';
import { FORM_LANGUAGES, isConsentVersion, isFormLanguage, type FormLanguage } from '../../i18n/translations';
import { ConsentTextView, IntakePageView, VerificationView } from './intake.responses.dto';
import { VerifyProofRequest } from './reporter.request.dto';

/** Public: the intake page and the proof key. Routes with fixed segments come before `:intakeCode`. */
@ApiTags('intake (public)')
@Controller('intake')
@Public()
export class IntakePageHttpController {
  constructor(
    private readonly pages: IntakePages,
    private readonly keyring: IntakeKeyring,
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
  @ApiOkResponse({ type: IntakePageView })
  async page(@Param('intakeCode') intakeCode: string, @Query('lang') lang?: string): Promise<IntakePageView> {
    return this.pages.page(intakeCode, languageOf(lang));
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
