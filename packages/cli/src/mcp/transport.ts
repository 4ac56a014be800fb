// The MCP stdio framing (one JSON-RPC message per line) over this process's stdin and stdout. The SDK's
// StdioServerTransport joins the chunks of a message by copying its whole buffer on every chunk, which takes minutes
// for a message of the size the CLI accepts (256 MiB); here each byte is copied once. Messages are parsed and
// serialised by the SDK's own functions.
import type { Readable, Writable } from 'node:stream';
import { deserializeMessage, serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/** A server transport reading newline-delimited JSON-RPC from `input` and writing it to `output`. */
export class LineTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  private pending: Buffer[] = [];
  private size = 0;
  private closed = false;
  /** Requests received and not answered yet: the end of the input waits for their answers. */
  private readonly unanswered = new Set<string | number>();
  private ended = false;

  /** `maxMessageBytes`: a longer message is an error that ends the session, as the SDK's transport does. */
  constructor(
    private readonly input: Readable,
    private readonly output: Writable,
    private readonly maxMessageBytes: number,
  ) {}

  private readonly onData = (chunk: Buffer): void => {
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
      this.pending.push(chunk.subarray(start, nl));
      const line = Buffer.concat(this.pending, this.size + nl - start);
      this.pending = [];
      this.size = 0;
      start = nl + 1;
      this.receive(line.toString('utf8').replace(/\r$/, ''));
      if (this.closed) return;
    }
    if (start < chunk.length) {
      this.pending.push(chunk.subarray(start));
      this.size += chunk.length - start;
      if (this.size > this.maxMessageBytes) {
        this.onerror?.(new Error(`a message is larger than ${this.maxMessageBytes} bytes`));
        void this.close();
      }
    }
  };

  private readonly onEnd = (): void => {
    this.ended = true;
    if (this.unanswered.size === 0) void this.close();
  };
  private readonly onError = (e: Error): void => this.onerror?.(e);

  private receive(line: string): void {
    if (line.trim() === '') return;
    let message: JSONRPCMessage;
    try {
      message = deserializeMessage(line);
    } catch (e) {
      this.onerror?.(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    if ('method' in message && 'id' in message) this.unanswered.add(message.id);
    this.onmessage?.(message);
  }

  start(): Promise<void> {
    this.input.on('data', this.onData);
    this.input.on('end', this.onEnd);
    this.input.on('error', this.onError);
    return Promise.resolve();
  }

  send(message: JSONRPCMessage): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        if (!('method' in message) && 'id' in message && this.unanswered.delete(message.id ?? '') && this.ended)
          if (this.unanswered.size === 0) void this.close();
        resolve();
      };
      if (this.output.write(serializeMessage(message))) done();
      else this.output.once('drain', done);
    });
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    this.input.off('data', this.onData);
    this.input.off('end', this.onEnd);
    this.input.off('error', this.onError);
    this.input.pause();
    this.pending = [];
    this.onclose?.();
    return Promise.resolve();
  }
}
