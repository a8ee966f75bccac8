import { CreateMessagingTablesV21765000000000, CreateMessagingTables1764082800000 } from '@promo/persistence';
import { CreatePricingTables1764086400000 } from './1764086400000-create-pricing-tables.migration';
import { LowerCaseCodeKeys1796649459584 } from './1796649459584-lower-case-code-keys.migration';
import { AddPromotionDiscountSpent1796662143303 } from './1796662143303-add-promotion-discount-spent.migration';

/** Every migration of the pricing schema, in order. */
export const pricingMigrations = [CreateMessagingTables1764082800000, CreatePricingTables1764086400000, CreateMessagingTablesV21765000000000, LowerCaseCodeKeys1796649459584, AddPromotionDiscountSpent1796662143303];
