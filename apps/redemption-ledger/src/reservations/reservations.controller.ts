import { Body, Controller, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { RequiresScope } from '@promo/platform';
import { RetryAfterInterceptor } from '../common/retry-after.interceptor';
import { CreateReservationDto } from './dto/create-reservation.dto';
import type { ReservationAnswer } from './reservation';
import { ReservationsService } from './reservations.service';

@Controller('v1/reservations')
@UseInterceptors(RetryAfterInterceptor)
export class ReservationsController {
  constructor(private readonly reservations: ReservationsService) {}

  /** 200 with `status: reserved` (every use held) or `refused` (none held; the use and limit that refused). */
  @Post()
  @HttpCode(200)
  @RequiresScope('storefront')
  reserve(@Body() body: CreateReservationDto): Promise<ReservationAnswer> {
    return this.reservations.reserve(body);
  }
}
