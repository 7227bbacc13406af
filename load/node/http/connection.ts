// One keep-alive connection of the engine: one request at a time, written in one piece, answered by the
// strict parser. It (re)connects on demand, so a server closing an idle connection costs nothing; an
// answer the server never finishes is cut off by `expire` (the worker's deadline sweep). Answers go to
// the owner's fixed `answered` method (no closure per request).
import type { Socket } from 'node:net';
import { ParseError, ResponseParser, type ParsedResponse } from './response-parser.ts';
import { openSocket, type SocketTarget } from './target.ts';

export interface ConnectionOwner {
  /**
   * `error` is null for an HTTP answer; otherwise the status is 0 and `error` says why there is none.
   * `sentAt` and `at`: performance.now() of the write and of the answer (or failure); `retryAfter`: the
   * answer's Retry-After header, if any; `timedOut`: no answer within the deadline.
   */
  answered(
    slot: number,
    status: number,
    body: string | null,
    error: string | null,
    sentAt: number,
    at: number,
    retryAfter: string | null,
    timedOut?: boolean,
  ): void;
}

/**
 * A connection idle longer than this is replaced before its next request: servers close idle keep-alive
 * connections (Node after 5 s, Apache after 5 s), and a request written just as the server's close is on
 * its way fails for the client's reason (a reset), not the server's.
 */
const IDLE_REOPEN_MS = 2000;

export class Connection {
  /** performance.now() when the waiting request was written; 0 when idle. */
  sentAt = 0;
  private idleSince = 0;
  private socket: Socket | null = null;
  private readonly parser = new ResponseParser();
  private error: string | null = null;
  /** Whether an HTTP answer has come on the current socket: a socket that never answered failed to connect. */
  private answeredOnSocket = false;

  constructor(
    private readonly target: SocketTarget,
    private readonly owner: ConnectionOwner,
    private readonly slot: number,
    private readonly onConnectError: (error: string) => void = () => undefined,
  ) {}

  get waiting(): boolean {
    return this.sentAt !== 0;
  }

  /** Opens the socket ahead of the first request; resolves once connected, or on failure. */
  warm(): Promise<void> {
    const socket = this.open();
    return new Promise((resolve) => {
      socket.once(this.target.tls ? 'secureConnect' : 'connect', resolve);
      socket.once('close', resolve);
    });
  }

  send(request: Buffer | string): void {
    this.sentAt = performance.now();
    if (this.socket && this.sentAt - this.idleSince > IDLE_REOPEN_MS) this.drop();
    (this.socket ?? this.open()).write(request);
  }

  /** Fails the waiting request when it has waited longer than `timeoutMs`. */
  expire(now: number, timeoutMs: number): void {
    if (this.sentAt !== 0 && now - this.sentAt > timeoutMs) this.fail(`no answer within ${timeoutMs} ms`, now, true);
  }

  /** Closes the socket; a waiting request is dropped without an answer. */
  destroy(): void {
    this.sentAt = 0;
    this.drop();
  }

  private open(): Socket {
    const socket: Socket = openSocket(this.target, (bytes) => this.read(socket, bytes));
    this.socket = socket;
    this.idleSince = performance.now();
    this.error = null;
    this.answeredOnSocket = false;
    this.parser.reset();
    socket.on('end', () => this.ended(socket));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      this.error = error.code ? `${error.code}: ${error.message}` : error.message;
    });
    socket.on('close', () => this.closed(socket));
    return socket;
  }

  private read(socket: Socket, chunk: Buffer): void {
    if (socket !== this.socket) return;
    try {
      this.parser.feed(chunk, (response) => this.deliver(response));
    } catch (error) {
      this.fail(error instanceof ParseError ? `malformed answer: ${error.message}` : String(error));
    }
  }

  private ended(socket: Socket): void {
    if (socket !== this.socket) return;
    try {
      this.parser.finish((response) => this.deliver(response));
    } catch (error) {
      return this.fail(error instanceof ParseError ? error.message : String(error));
    }
    if (this.socket !== socket) return;
    if (this.sentAt !== 0) this.fail('the connection closed without an answer');
    else this.drop();
  }

  private closed(socket: Socket): void {
    if (socket !== this.socket) return;
    const reason = this.error ?? 'the connection closed without an answer';
    if (!this.answeredOnSocket && this.error) this.onConnectError(this.error);
    this.socket = null;
    if (this.sentAt !== 0) this.fail(reason);
  }

  private deliver(response: ParsedResponse): void {
    if (this.sentAt === 0) return this.fail('an answer nobody asked for');
    const sentAt = this.sentAt;
    const at = performance.now();
    this.answeredOnSocket = true;
    this.sentAt = 0;
    this.idleSince = at;
    if (!response.keepAlive) this.drop();
    this.owner.answered(this.slot, response.status, response.body, null, sentAt, at, response.retryAfter);
  }

  private fail(reason: string, at = performance.now(), timedOut = false): void {
    const sentAt = this.sentAt;
    this.sentAt = 0;
    this.drop();
    if (sentAt !== 0) this.owner.answered(this.slot, 0, null, reason, sentAt, at, null, timedOut);
  }

  private drop(): void {
    const socket = this.socket;
    this.socket = null;
    this.parser.reset();
    socket?.destroy();
  }
}
