// Spanish or English, from marker words and characters. A message with no marker at all
// ("RTX 4070?", "ok") keeps the conversation's language when one is given; otherwise ties
// go to English unless the text has Spanish punctuation or letters (¿ ¡ ñ, accents).
import type { Language } from './constraints.js';

const ES = new Set(
  `para con una uno unos unas de del que me mi mis sirve sirven mejor tarjeta tarjetas grafica graficas fuente bajo
   menos hasta dolares quiero busco necesito juegos jugar precio cual cuales es el la los las y por tengo recomiendas
   recomienda puedo hay alguna algun gabinete caja presupuesto edicion entre al mas barata barato baratas potente
   cuanto cuesta sin esta este estos esa ese esas pero o sea tambien video quisiera gracias hola agrega agregala
   agregalo carrito compara comparame primera primero segunda segundo tercera ultima consume consuma quepa cabe
   prefiero muestrame quita saca cambia cantidad memoria cuanta tiene tienen dame otra otro algo ayudame ver lista
   dos tres menos buenas dia tardes noches eso ella ellas como cuales donde envio pago`.split(/\s+/),
);
const EN = new Set(
  `for with the an best card cards graphics under below budget what which is my want need gaming games price should
   does it fit psu case around i good cheap cheapest recommend any between and or of to in can will than more less
   power supply video editing streaming are do you your please thanks hello hi up at least add cart compare first
   second third last one ones that this show me remove take cheaper powerful most much how many have has something
   anything else help choose like about would could looking get buy them those these both quantity items`.split(/\s+/),
);

function scores(text: string): { es: number; en: number } {
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
  return { es, en };
}

export function detectLanguage(text: string, fallback?: Language): Language {
  if (/[¿¡ñ]/i.test(text)) return 'es';
  const { es, en } = scores(text);
  if (es === en) {
    if (/[áéíóú]/i.test(text)) return 'es';
    return fallback ?? 'en';
  }
  return es > en ? 'es' : 'en';
}
