// The convention for events we publish (STYLE.md §3): type and topic `<service>.<event>`,
// `dataschema` = `urn:promotions:<type>:v<n>`, source = `promotions/<service>`.

export type PlatformService = 'pricing' | 'code-inventory' | 'redemption' | 'campaigns';

/** The dataschema URN of one version of an outbound event type. */
export function outboundDataschema(type: string, version: number): string {
  if (!/^[a-z][a-z-]*\.[a-z][a-z-]*$/.test(type)) {
    throw new Error(`outbound event type "${type}" must be <service>.<event> in kebab-case`);
  }
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new Error(`outbound event version must be a positive integer, got ${version}`);
  }
  return `urn:promotions:${type}:v${version}`;
}

/** The dead-letter topic of one consuming app: `<topic>.<app>.dlq`. */
export function deadLetterTopic(topic: string, app: string): string {
  return `${topic}.${app}.dlq`;
}
