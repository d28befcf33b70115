// The shapes the `.mlp` spec parser produces. Every range is zero-based and
// refers to the document the spec was found in (not to the spec block), so
// presenters can underline without mapping anything back.
import type { Problem, Range } from '../source';
import type { Activation, LossKind, NetworkConfig } from '../engine';
import type { ConventionName } from '../notation';

/** One line of spec text and where its first character sits in the document. */
export interface SpecLine {
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

/** A spec problem; `replacement`, when present, is the text that fixes `range` (a did-you-mean). */
export interface SpecProblem extends Problem {
  readonly replacement?: string;
}

/** `let \alpha = z^{L}`: a LaTeX symbol bound to a LaTeX expression. */
export interface LetBinding {
  readonly symbol: string;
  readonly expression: string;
  readonly symbolRange: Range;
  readonly expressionRange: Range;
  /** The whole statement, keyword included. */
  readonly range: Range;
  /** Set when the binding comes from a referenced `.mlp` file (its ranges then refer to that file). */
  readonly file?: string;
}

/** `mlp: path/to/net.mlp`, with the path as written. */
export interface SpecInclude {
  readonly path: string;
  readonly range: Range;
}

interface StatementBase {
  /** The whole statement without its comment. */
  readonly range: Range;
  readonly keywordRange: Range;
}

export interface InputStatement extends StatementBase {
  readonly kind: 'input';
  readonly size: number;
  readonly valueRange: Range;
}

export interface DenseStatement extends StatementBase {
  readonly kind: 'dense';
  /** The layer number l of the math (1 for the first `dense` line). */
  readonly layer: number;
  readonly units: number;
  readonly activation: Activation;
  /** The spelling used when it was an alias (`linear` for identity). */
  readonly activationAlias?: string;
  readonly unitsRange: Range;
  readonly activationRange: Range;
}

export interface LossStatement extends StatementBase {
  readonly kind: 'loss';
  readonly loss: LossKind;
  readonly valueRange: Range;
}

export interface LetStatement extends StatementBase {
  readonly kind: 'let';
  readonly binding: LetBinding;
}

export interface SeedStatement extends StatementBase {
  readonly kind: 'seed';
  readonly value: number;
  readonly valueRange: Range;
}

export interface SamplesStatement extends StatementBase {
  readonly kind: 'samples';
  readonly value: number;
  readonly valueRange: Range;
}

/** `batch 64`: claims are about a batch of that many examples (DESIGN.md "Batches"). */
export interface BatchStatement extends StatementBase {
  readonly kind: 'batch';
  readonly value: number;
  readonly valueRange: Range;
}

/** How a batch is laid out: examples as columns (deeplearning.ai) or as rows (CS231n). */
export type BatchLayout = 'columns' | 'rows';

export interface LayoutStatement extends StatementBase {
  readonly kind: 'layout';
  readonly layout: BatchLayout;
  readonly valueRange: Range;
}

/** A batch of examples checked together, and its layout. */
export interface BatchSpec {
  readonly size: number;
  readonly layout: BatchLayout;
}

export interface IncludeStatement extends StatementBase {
  readonly kind: 'include';
  readonly path: string;
  readonly pathRange: Range;
}

/** `convention NAME`: a convention the document declares (src/core/notation/conventions.ts). */
export interface ConventionStatement extends StatementBase {
  readonly kind: 'convention';
  readonly name: ConventionName;
  /** `layer-letters i j k`: the index letter of each layer, the input layer first. */
  readonly letters?: readonly string[];
  readonly nameRange: Range;
}

/** A declared convention as the checker reads it. */
export type DeclaredConvention = Pick<ConventionStatement, 'name' | 'letters' | 'range'> & {
  /** Set when the declaration comes from a referenced `.mlp` file (its range then refers to that file). */
  readonly file?: string;
};

/** A well-formed statement; lines with errors appear only as problems. */
export type Statement =
  | InputStatement
  | DenseStatement
  | LossStatement
  | LetStatement
  | SeedStatement
  | SamplesStatement
  | BatchStatement
  | LayoutStatement
  | IncludeStatement
  | ConventionStatement;

export interface ParsedSpec {
  /** The network, when the spec declares one and it has no errors. */
  readonly network?: NetworkConfig;
  /** True when any `input`, `dense` or `loss` line is present, even a broken one. */
  readonly declaresNetwork: boolean;
  /** Σ n_l (n_{l-1} + 1) when the layer sizes are known. */
  readonly parameterCount?: number;
  readonly lets: readonly LetBinding[];
  /** `convention` lines, in order, each name once. */
  readonly conventions: readonly DeclaredConvention[];
  readonly seed?: number;
  readonly samples?: number;
  /** Set by a `batch` statement (with `layout`, columns by default). */
  readonly batch?: BatchSpec;
  readonly includes: readonly SpecInclude[];
  readonly statements: readonly Statement[];
  readonly problems: readonly SpecProblem[];
}

export type SpecDocumentKind = 'markdown' | 'latex' | 'mlp';

/** Consecutive spec lines found in a document: a fenced block, a run of `% mlp:` lines, a whole file. */
export interface SpecBlock {
  readonly lines: readonly SpecLine[];
  /** From the first to the last line of the block in the document (fences included for Markdown). */
  readonly range: Range;
}

/** Where the network came from. */
export type SpecSource = 'document' | 'file' | 'default';

/** A `.mlp` file referenced with `mlp: path` and what it contains. */
export interface ReferencedSpec {
  /** As written in the document. */
  readonly reference: string;
  /** Resolved against the document's path; what `readFile` was called with. */
  readonly path: string;
  /** Parsed from the file; its ranges and problems refer to that file. */
  readonly spec: ParsedSpec;
}

export interface DocumentSpec {
  readonly source: SpecSource;
  /**
   * The effective spec: the network to use (the default network when source
   * is 'default'; undefined when the spec written for this document has
   * errors), the document's and the referenced file's lets, seed, samples.
   */
  readonly spec: ParsedSpec;
  /** Problems located in this document, including a referenced file's problems reported at the reference. */
  readonly problems: readonly SpecProblem[];
  readonly blocks: readonly SpecBlock[];
  readonly file?: ReferencedSpec;
  /** Where the network is written: the block declaring it, or the `mlp:` reference; undefined for the default. */
  readonly origin?: Range;
}

/**
 * Reads a referenced spec file; undefined when it does not exist or cannot be
 * read, `refused` when the reader will not read it (a symbolic link out of the
 * workspace), with the reason to show at the reference.
 */
export type ReadFile = (path: string) => string | undefined | { readonly refused: string };
