import { it } from 'vitest';
import { emptyState } from '../src/modules/assistant/conversation/state.js';
import { understandTurn } from '../src/modules/assistant/conversation/understand-turn.js';
const gpu = (n: number, name: string) => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, sku: 's', name, brand: 'Intel' as const, vramGb: 12, price: 300, stock: 3, description: '', descriptions: { es: '', en: '' }, imageUrl: null, thumbnailUrl: null, isActive: true, specs: { perfIndex: 30, boardPowerW: 190, lengthMm: 280 } });
const shown = [gpu(1, 'ASRock Intel Arc B580 Challenger 12GB'), gpu(2, 'ASRock Intel Arc A770 Phantom Gaming 16GB OC'), gpu(3, 'Sparkle Intel Arc A380 ELF 6GB')];
const state = { ...emptyState('en'), shown: shown.map((p) => p.id), focus: shown[0]!.id, lastKind: 'search' as const, turns: 1, query: 'intel arc cards' };
it('dbg', () => {
  for (const m of (process.env.M ?? '').split('|')) console.log(m, '=>', JSON.stringify(understandTurn({ message: m, state, shown }).understood).slice(0, 300));
});
