/** Injection tokens of the messaging module. */
export const KAFKA = Symbol('KAFKA');
export const KAFKA_PRODUCER = Symbol('KAFKA_PRODUCER');
export const KAFKA_ADMIN = Symbol('KAFKA_ADMIN');
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
