import { useRef, useState } from 'react';
import { Button, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, Button as MuiButton, TextField, Typography } from '@mui/material';
import type { AdminRefund, RefundAvailability, RefundRequest } from '@pishop/shared';
import { refundErrorText, refundKeys, refundOutcomeText } from './refund-messages';

/** The data provider calls refunds need (see dataProvider.ts). */
export interface RefundsDataProvider {
  refund(paymentId: number, body: RefundRequest, idempotencyKey: string): Promise<AdminRefund>;
  refundAvailability(): Promise<RefundAvailability>;
}

interface RefundablePayment {
  id: number;
  status: string;
  flagged: boolean;
  refundablePi: string;
}

/**
 * "Refund" on a confirmed payment (a flagged double payment included): a dialog for the amount
 * (all that is left by default) and the reason. One Idempotency-Key per dialog and figures, so a
 * retry after a lost answer can never send a second refund. When refunds are off, says why.
 */
export function RefundButton() {
  const record = useRecordContext<RefundablePayment>();
  const dataProvider = useDataProvider() as unknown as RefundsDataProvider;
  const notify = useNotify();
  const refresh = useRefresh();
  const availability = useQuery({ queryKey: ['refunds', 'availability'], queryFn: () => dataProvider.refundAvailability(), staleTime: 60_000 });
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const keys = useRef(refundKeys());

  if (!record || record.status !== 'confirmed') return null;
  if (availability.data && !availability.data.enabled) {
    return (
      <Typography variant="caption" color="text.secondary" role="note" sx={{ maxWidth: 420 }}>
        {availability.data.reason}
      </Typography>
    );
  }
  if (record.refundablePi === '0') return <Button label="Refunded in full" disabled />;

  const start = () => {
    keys.current = refundKeys();
    setAmount(record.refundablePi);
    setReason(record.flagged ? 'Paid twice for the same order' : '');
    setError(null);
    setOpen(true);
  };
  const edit = (set: (v: string) => void) => (e: React.ChangeEvent<HTMLInputElement>) => set(e.target.value);
  const send = async () => {
    setSending(true);
    setError(null);
    try {
      const body = { amountPi: amount.trim(), reason: reason.trim() };
      const refund = await dataProvider.refund(record.id, body, keys.current.for(body.amountPi, body.reason));
      const outcome = refundOutcomeText(refund);
      notify(outcome.text, { type: outcome.type });
      setOpen(false);
      refresh();
    } catch (e) {
      setError(refundErrorText(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <Button label="Refund" onClick={start} />
      <Dialog open={open} onClose={() => !sending && setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="refund-title">
        <DialogTitle id="refund-title">Refund payment #{record.id}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            The π go back to the Pioneer who paid, from the app wallet (which also pays the 0.01 π fee). Up to {record.refundablePi} π can be refunded.
          </Typography>
          <TextField label="Amount (π)" value={amount} onChange={edit(setAmount)} fullWidth sx={{ mb: 2 }} inputProps={{ inputMode: 'decimal' }} />
          <TextField label="Reason (the customer reads it)" value={reason} onChange={edit(setReason)} fullWidth multiline minRows={2} />
          {error && <Alert severity="error" sx={{ mt: 2 }}>{error}</Alert>}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)} disabled={sending}>Back</MuiButton>
          <MuiButton variant="contained" onClick={send} disabled={sending || reason.trim().length < 3 || amount.trim() === ''}>
            Send refund
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
