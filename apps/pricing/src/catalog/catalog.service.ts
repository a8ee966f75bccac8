import { Injectable } from '@nestjs/common';
import { RecentCartsStore } from '../impact/recent-carts.store';
import { type SeenKind, type SeenProduct, type SeenValue, seenProducts, seenValues } from './seen-values';

export interface SeenValues {
  readonly kind: SeenKind;
  readonly name: string | null;
  readonly cartsExamined: number;
  readonly values: readonly SeenValue[];
}

export interface SeenProducts {
  readonly cartsExamined: number;
  readonly products: readonly SeenProduct[];
}

/** What the store has sold lately, read from the recent carts this service priced: suggestions for the console's pickers. */
@Injectable()
export class CatalogService {
  constructor(private readonly recentCarts: RecentCartsStore) {}

  async values(kind: SeenKind, name: string | null, carts: number, limit: number): Promise<SeenValues> {
    const sample = await this.recentCarts.latest(carts);
    return { kind, name, cartsExamined: sample.length, values: seenValues(sample, kind, name, limit) };
  }

  async products(carts: number, limit: number): Promise<SeenProducts> {
    const sample = await this.recentCarts.latest(carts);
    return { cartsExamined: sample.length, products: seenProducts(sample, limit) };
  }
}
