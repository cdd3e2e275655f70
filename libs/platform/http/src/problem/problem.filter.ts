import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { pathOf, type HttpRequest, type HttpResponse } from '../http-types';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { ProblemException } from './problem.exception';
import { toProblem } from './to-problem';

/**
 * Answers every failure with `application/problem+json`. Registered globally by `createHttpApp`, so it also
 * sees Nest's route-miss 404 and body-parser errors, not only exceptions from handlers.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<HttpRequest>();
    const res = host.switchToHttp().getResponse<HttpResponse>();
    const problem = toProblem(exception, req);
    // A ProblemException is a deliberate answer (e.g. not ready); anything else at 5xx is a fault to look into.
    if (problem.status >= 500 && !(exception instanceof ProblemException)) this.logFault(exception, req);
    if (res.headersSent) {
      res.end();
      return;
    }
    for (const [name, value] of Object.entries(problem.headers)) {
      // A guard that set its own challenge (error="invalid_token", scopes) knows better than the default.
      if (name.toLowerCase() === 'www-authenticate' && res.getHeader(name) !== undefined) continue;
      res.setHeader(name, value);
    }
    res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem.body));
  }

  /** The route template (not the URL, whose query may hold personal data) and the stack; never the request body. */
  private logFault(exception: unknown, req: HttpRequest): void {
    const where = `${req.method} ${req.route?.path ?? pathOf(req)}`;
    const stack = exception instanceof Error ? exception.stack : `non-error thrown: ${typeof exception}`;
    this.logger.error(`${where} failed, correlation id ${req.correlationId ?? 'none'}`, stack);
  }
}
