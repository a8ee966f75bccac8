import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiParam } from '@nestjs/swagger';
import { ApiProblemResponses, ApiRetryAfterResponse, RequiresScope } from '@promo/platform';
import { RELEASE_EXAMPLE, REFUSED_EXAMPLE, RESERVED_EXAMPLE } from '../docs/ledger-api.examples';
import { RESERVATION_ANSWER_SCHEMA, RESERVATION_RELEASE_SCHEMA } from '../docs/ledger-api.schemas';
import { CreateReservationDto } from './dto/create-reservation.dto';
import type { ReservationAnswer } from './reservation';
import { type ReleaseAnswer, ReservationReleaseService } from './reservation-release.service';
import { ReservationsService } from './reservations.service';

const UNAVAILABLE = 'the usage counters are being rebuilt or cannot be reached (L3); nothing was taken: retry after Retry-After seconds';

@Controller('v1/reservations')
export class ReservationsController {
  constructor(
    private readonly reservations: ReservationsService,
    private readonly releases: ReservationReleaseService,
  ) {}

  /** 200 with `status: reserved` (every use held) or `refused` (none held; the use and limit that refused). */
  // 400 also for a promotion the ledger does not know or a budget use without its discount; 409: the id reused with another body.
  @ApiRetryAfterResponse(UNAVAILABLE)
  @ApiProblemResponses(400, 409, 413)
  @ApiOkResponse({
    description: 'every use reserved until expiresAt, or none, with the use and limit that refused one; a limit reached is an answer, not an error',
    schema: RESERVATION_ANSWER_SCHEMA,
    examples: { reserved: { summary: 'every use held', value: RESERVED_EXAMPLE }, refused: { summary: 'a per-customer limit reached', value: REFUSED_EXAMPLE } },
  })
  @Post()
  @HttpCode(200)
  @RequiresScope('storefront')
  reserve(@Body() body: CreateReservationDto): Promise<ReservationAnswer> {
    return this.reservations.reserve(body);
  }

  /** Gives the reservation's uses back before its TTL; a second call answers the same status with nothing released. */
  @ApiRetryAfterResponse(UNAVAILABLE)
  @ApiProblemResponses(404)
  @ApiOkResponse({ description: "the reservation's status and the uses this call gave back", schema: RESERVATION_RELEASE_SCHEMA, example: RELEASE_EXAMPLE })
  @ApiParam({ name: 'reservationId', description: 'The id the reservation was made with' })
  @Post(':reservationId/release')
  @HttpCode(200)
  @RequiresScope('storefront')
  release(@Param('reservationId') reservationId: string): Promise<ReleaseAnswer> {
    return this.releases.release(reservationId);
  }
}
