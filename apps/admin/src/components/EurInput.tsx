import { NumberInput, required } from 'react-admin';

/** Edits integer cents as euros (49000 ⇄ 490.00). */
export function EurInput({ source, label }: { source: string; label: string }) {
  return (
    <NumberInput
      source={source}
      label={label}
      validate={required()}
      min={0}
      step={0.01}
      format={(cents: number | null | undefined) => (typeof cents === 'number' ? cents / 100 : cents)}
      parse={(euros: string | number | null) => (euros === null || euros === '' ? null : Math.round(Number(euros) * 100))}
    />
  );
}
