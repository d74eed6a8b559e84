/**
 * The glossary: short definitions shown as tooltips wherever a term appears (lesson texts mark
 * them `[[term]]`; the legend and the extents table use <Term> directly). Plain data.
 */
export interface GlossaryEntry {
  /** How the term is written. */
  term: string;
  definition: string;
}

export const GLOSSARY: Readonly<Record<string, GlossaryEntry>> = {
  extent: {
    term: 'extent',
    definition:
      'A run of consecutive logical blocks of a file with one status, written [lblk/len): len blocks starting at lblk.',
  },
  lblk: {
    term: 'lblk',
    definition:
      'Logical block: a block number inside the file (block 0 is the first 4 KiB of the file, usually). 32 bits, so at most 0xfffffffe.',
  },
  pblk: {
    term: 'pblk',
    definition:
      'Physical block: where the data lives on the disk. Only written and unwritten extents have one.',
  },
  written: {
    term: 'written',
    definition:
      'Status W: the blocks are allocated on disk and hold data. Reads go to the disk at pblk.',
  },
  unwritten: {
    term: 'unwritten',
    definition:
      'Status U: the blocks are allocated on disk (fallocate) but never written, so they read as zeros.',
  },
  delayed: {
    term: 'delayed',
    definition:
      'Status D: data waits in the page cache and has no disk block yet (delayed allocation). Writeback allocates blocks later.',
  },
  hole: {
    term: 'hole',
    definition:
      'Status H: the file has no blocks here; the tree caches that fact so the next read does not search the disk.',
  },
  cache_es: {
    term: 'cache_es',
    definition:
      'The one extent per inode that lookups try first. Insert, a splitting remove and find_delayed set it; lookup only reads it.',
  },
  lru: {
    term: 'LRU',
    definition:
      'The superblock list of inodes (s_es_lru), least recently used first. Insert, lookup and find_delayed move an inode to the tail.',
  },
  lru_nr: {
    term: 'lru_nr',
    definition:
      'Per inode: how many of its extents the shrinker may reclaim, that is every extent that is not delayed.',
  },
  shrinker: {
    term: 'shrinker',
    definition:
      'The memory-pressure callback (ext4_es_shrink): it walks the LRU from the head and frees non-delayed extents.',
  },
  nr_to_scan: {
    term: 'nr_to_scan',
    definition:
      'How many extents the shrinker is asked to free in one call. 0 only asks how many could be freed.',
  },
  rotation: {
    term: 'rotation',
    definition:
      'A red-black tree move that turns a parent and child around each other to keep the tree balanced; the order of extents does not change.',
  },
};

/** The entry for a term as written in a text ([[LRU]] and [[lru]] are the same). */
export function glossaryEntry(term: string): GlossaryEntry | undefined {
  return GLOSSARY[term] ?? GLOSSARY[term.toLowerCase()];
}
