import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

// The widget is bundled when the server starts: a few hundred milliseconds,
// and what is served always matches the code. Each bundle carries its hash in
// its name so browsers may cache it for good (the loader keeps a fixed name,
// since publishers paste it into their pages).

export interface Bundle {
  name: string;
  body: Buffer;
  gzip: Buffer;
  hash: string;
  /** the address the bundle is served at */
  path: string;
}

const entries = {
  loader: 'widget/loader/loader.ts',
  app: 'widget/app/main.tsx',
  counts: 'widget/counts/counts.ts',
} as const;

export type Bundles = Record<keyof typeof entries, Bundle>;

export async function buildBundles(): Promise<Bundles> {
  const root = new URL('../../', import.meta.url).pathname;
  const out = {} as Bundles;
  for (const [name, entry] of Object.entries(entries) as [keyof typeof entries, string][]) {
    const result = await build({
      entryPoints: [`${root}${entry}`],
      bundle: true,
      minify: true,
      write: false,
      format: 'iife',
      target: ['es2020'],
      jsx: 'automatic',
      jsxImportSource: 'preact',
      legalComments: 'none',
      logLevel: 'silent',
    });
    const body = Buffer.from(result.outputFiles[0]!.contents);
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    out[name] = {
      name,
      body,
      gzip: gzipSync(body, { level: 9 }),
      hash,
      path: name === 'loader' ? '/embed/loader.js' : `/embed/${name}.${hash}.js`,
    };
  }
  return out;
}

/**
 * The widget's bundles, built once on first need: the HTTP server builds them
 * before it listens, commands that serve nothing never pay for esbuild.
 */
export interface Widget {
  build(): Promise<Bundles>;
  /** the built bundles; only after build() has finished */
  readonly bundles: Bundles;
}

export function createWidget(): Widget {
  let built: Bundles | undefined;
  let building: Promise<Bundles> | undefined;
  return {
    build() {
      building ??= buildBundles().then((b) => {
        built = b;
        return b;
      });
      return building;
    },
    get bundles() {
      if (!built) throw new Error('the widget bundles are used before they were built');
      return built;
    },
  };
}
