import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { RequiresScope } from '@promo/platform';
import { CreateReservationDto } from './dto/create-reservation.dto';
import type { ReservationAnswer } from './reservation';
import { type ReleaseAnswer, ReservationReleaseService } from './reservation-release.service';
import { ReservationsService } from './reservations.service';

@Controller('v1/reservations')
export class ReservationsController {
  constructor(
    private readonly reservations: ReservationsService,
    private readonly releases: ReservationReleaseService,
  ) {}

  /** 200 with `status: reserved` (every use held) or `refused` (none held; the use and limit that refused). */
  @Post()
  @HttpCode(200)
  @RequiresScope('storefront')
  reserve(@Body() body: CreateReservationDto): Promise<ReservationAnswer> {
    return this.reservations.reserve(body);
  }

  /** Gives the reservation's uses back before its TTL; a second call answers the same status with nothing released. */
  @Post(':reservationId/release')
  @HttpCode(200)
  @RequiresScope('storefront')
  release(@Param('reservationId') reservationId: string): Promise<ReleaseAnswer> {
    return this.releases.release(reservationId);
  }
}
