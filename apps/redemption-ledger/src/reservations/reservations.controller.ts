import { Body, Controller, HttpCode, Post, UseFilters } from '@nestjs/common';
import { RequiresScope } from '@promo/platform';
import { UsageRebuildingFilter } from '../common/usage-rebuilding.filter';
import { CreateReservationDto } from './dto/create-reservation.dto';
import type { ReservationAnswer } from './reservation';
import { ReservationsService } from './reservations.service';

@Controller('v1/reservations')
@UseFilters(UsageRebuildingFilter)
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
