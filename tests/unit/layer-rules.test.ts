import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript module without types
import { checkImports } from '../../scripts/layer-rules.mjs';

const check = checkImports as (file: string, src: string) => string[];

describe('layer rules', () => {
  it('lets sodium.ts import libsodium and nobody else', () => {
    expect(check('src/core/crypto/sodium.ts', "import sodium from 'libsodium-wrappers-sumo';")).toEqual([]);
    expect(check('src/core/crypto/kdf.ts', "import sodium from 'libsodium-wrappers-sumo';")).toHaveLength(1);
    expect(check('src/ui/App.tsx', "import s from 'libsodium-wrappers-sumo';")).toHaveLength(1);
  });

  it('keeps Dexie in the store', () => {
    expect(check('src/store/db.ts', "import Dexie, { type Table } from 'dexie';")).toEqual([]);
    expect(check('src/engine/engine.ts', "import Dexie from 'dexie';")).toHaveLength(1);
    expect(check('src/ui/x.tsx', "import { liveQuery } from 'dexie';")).toHaveLength(1);
  });

  it('lets the UI import engine types but not engine code', () => {
    expect(check('src/ui/a.tsx', "import type { Engine } from '../engine/engine.ts';")).toEqual([]);
    expect(check('src/ui/a.tsx', "import { Engine } from '../engine/engine.ts';")).toHaveLength(1);
    expect(check('src/ui/a.tsx', "import { seal } from '../core/formats/envelope.ts';")).toHaveLength(1);
    expect(check('src/ui/a.tsx', "import { checkField } from '../core/domain/record.ts';")).toEqual([]);
    expect(check('src/ui/views/b.tsx', "import { VaultStore } from '../../store/vault-store.ts';")).toHaveLength(1);
  });

  it('keeps core free of outer layers and the engine free of the UI', () => {
    expect(check('src/core/domain/x.ts', "import { engine } from '../../ui/engine-client.ts';")).toHaveLength(1);
    expect(check('src/core/formats/x.ts', "import { aead } from '../crypto/sodium.ts';")).toEqual([]);
    expect(check('src/store/x.ts', "import { Engine } from '../engine/engine.ts';")).toHaveLength(1);
    expect(check('src/engine/x.ts', "import { h } from '../ui/a.tsx';")).toHaveLength(1);
    expect(check('src/engine/x.ts', "export { thing } from '../ui/a.tsx';")).toHaveLength(1);
  });
});
