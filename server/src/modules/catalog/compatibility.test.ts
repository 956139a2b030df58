import { describe, expect, it } from 'vitest';
import { checkCompatibility, checkConnectors, checkLength, checkPsu } from './compatibility.js';

// Public specs of the seeded Sapphire PULSE RX 7800 XT: 263 W board power, 700 W recommended.
const rx7800xt = { boardPowerW: 263, recommendedPsuW: 700, lengthMm: 280, powerConnectors: '2x 8-pin' };

describe('compatibility', () => {
  it('grades power supplies against the recommendation and the estimated system draw', () => {
    expect(checkPsu(rx7800xt, 750).verdict).toBe('fits');
    expect(checkPsu(rx7800xt, 700).verdict).toBe('fits');
    expect(checkPsu(rx7800xt, 550)).toMatchObject({ verdict: 'marginal', estimatedSystemW: 513 });
    expect(checkPsu(rx7800xt, 450).verdict).toBe('insufficient');
    expect(checkPsu({}, 550).verdict).toBe('unknown');
  });

  it('checks card length against case clearance with a small margin', () => {
    expect(checkLength(rx7800xt, 320).verdict).toBe('fits');
    expect(checkLength(rx7800xt, 285).verdict).toBe('marginal');
    expect(checkLength(rx7800xt, 270).verdict).toBe('insufficient');
  });

  it('explains power connectors', () => {
    expect(checkConnectors({ powerConnectors: '1x 16-pin (12V-2x6)' }).kind).toBe('adapter');
    expect(checkConnectors({ powerConnectors: '1x 16-pin (12VHPWR)' }).kind).toBe('adapter');
    expect(checkConnectors({ powerConnectors: '3x 8-pin' })).toMatchObject({ kind: 'cables', eightPinCables: 3 });
    expect(checkConnectors({ powerConnectors: 'none (slot power)' }).kind).toBe('none');
    expect(checkConnectors({ powerConnectors: '1x 8-pin, 1x 6-pin' }).kind).toBe('standard');
  });

  it('takes the worst verdict overall', () => {
    const r = checkCompatibility(
      { id: 'x', name: 'RX 7800 XT', specs: rx7800xt },
      { psuWatts: 850, caseMaxLengthMm: 250 },
    );
    expect(r.overall).toBe('insufficient');
    expect(
      checkCompatibility({ id: 'x', name: 'n', specs: rx7800xt }, { psuWatts: null, caseMaxLengthMm: null }).overall,
    ).toBe('unknown');
  });
});
