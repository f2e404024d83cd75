/**
 * Reads a Server-Sent Events stream with fetch, so the request can carry the bearer token (EventSource cannot), and
 * resumes after a drop from the last event id it saw (Last-Event-ID), so no change is missed.
 */
export interface StreamEvent {
  id?: string;
  event: string;
  data: string;
}

export function followStream(
  url: string,
  token: () => string,
  onEvent: (e: StreamEvent) => void,
  onState: (connected: boolean) => void,
): () => void {
  let stopped = false;
  let lastEventId: string | undefined;
  let controller = new AbortController();
  let wake: () => void = () => undefined;
  // A device that goes offline drops its stream at once (it would otherwise look alive until a timeout); back
  // online, it reconnects at once, from the last event it saw.
  const offline = () => controller.abort();
  const online = () => wake();
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);

  async function connectOnce() {
    const headers: Record<string, string> = { Authorization: `Bearer ${token()}`, Accept: 'text/event-stream' };
    if (lastEventId) {
      headers['Last-Event-ID'] = lastEventId;
    }
    controller = new AbortController();
    const response = await fetch(url, { headers, signal: controller.signal });
    if (!response.ok || !response.body) {
      throw new Error(`stream answered ${response.status}`);
    }
    // Live only once the first event (ready) has named where the stream starts: a drop before it would otherwise
    // reconnect without a Last-Event-ID, from "now", and miss what changed while the device was away.
    let live = false;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += value;
      let end;
      while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
        const event: StreamEvent = { event: 'message', data: '' };
        const data: string[] = [];
        for (const line of block.split(/\r?\n/)) {
          if (line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'id') event.id = text;
          else if (field === 'event') event.event = text;
          else if (field === 'data') data.push(text);
        }
        if (data.length > 0) {
          event.data = data.join('\n');
          if (event.id) lastEventId = event.id;
          onEvent(event);
          if (!live && lastEventId) {
            live = true;
            onState(true);
          }
        }
      }
    }
  }

  (async () => {
    let delay = 500;
    while (!stopped) {
      try {
        await connectOnce();
        delay = 500;
      } catch {
        // dropped or refused: try again shortly
      }
      if (stopped) return;
      onState(false);
      await new Promise<void>((r) => {
        const timer = setTimeout(r, delay);
        wake = () => {
          clearTimeout(timer);
          r();
        };
      });
      delay = Math.min(delay * 2, 5000);
    }
  })();

  return () => {
    stopped = true;
    window.removeEventListener('offline', offline);
    window.removeEventListener('online', online);
    controller.abort();
  };
}
