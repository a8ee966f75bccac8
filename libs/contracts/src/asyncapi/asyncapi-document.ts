import { COMMON_SCHEMA, DATA_SCHEMAS, ENVELOPE_SCHEMA } from '../schema-files';
import { deadLetterTopic } from '../outbound/outbound-event';
import { DEAD_LETTER_HEADERS, EVENT_TOPOLOGY } from './event-topology';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const COMMON_URN = 'urn:commerce:common:v1';

/**
 * The CloudEvents distributed-tracing extension (#24): optional W3C trace context, in the envelope and, under
 * the same names, in the record headers. A consumer follows the header first, then the envelope.
 */
const TRACE_CONTEXT_ATTRIBUTES: JsonObject = {
  traceparent: {
    type: 'string',
    pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
    description: 'W3C traceparent of the span the event was published in (CloudEvents distributed-tracing extension); an ill-formed one is ignored.',
    examples: ['00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'],
  },
  tracestate: { type: 'string', description: 'W3C tracestate that goes with traceparent, passed on unchanged.' },
};

/** An id usable as an AsyncAPI component key and in a JSON pointer. */
function componentId(name: string): string {
  return name.replace(/[^a-zA-Z0-9]+(.)?/g, (_, next: string | undefined) => (next ? next.toUpperCase() : ''));
}

/** A schema file as an AsyncAPI schema: no $schema/$id, references to the shared definitions point into components. */
function embed(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(embed);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$schema' || key === '$id' || key === '$defs') continue;
    if (key === '$ref' && typeof value === 'string') {
      const match = /^(?:urn:commerce:common:v1)?#\/\$defs\/([A-Za-z0-9]+)$/.exec(value);
      if (!match?.[1]) throw new Error(`unsupported $ref ${value}`);
      out[key] = `#/components/schemas/common${componentId(`-${match[1]}`)}`;
      continue;
    }
    out[key] = embed(value);
  }
  return out;
}

function asJson(value: object): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

function sorted<T>(values: Iterable<T>): T[] {
  return [...new Set(values)].sort();
}

/** The schemas every message refers to: the common definitions, the envelope, the record headers and each topic's data. */
function componentSchemas(): JsonObject {
  const commonDefs = (COMMON_SCHEMA as { $defs: Record<string, object> }).$defs;
  if ((COMMON_SCHEMA as { $id: string }).$id !== COMMON_URN) throw new Error('the common schema changed its $id');
  const schemas: JsonObject = {};
  for (const [name, def] of Object.entries(commonDefs)) schemas[`common${componentId(`-${name}`)}`] = embed(asJson(def));
  const envelope = embed(asJson(ENVELOPE_SCHEMA)) as JsonObject;
  const envelopeProperties = envelope['properties'] as JsonObject;
  schemas['CloudEventEnvelope'] = {
    ...envelope,
    title: 'CloudEvents 1.0 structured-mode envelope (every topic, upstream and ours)',
    properties: { ...envelopeProperties, type: { type: 'string', minLength: 1 }, ...TRACE_CONTEXT_ATTRIBUTES },
  };
  schemas['RecordHeaders'] = {
    type: 'object',
    description: 'Headers of every record we publish; upstream producers may send the trace headers too.',
    properties: { 'content-type': { const: 'application/cloudevents+json' }, ...TRACE_CONTEXT_ATTRIBUTES },
  };
  for (const [type, schema] of Object.entries(DATA_SCHEMAS)) schemas[`${componentId(type)}Data`] = embed(asJson(schema));
  return schemas;
}

/** One message and one channel per topic, consumed or published. */
function topicMessagesAndChannels(messages: JsonObject, channels: JsonObject): void {
  const topics = sorted([...Object.values(EVENT_TOPOLOGY.consumes).flat(), ...Object.values(EVENT_TOPOLOGY.publishes).flat()]);
  for (const topic of topics) {
    if (!DATA_SCHEMAS[topic]) throw new Error(`topic ${topic} has no data schema`);
    const id = componentId(topic);
    const isOurs = Object.values(EVENT_TOPOLOGY.publishes).some((published) => (published as readonly string[]).includes(topic));
    const description = (DATA_SCHEMAS[topic] as { title?: string }).title ?? topic;
    messages[id] = {
      name: topic,
      title: topic,
      summary: description,
      contentType: 'application/cloudevents+json',
      headers: { $ref: '#/components/schemas/RecordHeaders' },
      payload: {
        allOf: [
          { $ref: '#/components/schemas/CloudEventEnvelope' },
          { type: 'object', properties: { type: { const: topic }, data: { $ref: `#/components/schemas/${id}Data` } } },
        ],
      },
      bindings: { kafka: { key: { type: 'string', description: 'The aggregate id (see the summary); it decides the partition.' } } },
    };
    channels[id] = {
      address: topic,
      title: topic,
      description: isOurs ? `Published by the platform through its outbox. ${description}` : `Upstream (the commerce platform). ${description}`,
      messages: { [id]: { $ref: `#/components/messages/${id}` } },
    };
  }
}

