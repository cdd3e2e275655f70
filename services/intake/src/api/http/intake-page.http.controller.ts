import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '@vertrouwd/auth';
import { ApiProblemResponse } from '@vertrouwd/http';
import { IntakeKeyring } from '../../application/intake-keyring';
import { IntakePages } from '../../application/intake-page/intake-page';
import { proofKeyId, verifyProof } from '../../domain/proof/proof-of-report';
import { FORM_LANGUAGES, type FormLanguage } from '../../i18n/translations';
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

  @Get(':intakeCode')
  @ApiQuery({ name: 'lang', enum: FORM_LANGUAGES, required: false })
  @ApiProblemResponse(404, 'No organisation has this intake code')
  async page(@Param('intakeCode') intakeCode: string, @Query('lang') lang?: string) {
    const language: FormLanguage = FORM_LANGUAGES.includes(lang as FormLanguage) ? (lang as FormLanguage) : 'nl';
    return this.pages.page(intakeCode, language);
  }
}
