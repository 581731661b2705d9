import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One mail as the SMTP server received it: the envelope, the raw text and what it parses to. */
export interface ReceivedMail {
  envelopeTo: string[];
  raw: string;
  parsed: ParsedMail;
  messageId: string;
  notificationKey: string;
  /** When it arrived (Date.now()). */
  at: number;
}

/**
 * A real SMTP server (the `smtp-server` package) on 127.0.0.1 that keeps every mail it accepts. It
 * refuses, with 550, any recipient `refuse` names, and can be stopped and started again on the same
 * port — a mail server that is down for a while.
 */
export class SmtpReceiver {
  readonly mails: ReceivedMail[] = [];
  refuse: (address: string) => boolean = () => false;
  /** Answers 451 (try again later) to a recipient when it says so: a mail server having a bad moment. */
  deferNow: () => boolean = () => false;
  deferred = 0;
  private server?: SMTPServer;
  private port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<string> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (this.deferNow()) {
          this.deferred += 1;
          return callback(Object.assign(new Error('4.3.0 try again later'), { responseCode: 451 }));
        }
        if (!this.refuse(address.address)) return callback();
        callback(Object.assign(new Error(`5.1.1 <${address.address}>: no such mailbox`), { responseCode: 550 }));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw)
            .then((parsed) => {
              this.mails.push({
                envelopeTo: session.envelope.rcptTo.map((to) => to.address),
                raw,
                parsed,
                messageId: parsed.messageId ?? '',
                notificationKey: String(parsed.headers.get('x-reform-notification') ?? ''),
                at: Date.now(),
              });
              callback();
            })
            .catch(callback);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
    return this.url;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** One message a WeCom group robot was sent. */
export interface RobotMessage {
  body: { msgtype: string; markdown?: { content: string } };
  notificationKey: string | null;
  at: number;
}

/**
 * A local stand-in for the 企业微信 group robot's webhook: keeps what it is sent and answers as the
 * robot does (`{errcode: 0}`), or with `status` / `errcode` when a test sets them.
 */
export class RobotReceiver {
  readonly messages: RobotMessage[] = [];
  status = 200;
  errcode = 0;
  /** Answers 503 when it says so: a robot having a bad moment. */
  failNow: () => boolean = () => false;
  failed = 0;
  private server?: Server;
  private port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/cgi-bin/webhook/send?key=test-robot`;
  }

  async start(): Promise<string> {
    const server = createServer((request, response) => {
      let text = '';
      request.setEncoding('utf8');
      request.on('data', (chunk) => (text += chunk));
      request.on('end', () => {
        if (this.failNow()) {
          this.failed += 1;
          response.writeHead(503).end();
          return;
        }
        if (this.status !== 200) {
          response.writeHead(this.status, { 'content-type': 'application/json' }).end('{"errcode":-1,"errmsg":"refused"}');
          return;
        }
        if (this.errcode === 0) {
          const body = JSON.parse(text);
          const key = /通知编号 ([^<\s]+)/.exec(body.markdown?.content ?? '')?.[1] ?? null;
          this.messages.push({ body, notificationKey: key, at: Date.now() });
        }
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ errcode: this.errcode, errmsg: this.errcode ? 'invalid' : 'ok' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', () => resolve()));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this.url;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    server?.closeAllConnections();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
