import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { type HttpReply, type HttpRequest, ProblemDetailsFilter, requestUrlOf } from '@promo/platform';
import { UsageUnavailableError } from './usage-unavailable.error';

/**
 * L3: a 503 while counters are rebuilt (or Redis is unreachable) carries `Retry-After`. It is expected under
 * a Redis loss, so it is answered like every problem but without the error log the global filter writes for a 5xx.
 */
@Catch(UsageUnavailableError)
export class UsageUnavailableFilter implements ExceptionFilter {
  private readonly problems = new ProblemDetailsFilter();

  catch(exception: UsageUnavailableError, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const problem = this.problems.toProblem(exception, requestUrlOf(http.getRequest<HttpRequest>()));
    http.getResponse<HttpReply>().status(problem.status).header('Retry-After', String(exception.retryAfterSeconds)).type('application/problem+json').send(JSON.stringify(problem));
  }
}
