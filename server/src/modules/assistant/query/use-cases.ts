// What the card is for. Resolutions imply gaming at that resolution; several uses can
// be asked at once ("4K gaming and streaming").
import type { UseCase } from './constraints.js';

const PATTERNS: [UseCase, RegExp][] = [
  ['gaming-4k', /\b(?:4k|2160p|uhd|ultra hd)\b/],
  ['gaming-1440p', /\b(?:1440p?|2k|qhd|wqhd|2560\s?x\s?1440)\b/],
  ['gaming-1080p', /\b(?:1080p?|full ?hd|fhd|1920\s?x\s?1080)\b/],
  [
    'gaming',
    /\b(?:gaming|games?|gamer|juegos?|jugar|juego|videojuegos?|esports?|e-sports|fps|aaa|cyberpunk|fortnite|valorant|warzone)\b/,
  ],
  [
    'ml',
    /\b(?:ml|machine learning|deep learning|ai|a\.i\.|ia|inteligencia artificial|llms?|language models?|modelos? de lenguaje|modelos? de ia|stable diffusion|sdxl|flux|comfyui|pytorch|tensorflow|cuda|rocm|training|entrenar|entrenamiento|inference|inferencia|ollama|llama\s?\d|lm studio|redes neuronales|neural networks?)\b/,
  ],
  [
    'video-editing',
    /\b(?:video editing|edit(?:ing)? videos?|editar videos?|edito videos?|edicion de videos?|editor de video|premiere|davinci|resolve|after effects|render(?:ing|izar|izado)?|blender|3d|modelado|final cut|video production|produccion de video)\b/,
  ],
  [
    'streaming',
    /\b(?:stream(?:ing|ear|er|s)?|twitch|obs|transmitir|transmisiones|en vivo|directos?|live ?stream(?:ing)?|kick)\b/,
  ],
  // Last: "low power card for streaming" is a streaming search that prefers efficient cards.
  [
    'low-power',
    /\b(?:low[ -]power|low (?:power )?consumption|power[ -]efficient|energy[ -]efficient|efficient|bajo consumo|poco consumo|consumo bajo|eficiente|que consuma poco|consume poco|(?:small|weak|low[ -]wattage) (?:psu|power supply)|(?:doesn'?t|does not|won'?t) need a (?:big|large|beefy) (?:psu|power supply)|fuente (?:pequena|chica|justa|modesta)|mi fuente es (?:pequena|chica|justa))\b/,
  ],
];

export function parseUseCases(folded: string): UseCase[] {
  const found = PATTERNS.filter(([, re]) => re.test(folded)).map(([u]) => u);
  // "4K gaming" is already gaming; keep the generic tag only when no resolution was given.
  const hasResolution = found.some((u) => u.startsWith('gaming-'));
  return hasResolution ? found.filter((u) => u !== 'gaming') : found;
}
