import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Box, Card, CardContent, CardHeader, Stack, Table, TableBody, TableCell, TableHead, TableRow, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { Title } from 'react-admin';
import type { AdminStats, StatsInterval } from '@pishop/shared';
import { formatEur, formatPi } from '../format';
import { attentionFigures, headlineFigures, statusFigures, type Figure } from './figures';
import { useDashboardStats } from './useDashboardStats';

function Figures({ title, figures }: { title: string; figures: Figure[] }) {
  return (
    <Card sx={{ flex: 1, minWidth: 260 }}>
      <CardHeader title={title} titleTypographyProps={{ variant: 'subtitle1' }} />
      <CardContent sx={{ display: 'grid', gridTemplateColumns: 'repeat(2, 1fr)', gap: 2, pt: 0 }}>
        {figures.map((f) => (
          <Box key={f.label} component={Link} to={f.to} sx={{ textDecoration: 'none', color: 'inherit' }} aria-label={`${f.label}: ${f.value}`}>
            <Typography variant="caption" color="text.secondary">{f.label}</Typography>
            <Typography variant="h6" color={f.warn ? 'warning.main' : 'text.primary'}>{f.value}</Typography>
          </Box>
        ))}
      </CardContent>
    </Card>
  );
}

function LatestOrders({ orders }: { orders: AdminStats['latestOrders'] }) {
  return (
    <Card>
      <CardHeader title="Latest orders" titleTypographyProps={{ variant: 'subtitle1' }} />
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label="Latest orders">
          <TableHead>
            <TableRow>
              <TableCell>Order</TableCell>
              <TableCell>Customer</TableCell>
              <TableCell>Status</TableCell>
              <TableCell align="right">Total</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {orders.length === 0 && (
              <TableRow><TableCell colSpan={4}>No orders yet.</TableCell></TableRow>
            )}
            {orders.map((o) => (
              <TableRow key={o.id} hover>
                <TableCell><Link to={`/orders/${o.id}/show`}>{o.number}</Link></TableCell>
                <TableCell>
                  <Link to={`/users/${o.customerId}`}>{o.customerName}</Link>
                  {o.customerEmail && <Typography variant="caption" display="block" color="text.secondary">{o.customerEmail}</Typography>}
                </TableCell>
                <TableCell>{o.status}</TableCell>
                <TableCell align="right">{formatEur(o.totalEurCents)}<br />{formatPi(o.totalPi)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Card>
  );
}

// recharts is large: load it after the figures, not with the console.
const RevenueChart = lazy(() => import('./RevenueChart').then((m) => ({ default: m.RevenueChart })));

/** The landing page: revenue, orders by status, what needs attention, latest orders. */
export function Dashboard() {
  const [interval, setInterval] = useState<StatsInterval>('day');
  const { data, error, isPending } = useDashboardStats(interval);
  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }}>
      <Title title="Dashboard" />
      {error && <Alert severity="error">{(error as Error).message}</Alert>}
      {isPending && <Typography>Loading figures…</Typography>}
      {data && (
        <Stack spacing={2}>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <Figures title="Revenue" figures={headlineFigures(data)} />
            <Figures title="Payments needing attention" figures={attentionFigures(data)} />
            <Figures title="Orders by status" figures={statusFigures(data)} />
          </Stack>
          <Card>
            <CardHeader
              title={`Revenue ${data.from} – ${data.to}`}
              titleTypographyProps={{ variant: 'subtitle1' }}
              action={
                <ToggleButtonGroup size="small" exclusive value={interval} onChange={(_e, v: StatsInterval | null) => v && setInterval(v)} aria-label="Interval">
                  <ToggleButton value="day">Day</ToggleButton>
                  <ToggleButton value="week">Week</ToggleButton>
                  <ToggleButton value="month">Month</ToggleButton>
                </ToggleButtonGroup>
              }
            />
            <CardContent>
              <Suspense fallback={<Typography>Loading chart…</Typography>}>
                <RevenueChart stats={data} />
              </Suspense>
            </CardContent>
          </Card>
          <LatestOrders orders={data.latestOrders} />
        </Stack>
      )}
    </Box>
  );
}
