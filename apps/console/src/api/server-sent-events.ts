/** One server-sent event: its `event:` type and its `data:` lines joined. */
export interface ServerSentEvent {
  readonly type: string;
  readonly data: string;
}

/** Splits an SSE text stream into events; returns the events complete so far and the unfinished rest. */
export function parseEvents(buffer: string): { readonly events: readonly ServerSentEvent[]; readonly rest: string } {
  const blocks = buffer.replace(/\r\n/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  const events = blocks
    .map((block) => {
      let type = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) type = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      return { type, data: data.join('\n') };
    })
    .filter((event) => event.data !== '');
  return { events, rest };
}

/**
 * Reads an SSE response body (fetched with the key header, which EventSource cannot send) and calls
 * `onEvent` for each event until the stream ends or `signal` aborts.
 */
export async function readEvents(body: ReadableStream<Uint8Array>, onEvent: (event: ServerSentEvent) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    const parsed = parseEvents(buffer);
    buffer = parsed.rest;
    parsed.events.forEach(onEvent);
  }
  parseEvents(`${buffer}\n\n`).events.forEach(onEvent);
}
