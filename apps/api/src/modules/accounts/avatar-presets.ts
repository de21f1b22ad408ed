import { AVATAR_CHOICES, type AvatarChoice } from '@pishop/shared';

const COLOURS: Record<AvatarChoice, [string, string]> = {
  aurora: ['#34d399', '#6366f1'],
  ember: ['#f97316', '#b91c1c'],
  forest: ['#65a30d', '#14532d'],
  ocean: ['#06b6d4', '#1e3a8a'],
  sunset: ['#fbbf24', '#db2777'],
  violet: ['#a78bfa', '#5b21b6'],
  slate: ['#94a3b8', '#334155'],
  gold: ['#fde047', '#a16207'],
};

export function isAvatarChoice(value: string): value is AvatarChoice {
  return (AVATAR_CHOICES as readonly string[]).includes(value);
}

/** A preset avatar: a gradient disc with a simple head-and-shoulders figure. */
export function presetSvg(choice: AvatarChoice): string {
  const [from, to] = COLOURS[choice];
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128" width="128" height="128" role="img" aria-label="${choice} avatar">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
<circle cx="64" cy="64" r="64" fill="url(#g)"/>
<circle cx="64" cy="50" r="22" fill="#ffffff" fill-opacity="0.85"/>
<path d="M24 112c6-22 22-34 40-34s34 12 40 34" fill="#ffffff" fill-opacity="0.85"/>
</svg>
`;
}
