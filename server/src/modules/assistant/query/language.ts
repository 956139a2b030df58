// Spanish or English, from marker words and characters. Ties go to English unless the
// text has Spanish punctuation or letters (¿ ¡ ñ, accents).
import type { Language } from './constraints.js';

const ES = new Set(
  'para con una uno unos unas de del que me mi mis sirve sirven mejor tarjeta tarjetas grafica graficas fuente bajo menos hasta dolares quiero busco necesito juegos jugar precio cual cuales que es el la los las y por tengo recomiendas recomienda puedo hay alguna algun gabinete caja presupuesto edicion entre al menos mas barata barato potente cuanto cuesta sin esta este estos pero o sea tambien video quisiera gracias hola'.split(
    ' ',
  ),
);
const EN = new Set(
  'for with the an best card cards graphics under below budget what which is my want need gaming games price should does it fit psu case around i good cheap cheapest recommend any between and or of to in can will than more less power supply video editing streaming is are do you your please thanks hello hi up at least'.split(
    ' ',
  ),
);

export function detectLanguage(text: string): Language {
  if (/[¿¡ñ]/i.test(text)) return 'es';
  const words = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z]+/)
    .filter(Boolean);
  let es = 0;
  let en = 0;
  for (const w of words) {
    if (ES.has(w)) es++;
    if (EN.has(w)) en++;
  }
  if (es === en && /[áéíóú]/i.test(text)) return 'es';
  return es > en ? 'es' : 'en';
}
