// How many addresses a changing multiset of CIDR blocks covers. Two CIDR blocks are nested or
// disjoint, so the blocks sit on a binary trie of prefixes: a node is covered whole when a block
// ends there, else as much as its two halves are. Adding or removing a block updates the nodes
// on its prefix only (at most 32 or 128), whatever the number of blocks.
import { BITS, type Family } from './cidr.js';

interface Node {
  /** Blocks that are exactly this prefix. */
  count: number;
  /** Addresses of this prefix covered by blocks at or below it. */
  covered: bigint;
  halves: [Node | null, Node | null];
}

const node = (): Node => ({ count: 0, covered: 0n, halves: [null, null] });

export class CoveredBlocks {
  readonly #root = node();
  readonly #bits: number;

  constructor(readonly family: Family) {
    this.#bits = BITS[family];
  }

  /** Adds (+1) or removes (-1) the block of `prefix` bits starting at `start`. */
  change(start: bigint, prefix: number, by: 1 | -1): void {
    const path: Node[] = [this.#root];
    for (let depth = 0; depth < prefix; depth++) {
      const parent = path[depth]!;
      const half = Number((start >> BigInt(this.#bits - 1 - depth)) & 1n);
      path.push(parent.halves[half] ?? (parent.halves[half] = node()));
    }
    path[prefix]!.count += by;
    for (let depth = prefix; depth >= 0; depth--) {
      const n = path[depth]!;
      n.covered = n.count > 0 ? 1n << BigInt(this.#bits - depth) : (n.halves[0]?.covered ?? 0n) + (n.halves[1]?.covered ?? 0n);
    }
  }

  /** Addresses covered within the block of `prefix` bits starting at `start`. */
  coveredWithin(start: bigint, prefix: number): bigint {
    let n: Node | null = this.#root;
    for (let depth = 0; depth < prefix && n; depth++) {
      if (n.count > 0) return 1n << BigInt(this.#bits - prefix);
      n = n.halves[Number((start >> BigInt(this.#bits - 1 - depth)) & 1n)] ?? null;
    }
    return n?.covered ?? 0n;
  }
}