/** A send operation per topic each app publishes (through its outbox). */
function publishOperations(operations: JsonObject): void {
  for (const [app, published] of Object.entries(EVENT_TOPOLOGY.publishes)) {
    for (const topic of published) {
      const id = componentId(topic);
      operations[`${componentId(app)}Publishes${id.charAt(0).toUpperCase()}${id.slice(1)}`] = {
        action: 'send',
        title: `${app} publishes ${topic}`,
        channel: { $ref: `#/channels/${id}` },
        messages: [{ $ref: `#/channels/${id}/messages/${id}` }],
      };
    }
  }
}

/** The dead-letter message: the original record with why and where it failed in headers. */
function deadLetterMessage(): JsonObject {
  return {
    name: 'dead-letter',
    title: 'dead-lettered record',
    summary: 'The original record (key and value bytes unchanged) with why and where it failed in headers.',
    headers: {
      type: 'object',
      required: ['dlq-reason', 'dlq-detail', 'dlq-original-topic', 'dlq-original-partition', 'dlq-original-offset', 'dlq-consumer-group', 'dlq-failed-at'],
      properties: Object.fromEntries(Object.entries(DEAD_LETTER_HEADERS).map(([header, text]) => [header, { type: 'string', description: text }])),
    },
    payload: { description: 'The original value, whatever it was (possibly not JSON).' },
  };
}

/** Per consumed topic and app: the receive operation, the app's dead-letter channel and its send operation. */
function consumeOperations(channels: JsonObject, operations: JsonObject): void {
  for (const [app, consumed] of Object.entries(EVENT_TOPOLOGY.consumes)) {
    for (const topic of consumed) {
      const id = componentId(topic);
      const capitalized = `${id.charAt(0).toUpperCase()}${id.slice(1)}`;
      const dlqId = `${id}${componentId(`-${app}`)}Dlq`;
      channels[dlqId] = {
        address: deadLetterTopic(topic, app),
        title: deadLetterTopic(topic, app),
        description: `Records of ${topic} that ${app} could not process (malformed, or failing after its retries). Offsets move on.`,
        messages: { deadLetter: { $ref: '#/components/messages/deadLetter' } },
      };
      operations[`${componentId(app)}Consumes${capitalized}`] = {
        action: 'receive',
        title: `${app} consumes ${topic}`,
        description: `Consumer group ${app}; records are de-duplicated by CloudEvent id, retried with backoff, then dead-lettered.`,
        channel: { $ref: `#/channels/${id}` },
        messages: [{ $ref: `#/channels/${id}/messages/${id}` }],
        bindings: { kafka: { groupId: { type: 'string', enum: [app] } } },
      };
      operations[`${componentId(app)}DeadLetters${capitalized}`] = {
        action: 'send',
        title: `${app} dead-letters ${topic}`,
        channel: { $ref: `#/channels/${dlqId}` },
        messages: [{ $ref: `#/channels/${dlqId}/messages/deadLetter` }],
      };
    }
  }
}

/**
 * The AsyncAPI 3.0 document of every topic the platform consumes and publishes, built from the JSON
 * Schemas in this library (so it cannot drift; `npm run`-less: tools/contracts/generate-asyncapi.ts writes
 * libs/contracts/asyncapi.yaml and a test compares the two).
 */
export function buildAsyncApiDocument(): JsonObject {
  const schemas = componentSchemas();
  const messages: JsonObject = {};
  const channels: JsonObject = {};
  const operations: JsonObject = {};
  topicMessagesAndChannels(messages, channels);
  publishOperations(operations);
  messages['deadLetter'] = deadLetterMessage();
  consumeOperations(channels, operations);
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'promotions platform events',
      version: '1.0.0',
      description:
        'Every Kafka topic the promotions platform consumes and publishes. Generated by tools/contracts/generate-asyncapi.ts from ' +
        'libs/contracts/src/**/schemas/*.json; do not edit by hand. Values are CloudEvents 1.0 in structured mode (JSON).',
    },
    defaultContentType: 'application/cloudevents+json',
    servers: { local: { host: '127.0.0.1:19092', protocol: 'kafka', description: 'npm run infra:up' } },
    channels,
    operations,
    components: { schemas, messages },
  };
}
