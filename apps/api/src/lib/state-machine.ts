import type { ErrorCode } from '@pishop/shared';
import { AppError } from './app-error';

/** A transition table: for each state, the states it may move to (terminal states list none). */
export type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

export interface StateMachine<S extends string> {
  readonly table: TransitionTable<S>;
  readonly states: readonly S[];
  canTransition(from: S, to: S): boolean;
  isTerminal(state: S): boolean;
  /** Returns `to` when the table allows it; throws `<NAME>_INVALID_TRANSITION` (409) otherwise. */
  transition(from: S, to: S): S;
}

/** The whole lifecycle of an aggregate is the table; this only reads it. */
export function stateMachine<S extends string>(name: string, table: TransitionTable<S>, invalidCode: ErrorCode): StateMachine<S> {
  const states = Object.keys(table) as S[];
  const canTransition = (from: S, to: S) => (table[from] ?? []).includes(to);
  return {
    table,
    states,
    canTransition,
    isTerminal: (state) => (table[state] ?? []).length === 0,
    transition(from, to) {
      if (!canTransition(from, to)) {
        throw new AppError(invalidCode, `A ${name} cannot go from ${from} to ${to}`, { from, to });
      }
      return to;
    },
  };
}
