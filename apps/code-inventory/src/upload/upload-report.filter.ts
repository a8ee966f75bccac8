import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { type HttpReply, type HttpRequest, ProblemDetailsFilter, requestUrlOf } from '@promo/platform';
import { UploadConflictError, UploadInvalidError } from './upload-rejected.error';

/** Adds the upload report to the problem details of a refused upload (RFC 9457 extension members). */
@Catch(UploadInvalidError, UploadConflictError)
export class UploadReportFilter implements ExceptionFilter {
  private readonly problems = new ProblemDetailsFilter();

  catch(exception: UploadInvalidError | UploadConflictError, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const problem = this.problems.toProblem(exception, requestUrlOf(http.getRequest<HttpRequest>()));
    http.getResponse<HttpReply>().status(problem.status).type('application/problem+json').send(JSON.stringify({ ...problem, ...exception.report }));
  }
}
