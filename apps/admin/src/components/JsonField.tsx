import { useRecordContext } from 'react-admin';

/** Raw payloads (Pi callbacks, webhooks) as indented JSON. */
export function JsonField({ source }: { source: string; label?: string }) {
  const record = useRecordContext<Record<string, unknown>>();
  if (!record || record[source] == null) return null;
  return <pre style={{ maxWidth: 640, maxHeight: 240, overflow: 'auto', fontSize: 12, margin: 0 }}>{JSON.stringify(record[source], null, 2)}</pre>;
}
