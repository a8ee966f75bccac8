import envelopeSchema from './upstream/schemas/envelope.schema.json';
import commonSchema from './upstream/schemas/money-and-lines.schema.json';
import cartUpdatedSchema from './upstream/schemas/cart.updated.schema.json';
import orderPlacedSchema from './upstream/schemas/order.placed.schema.json';
import orderCancelledSchema from './upstream/schemas/order.cancelled.schema.json';
import customerInactiveSchema from './upstream/schemas/customer.inactive.schema.json';
import promotionChangedSchema from './outbound/schemas/pricing.promotion-changed.v1.schema.json';
import cartPricedSchema from './outbound/schemas/pricing.cart-priced.v1.schema.json';
import redemptionRecordedSchema from './outbound/schemas/redemption.recorded.v1.schema.json';
import redemptionRejectedSchema from './outbound/schemas/redemption.rejected.v1.schema.json';
import redemptionReversedSchema from './outbound/schemas/redemption.reversed.v1.schema.json';
import codeChangedSchema from './outbound/schemas/code-inventory.code-changed.v1.schema.json';
import codeIssuedSchema from './outbound/schemas/code-inventory.code-issued.v1.schema.json';
import codesAddedSchema from './outbound/schemas/code-inventory.codes-added.v2.schema.json';
import emailSentSchema from './outbound/schemas/campaigns.email-sent.v1.schema.json';
import pricedCartSchema from './http/schemas/priced-cart.schema.json';
import codeLookupAnswerSchema from './http/schemas/code-lookup-answer.schema.json';
import issueResultSchema from './http/schemas/issue-result.schema.json';
import usageStatisticsSchema from './http/schemas/usage-statistics.schema.json';
import ledgerPageSchema from './http/schemas/ledger-page.schema.json';
import promotionSchema from './http/schemas/promotion.schema.json';
import promotionViewSchema from './http/schemas/promotion-view.schema.json';
import storeSettingsSchema from './http/schemas/store-settings.schema.json';
import impactReportSchema from './http/schemas/impact-report.schema.json';
import ingestionStatsSchema from './http/schemas/ingestion-stats.schema.json';
import healthSchema from './http/schemas/health.schema.json';
import reservationAnswerSchema from './http/schemas/reservation-answer.schema.json';
import orderStatisticsSchema from './http/schemas/order-statistics.schema.json';
import promotionChangeResultSchema from './http/schemas/promotion-change-result.schema.json';
import codeInventoryAnswersSchema from './http/schemas/code-inventory-answers.schema.json';
import campaignsAnswersSchema from './http/schemas/campaigns-answers.schema.json';
import type { JsonValue } from './openapi/json-schema-to-openapi';

/** The CloudEvents envelope schema every upstream record follows. */
export const ENVELOPE_SCHEMA = envelopeSchema;

/** Shared definitions (money, lines, customer, shipping) the upstream data schemas reference. */
export const COMMON_SCHEMA = commonSchema;

/** Every data schema by CloudEvent type (= topic): the one list the validators and the AsyncAPI document read. */
export const DATA_SCHEMAS: Readonly<Record<string, object>> = {
  'cart.updated': cartUpdatedSchema,
  'order.placed': orderPlacedSchema,
  'order.cancelled': orderCancelledSchema,
  'customer.inactive': customerInactiveSchema,
  'pricing.promotion-changed': promotionChangedSchema,
  'pricing.cart-priced': cartPricedSchema,
  'redemption.recorded': redemptionRecordedSchema,
  'redemption.rejected': redemptionRejectedSchema,
  'redemption.reversed': redemptionReversedSchema,
  'code-inventory.code-changed': codeChangedSchema,
  'code-inventory.code-issued': codeIssuedSchema,
  'code-inventory.codes-added': codesAddedSchema,
  'campaigns.email-sent': emailSentSchema,
};

