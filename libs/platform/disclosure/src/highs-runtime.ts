import loadHighs from 'highs';

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let loading: Promise<Highs> | undefined;

/** HiGHS compiled to WebAssembly, loaded once per process (about 0.1 s); every solve after that is synchronous. */
export function highsSolver(): Promise<Highs> {
  loading ??= loadHighs();
  return loading;
}

/** The options of every solve: quiet, and a MIP solved to proven optimality (no relative gap), as the ranges need. */
export const EXACT_MIP = { output_flag: false, mip_rel_gap: 0 } as const;

/** An LP solved by simplex without presolve: the optimum comes back as a vertex, which can certify integrality. */
export const VERTEX_LP = { output_flag: false, presolve: 'off', solver: 'simplex' } as const;

export type { Highs };
export type { Model, ModelData } from 'highs';
