import { Controller, Get, Inject, Logger, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponse } from '../openapi/api-problem-response.decorator';
import { ProblemException } from '../problem/problem.exception';
import { ProblemType } from '../problem/problem';
import type { HealthCheck } from './health-check';

/** Injection tokens of the readiness checks and their timeout. */
export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');
export const HEALTH_CHECK_TIMEOUT_MS = Symbol('HEALTH_CHECK_TIMEOUT_MS');

type CheckStatus = { name: string; status: 'up' | 'down' };

/**
 * `/health/live` (the process answers) and `/health/ready` (its dependencies answer). Terminus runs the checks
 * (in parallel, each with the timeout, and `down` while the application shuts down); this controller shapes the
 * answer: `{ status, checks }`, or a `not-ready` problem. Both must be reachable without a token: services mark
 * this controller public for their auth guard.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[],
    @Inject(HEALTH_CHECK_TIMEOUT_MS) private readonly timeoutMs: number,
  ) {}

  @Get('live')
  @ApiOkResponse({
    description: 'The process is up',
    schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['up'] } } },
  })
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  @Get('ready')
  @ApiOkResponse({
    description: 'Every dependency answered',
    schema: {
      type: 'object',
      required: ['status', 'checks'],
      properties: {
        status: { type: 'string', enum: ['up'] },
        checks: {
          type: 'array',
          items: {
            type: 'object',
            required: ['name', 'status'],
            properties: { name: { type: 'string', example: 'database' }, status: { type: 'string', enum: ['up', 'down'] } },
          },
        },
      },
    },
  })
  @ApiProblemResponse(503, 'A dependency did not answer, or the service is shutting down; `checks` names which')
  async ready(): Promise<{ status: 'up'; checks: CheckStatus[] }> {
    const indicators = this.checks.map((check) =>
      this.indicators
        .check(check.name)
        .attempt(() => check.check())
        .withTimeout(this.timeoutMs),
    );
    const result = await this.health.check(indicators).catch(resultOfFailure);
    const checks = this.checks.map(({ name }): CheckStatus => ({ name, status: result.details[name]?.status === 'up' ? 'up' : 'down' }));
    const failing = checks.filter(({ status }) => status === 'down').map(({ name }) => name);
    // Errors go to the log only: a driver's message may name hosts, users or databases.
    for (const name of failing) this.logger.warn(`readiness check ${name} failed: ${String(result.details[name]?.message ?? 'no answer')}`);
    if (result.status === 'shutting_down') throw notReady(checks, 'Not ready: the service is shutting down.');
    if (failing.length > 0) throw notReady(checks, `Not ready: ${failing.join(', ')} did not answer.`);
    return { status: 'up', checks };
  }
}

// Terminus answers a failed check, and any check while shutting down, with a 503 exception carrying its result.
function resultOfFailure(error: unknown): HealthCheckResult {
  if (error instanceof ServiceUnavailableException) return error.getResponse() as HealthCheckResult;
  throw error;
}

function notReady(checks: CheckStatus[], detail: string): ProblemException {
  return new ProblemException({
    type: ProblemType.notReady,
    title: 'Not ready',
    status: 503,
    detail,
    headers: { 'Retry-After': '5' },
    extensions: { checks },
  });
}