/** The JSON Schemas of HTTP answers (#24), by name: the API documents are generated from them. */
export const HTTP_SCHEMAS = {
  'priced-cart': pricedCartSchema,
  'code-lookup-answer': codeLookupAnswerSchema,
  'issue-result': issueResultSchema,
  'issue-batch-answer': { $ref: 'urn:promotions:http:issue-result:v1#/$defs/batch' },
  'usage-statistics': usageStatisticsSchema,
  'ledger-page': ledgerPageSchema,
  // pricing's admin API and redemption-ledger's reservations, changes and order figures; every service's ops and health (#24).
  promotion: promotionSchema,
  'promotion-admin-body': { $ref: 'urn:promotions:http:promotion:v1#/$defs/adminBody' },
  'promotion-view': promotionViewSchema,
  'promotion-page': { $ref: 'urn:promotions:http:promotion-view:v1#/$defs/page' },
  'promotion-list': { $ref: 'urn:promotions:http:promotion-view:v1#/$defs/list' },
  'store-settings': storeSettingsSchema,
  'store-settings-view': { $ref: 'urn:promotions:http:store-settings:v1#/$defs/view' },
  'impact-report': impactReportSchema,
  'ingestion-stats': ingestionStatsSchema,
  'health-live': healthSchema,
  'health-ready': { $ref: 'urn:promotions:http:health:v1#/$defs/ready' },
  'reservation-answer': reservationAnswerSchema,
  'reservation-release': { $ref: 'urn:promotions:http:reservation-answer:v1#/$defs/release' },
  'order-statistics': orderStatisticsSchema,
  'promotion-change-result': promotionChangeResultSchema,
  // code-inventory's and campaigns' answers besides the lookup, issue and campaign (#24): one file each, one $defs entry a shape.
  'code-inventory-answers': codeInventoryAnswersSchema,
  'code-group': { $ref: 'urn:promotions:http:code-inventory-answers:v1#/$defs/codeGroup' },
  'code-group-list': { $ref: 'urn:promotions:http:code-inventory-answers:v1#/$defs/groupList' },
  'deleted-group': { $ref: 'urn:promotions:http:code-inventory-answers:v1#/$defs/deletedGroup' },
  'shared-code': { $ref: 'urn:promotions:http:code-inventory-answers:v1#/$defs/sharedCode' },
  'public-codes': { $ref: 'urn:promotions:http:code-inventory-answers:v1#/$defs/publicCodes' },
  'registered-shared-codes': { $ref: 'urn:promotions:http:code-inventory-answers:v1#/$defs/registeredSharedCodes' },
  'added-codes-page': { $ref: 'urn:promotions:http:code-inventory-answers:v1#/$defs/addedCodesPage' },
  'customer-issuance': { $ref: 'urn:promotions:http:code-inventory-answers:v1#/$defs/customerIssuance' },
  'group-customers-page': { $ref: 'urn:promotions:http:code-inventory-answers:v1#/$defs/groupCustomersPage' },
  'upload-report': { $ref: 'urn:promotions:http:code-inventory-answers:v1#/$defs/uploadReport' },
  'generation-progress': { $ref: 'urn:promotions:http:code-inventory-answers:v1#/$defs/generationProgress' },
  'campaigns-answers': campaignsAnswersSchema,
  'rendered-email': { $ref: 'urn:promotions:http:campaigns-answers:v1#/$defs/renderedEmail' },
  'email-page': { $ref: 'urn:promotions:http:campaigns-answers:v1#/$defs/emailPage' },
  'suppression': { $ref: 'urn:promotions:http:campaigns-answers:v1#/$defs/suppression' },
  'suppression-page': { $ref: 'urn:promotions:http:campaigns-answers:v1#/$defs/suppressionPage' },
  'campaign-statistics': { $ref: 'urn:promotions:http:campaigns-answers:v1#/$defs/statistics' },
  'watermark': { $ref: 'urn:promotions:http:campaigns-answers:v1#/$defs/watermark' },
} as const;

/** Every schema file by its `$id`: what a `$ref` in any of them may name. */
export const SCHEMAS_BY_ID: ReadonlyMap<string, JsonValue> = new Map(
  [ENVELOPE_SCHEMA, COMMON_SCHEMA, ...Object.values(DATA_SCHEMAS), ...Object.values(HTTP_SCHEMAS)].flatMap((schema): [string, JsonValue][] =>
    '$id' in schema && typeof schema.$id === 'string' ? [[schema.$id, schema as JsonValue]] : [],
  ),
);
