import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTheme } from '@mui/material';
import type { AdminStats } from '@pishop/shared';
import { chartPoints } from './figures';

/** Revenue per period: EUR as bars (left axis), π as a line (right axis). */
export function RevenueChart({ stats }: { stats: AdminStats }) {
  const theme = useTheme();
  const data = chartPoints(stats);
  return (
    <div style={{ width: '100%', height: 280 }} data-testid="revenue-chart">
      <ResponsiveContainer>
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="period" tick={{ fontSize: 11 }} />
          <YAxis yAxisId="eur" tick={{ fontSize: 11 }} />
          <YAxis yAxisId="pi" orientation="right" tick={{ fontSize: 11 }} />
          <Tooltip />
          <Legend />
          <Bar yAxisId="eur" dataKey="eur" name="EUR" fill={theme.palette.primary.main} />
          <Line yAxisId="pi" dataKey="pi" name="π" stroke={theme.palette.secondary.main} dot={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
