import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply } from 'fastify';

// Server-sent event streams stay open as long as the reader's page: a server
// closing (a deploy, SIGTERM) would wait for them forever. Every stream is
// opened here, so that closing the app can end them all and the readers'
// browsers reconnect, through the load balancer, to another instance.

declare module 'fastify' {
  interface FastifyInstance {
    /** the open server-sent event streams of this app */
    eventStreams: Set<ServerResponse>;
  }
}

/** Installs the registry of streams and ends them when the app starts closing. */
export function installEventStreams(app: FastifyInstance): void {
  app.decorate('eventStreams', new Set<ServerResponse>());
  app.addHook('preClose', async () => {
    for (const res of app.eventStreams) {
      // Come back soon (to whichever instance answers): this one is going away.
      res.end(': closing\nretry: 1000\n\n');
    }
    app.eventStreams.clear();
  });
}

/** Starts a server-sent event stream on the reply; the stream is known to the app until it ends. */
export function startEventStream(reply: FastifyReply): ServerResponse {
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-accel-buffering': 'no',
    connection: 'keep-alive',
  });
  res.write('retry: 3000\n\n');
  const streams = reply.server.eventStreams;
  streams.add(res);
  res.on('close', () => streams.delete(res));
  return res;
}
