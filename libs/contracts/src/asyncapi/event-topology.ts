/**
 * Who consumes and publishes which topic (the design card, and each app's handlers and `publishes`).
 * The AsyncAPI document is generated from this table and the JSON Schemas; a handler added to an app
 * belongs here too.
 */
export const EVENT_TOPOLOGY = {
  consumes: {
    pricing: ['cart.updated', 'pricing.promotion-changed', 'code-inventory.code-changed', 'redemption.recorded', 'redemption.reversed'],
    'code-inventory': ['pricing.promotion-changed', 'redemption.recorded', 'redemption.reversed'],
    'redemption-ledger': ['order.placed', 'order.cancelled', 'pricing.promotion-changed'],
    campaigns: ['cart.updated', 'order.placed', 'order.cancelled', 'customer.inactive'],
  },
  publishes: {
    pricing: ['pricing.promotion-changed', 'pricing.cart-priced'],
    'code-inventory': ['code-inventory.code-changed', 'code-inventory.code-issued', 'code-inventory.codes-added'],
    'redemption-ledger': ['redemption.recorded', 'redemption.rejected', 'redemption.reversed'],
    campaigns: ['campaigns.email-sent'],
  },
} as const satisfies { consumes: Record<string, readonly string[]>; publishes: Record<string, readonly string[]> };

/** The headers a dead-lettered record carries (libs/messaging DLQ_HEADERS; the value and key are the original bytes). */
export const DEAD_LETTER_HEADERS: Readonly<Record<string, string>> = {
  'dlq-reason': 'Why: a malformed-record reason (not_json, invalid_envelope, unknown_type, invalid_data, ...), processing_failed or retries_exhausted.',
  'dlq-detail': 'What failed, at most 1,000 characters.',
  'dlq-event-id': 'The CloudEvent id, when the envelope could be read.',
  'dlq-original-topic': 'The topic the record was consumed from.',
  'dlq-original-partition': 'Its partition (decimal).',
  'dlq-original-offset': 'Its offset (decimal).',
  'dlq-consumer-group': 'The consumer group (the app) that gave up on it.',
  'dlq-failed-at': 'When, RFC 3339 (the service clock).',
};
