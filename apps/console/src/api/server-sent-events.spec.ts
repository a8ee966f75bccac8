import { parseEvents } from './server-sent-events';

describe('parseEvents', () => {
  it('returns complete events and keeps the unfinished one', () => {
    const { events, rest } = parseEvents('event: progress\ndata: {"done":1}\n\nevent: progress\ndata: {"do');
    expect(events).toEqual([{ type: 'progress', data: '{"done":1}' }]);
    expect(rest).toBe('event: progress\ndata: {"do');
  });

  it('joins multi-line data and defaults the type to message', () => {
    expect(parseEvents('data: a\r\ndata: b\r\n\r\n').events).toEqual([{ type: 'message', data: 'a\nb' }]);
  });
});
