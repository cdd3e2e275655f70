import { Controller, Get, Inject, Logger } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponse } from '../openapi/api-problem-response.decorator';
import { ProblemException } from '../problem/problem.exception';
import { ProblemType } from '../problem/problem';
import { failingChecks, type HealthCheck } from './health-check';

/** Injection tokens of the readiness checks and their timeout. */
export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');
export const HEALTH_CHECK_TIMEOUT_MS = Symbol('HEALTH_CHECK_TIMEOUT_MS');

/**
 * `/health/live` (the process answers) and `/health/ready` (its dependencies answer). Both must be reachable
 * without a token: services mark this controller public for their auth guard.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');

  constructor(
    @Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[],
    @Inject(HEALTH_CHECK_TIMEOUT_MS) private readonly timeoutMs: number,
  ) {}

  @Get('live')
  @ApiOkResponse({ description: 'The process is up' })
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  @Get('ready')
  @ApiOkResponse({ description: 'Every dependency answered' })
  @ApiProblemResponse(503, 'A dependency did not answer; `checks` names which')
  async ready(): Promise<{ status: 'up'; checks: Array<{ name: string; status: 'up' }> }> {
    const failing = await failingChecks(this.checks, this.timeoutMs);
    if (failing.length > 0) {
      // Errors go to the log only: a driver's message may name hosts, users or databases.
      for (const { name, error } of failing) this.logger.warn(`readiness check ${name} failed: ${describe(error)}`);
      throw notReady(this.checks, new Set(failing.map((f) => f.name)));
    }
    return { status: 'up', checks: this.checks.map(({ name }) => ({ name, status: 'up' as const })) };
  }
}

function notReady(checks: HealthCheck[], failing: Set<string>): ProblemException {
  return new ProblemException({
    type: ProblemType.notReady,
    title: 'Not ready',
    status: 503,
    detail: `Not ready: ${[...failing].join(', ')} did not answer.`,
    headers: { 'Retry-After': '5' },
    extensions: { checks: checks.map(({ name }) => ({ name, status: failing.has(name) ? 'down' : 'up' })) },
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
}
