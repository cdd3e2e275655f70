import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '@vertrouwd/auth';
import { ApiProblemResponse, ValidationFailedException } from '@vertrouwd/http';
import { IntakeKeyring } from '../../application/intake-keyring';
import { IntakePages, consentText } from '../../application/intake-page/intake-page';
import { ConsentTextNotFoundError } from '../../application/intake.errors';
import { proofKeyId, verifyProof } from '../../domain/proof/proof-of-report';
import { FORM_LANGUAGES, isConsentVersion, isFormLanguage, type FormLanguage } from '../../i18n/translations';
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
  proofKey(): Record<string, unknown> {
    const jwk = this.keyring.proofPublicKey.export({ format: 'jwk' });
    return { ...jwk, kid: proofKeyId(this.keyring.proofPublicKey), alg: 'EdDSA', use: 'sig' };
  }

  @Post('proofs/verification')
  @HttpCode(200)
  verify(@Body() body: VerifyProofRequest): { valid: boolean } {
    return { valid: verifyProof(this.keyring.proofPublicKey, body.proof) };
  }

  /** The consent and privacy text a `consentVersion` names, in one of the page's languages. */
  @Get('consent-texts/:version')
  @ApiQuery({ name: 'lang', enum: FORM_LANGUAGES, required: false })
  @ApiProblemResponse(400, 'A language the page does not offer')
  @ApiProblemResponse(404, 'No consent text has this version')
  consentText(@Param('version') version: string, @Query('lang') lang?: string) {
    if (!isConsentVersion(version)) throw new ConsentTextNotFoundError();
    return consentText(version, languageOf(lang));
  }

  @Get(':intakeCode')
  @ApiQuery({ name: 'lang', enum: FORM_LANGUAGES, required: false, description: 'Dutch when absent; any other language is a 400' })
  @ApiProblemResponse(400, 'A language the page does not offer')
  @ApiProblemResponse(404, 'No organisation has this intake code')
  async page(@Param('intakeCode') intakeCode: string, @Query('lang') lang?: string) {
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
