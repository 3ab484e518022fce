import { existsSync } from 'node:fs';
import { scenarioSummary } from '../../shared/scenario/summary.ts';
import { join } from 'node:path';
import express, { type Application } from 'express';
import { scenarioById, scenarioIds } from '../assets/library.ts';
import { readMetrics } from './metrics.ts';
import { mountCompetitionRoutes } from './competition-routes.ts';
import { mountLevelRoutes } from './level-routes.ts';
import type { Services } from '../services.ts';

// The plain HTTP side of the one port: a health check for operators and the built game page with its assets.
export interface RouteOptions {
  clientDir: string;
  version: string;
  startedAt: number;
  services: Services;
}

export function mountRoutes(app: Application, options: RouteOptions): void {
  const { services } = options;
  // Ready only once every checkpointed match is back under its code: a player who comes back after a restart
  // (and `npm start`'s and the tests' waits) must not be told their room does not exist while it is restoring.
  app.get('/healthz', (_req, res) => {
    res.status(services.ready ? 200 : 503).json({
      status: services.ready ? 'ok' : 'restoring',
      ready: services.ready,
      version: options.version,
      uptimeS: Math.round((Date.now() - options.startedAt) / 1000),
    });
  });

  mountCompetitionRoutes(app, services);
  mountLevelRoutes(app, services);

  // Process figures; `?reset=1` restarts the event-loop delay histogram (the load harness reads a window);
  // `?gc=1` collects garbage first, only in a process started with --expose-gc (the soak's heap readings).
  app.get('/metrics', (req, res) => {
    res.json(readMetrics(services, req.query.reset === '1', req.query.gc === '1'));
  });

  // The scenarios a player can pick: enough for a campaign map and a teacher's form (the full text is in
  // the scenario file, which the room loads itself).
  app.get('/api/scenarios', (_req, res) => {
    const list = scenarioIds().flatMap((id) => {
      const loaded = scenarioById(id);
      return loaded.ok ? [scenarioSummary(loaded.scenario)] : [];
    });
    // Campaign levels in their order first, then the rest by id.
    list.sort((a, b) => (a.campaign?.order ?? 1e9) - (b.campaign?.order ?? 1e9) || a.id.localeCompare(b.id));
    res.json(list);
  });

  // Hashed asset names change with every build, so they may be cached for good; index.html must not be.
  app.use(
    '/assets',
    express.static(join(options.clientDir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: true }),
  );
  app.use(express.static(options.clientDir, { index: false, maxAge: 0 }));
  app.get('/', (_req, res) => {
    const index = join(options.clientDir, 'index.html');
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send('The game page is not built yet: run `npm start`, which builds it.');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
