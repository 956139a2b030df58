// The phrases that tell what a turn asks for, in Spanish and English, on folded text
// (lower case, accents removed; see normalize.ts). Each cue is one regular expression with
// a name that says what it detects; understand-turn.ts combines them.
import type { SearchSort } from '@gpu/shared';

const any = (...parts: string[]) => new RegExp(parts.join('|'));

// --- Cart ---------------------------------------------------------------------------------
export const CART_NOUN = /\b(?:carrito|carro|cesta|canasta|cart|basket|shopping bag)\b/;
export const CART_ADD = any(
  String.raw`\b(?:agrega|agregame|agregala|agregalo|agregalas|agregar|agregue|agreguen|anade|anadela|anadelo|anademe|anadir|suma|sumala|sumalo|sumar|mete|metela|metelo|meter|echa|echala|echalo|pon|ponla|ponlo|ponme|poner|reserva|reservala|reservalo)\b`,
  String.raw`\b(?:me (?:la|lo|las|los) llevo|me llevo|la quiero|lo quiero|las quiero|la compro|lo compro|compro|comprala|compralo|quiero comprar|voy a comprar|quisiera comprar)\b`,
  String.raw`\b(?:add|adds|put|throw|toss|grab|i'?ll take|i will take|i'?ll buy|i will buy|i want to buy|i'?d like to buy|buy|purchase|order|get me)\b`,
);
export const CART_REMOVE = any(
  String.raw`\b(?:quita|quitala|quitalo|quitalas|quitar|saca|sacala|sacalo|sacar|elimina|eliminala|eliminalo|eliminar|borra|borrala|borralo|borrar|remueve|remover|ya no (?:la|lo) quiero)\b`,
  String.raw`\b(?:remove|delete|take out|take off|drop|get rid of|don'?t want)\b`,
);
export const CART_SET = any(
  // "ponele 2", "dejalo en 3", "make it 2": a quantity for the card in the cart.
  String.raw`\b(?:ponele|ponle|pone|ponme|ponerle|dejale|dejalo en|dejala en|cambiale|cambialo a|cambiala a|hacelo|hazlo|que sean)\s+(?:\d{1,3}|dos|tres|cuatro|cinco)\b`,
  String.raw`\b(?:cambia|cambiar|cambiala|deja|dejala|dejalo|dejame|actualiza|ajusta)\b[^.?!]*\b(?:cantidad|unidades?|a \d+|en \d+)\b`,
  String.raw`\bque sean \d+\b|\bsolo (?:una|uno|\d+) (?:unidad|unidades)\b|\bcantidad (?:a|en|de) \d+\b`,
  String.raw`\b(?:make it|set it to|set (?:the )?quantity(?: to)?|change (?:the )?quantity(?: to)?|change it to|update (?:the )?quantity(?: to)?|quantity to)\s+\d+\b`,
);
export const CART_VIEW = any(
  String.raw`\b(?:ver|mostrar|muestrame|mostrame|ensename|abre|abrir|revisa|revisar)\b[^.?!]*\b(?:carrito|carro|cesta|cart)\b`,
  String.raw`\b(?:que|cuanto) (?:tengo|hay|llevo|va)\b[^.?!]*\b(?:carrito|carro|cesta)\b|\bmi carrito\b`,
  String.raw`\b(?:show|view|see|open|check|display)\b[^.?!]*\bcart\b|\bwhat'?s in my cart\b|\bwhat is in my cart\b|\bmy cart\b`,
);
export const CHECKOUT = any(
  String.raw`\b(?:pagar|pago|checkout|check out|finalizar (?:la |mi )?compra|terminar (?:la |mi )?compra|completar (?:la |mi )?compra|proceder al pago|confirmar (?:la |mi )?compra|hacer el pedido)\b`,
  String.raw`\b(?:pay|place (?:the |my |an )?order|complete (?:the |my )?(?:purchase|order)|finish (?:the |my )?(?:purchase|order))\b`,
);

// --- Compare ------------------------------------------------------------------------------
export const COMPARE = any(
  String.raw`\bcompar\w*|\b(?:diferencia|diferencias|cual es mejor|cual conviene|que conviene mas|mejor entre|versus)\b`,
  String.raw`\b(?:compare|comparison|versus|vs\.?|difference|differences|which is better|which one is better|better between)\b`,
);
/** Between two named models: "¿la 4070 o la 7800 XT?". */
export const ALTERNATIVE = /\b(?:o|or|vs\.?|versus|y|and|contra)\b/;

// --- Superlatives (sort within what is in force) -------------------------------------------
// Spanish superlatives need an article before "más" ("la intel más barata", "¿cuál es la más
// potente?"); "una más barata" and "algo más potente" are comparatives (refine.ts).
const ARTICLE = String.raw`\b(?:la|el|lo|las|los|cual|cuales)\b[^.?!]{0,30}?`;
export const SUPERLATIVES: [SearchSort, RegExp][] = [
  [
    'price',
    any(
      String.raw`${ARTICLE}\bmas\s+(?:barat[oa]s?|economic[oa]s?)\b`,
      String.raw`\b(?:cheapest|least expensive|lowest[- ]priced?|lowest price|most affordable|menor precio|precio mas bajo)\b`,
    ),
  ],
  [
    'power',
    any(
      String.raw`${ARTICLE}\b(?:menos consum\w*|consum\w* menos|menor consumo|mas eficiente|gaste menos)\b`,
      String.raw`\b(?:least power|lowest power|uses the least|use the least|draws the least|least watts|lowest tdp|most (?:power[- ])?efficient)\b`,
    ),
  ],
  [
    '-vramGb',
    any(
      String.raw`\b(?:la|el|cual|cuales|que|the|which)\b[^.?!]*\b(?:mas|mayor|most|more|largest|biggest|maximum|max)\s+(?:cantidad de\s+)?(?:vram|memoria|memory)\b`,
      String.raw`\b(?:most|largest|biggest)\s+(?:vram|memory)\b`,
    ),
  ],
  [
    '-performance',
    any(
      String.raw`${ARTICLE}\b(?:mas potentes?|mas rapid[oa]s?|de mayor rendimiento|con mas rendimiento|mas poderos[oa]s?|mejor rendimiento)\b`,
      String.raw`\b(?:most powerful|fastest|strongest|highest[- ]performance|best[- ]performing|top[- ]performing|most performance)\b`,
    ),
  ],
  [
    '-value',
    any(
      String.raw`\brelacion\b[^.?!]{0,14}\b(?:calidad|precio|rendimiento|costo)\b|\bcalidad[- /]precio\b|\bprecio[- /]rendimiento\b|\brendimiento[- /]precio\b|\bmejor valor\b|\bcosto[- ]beneficio\b|\bmas rendimiento por (?:dolar|peso)\b|\brinde\w* mas por (?:lo que cuesta|su precio|el precio|dolar|peso)|\bmas por (?:tu|mi|el|su) (?:dinero|plata|precio)\b|\bvale mas la pena\b`,
      String.raw`\b(?:best value|bang for (?:the|your|my) buck|price[- /]to[- /]performance|price[- /]performance|performance per dollar|(?:performance|fps) per dollar|value for (?:the )?money|most for (?:my|the|your) money|worth the money)\b`,
    ),
  ],
];

// --- Comparative refinements (relative to the first card shown) ----------------------------
export const CHEAPER = any(
  String.raw`\b(?:mas barat[oa]s?|mas economic[oa]s?|menos car[oa]s?|mas accesibles?|por menos plata|por menos dinero|no tan car[oa])\b`,
  String.raw`\b(?:cheaper|less expensive|lower price|lower priced|more affordable|for less|not so expensive|costs? less|under that)\b`,
);
export const MORE_POWERFUL = any(
  String.raw`\b(?:mas potente|mas potentes|mas rapid[oa]s?|mas rendimiento|mejor rendimiento|algo mejor|una mejor|uno mejor|mas poder|un escalon mas|de gama mas alta)\b`,
  String.raw`\b(?:more powerful|faster|more performance|better performance|something better|anything better|(?:one |a )?step up|next tier|higher tier|higher[- ]end|beefier|stronger|level up)\b`,
  String.raw`\b(?:un paso (?:mas )?arriba|un escalon (?:mas )?arriba|algo superior|gama superior|subir de gama|de mas gama)\b`,
);
export const LESS_POWER = any(
  String.raw`\b(?:consuma menos|consuman menos|consume menos|menos consumo|menor consumo|menos watts|menos vatios|gaste menos|mas eficiente|mas eficientes|bajo consumo)\b`,
  String.raw`\b(?:uses less power|use less power|less power|lower power|draws less|draw less|more efficient|power[- ]efficient|lower tdp|less watts|low power)\b`,
);
export const MORE_VRAM = any(
  String.raw`\b(?:con mas|tenga mas|tengan mas|mas)\s+(?:vram|memoria)\b`,
  String.raw`\b(?:more|extra)\s+(?:vram|memory)\b`,
);
export const SMALLER = any(
  String.raw`\b(?:mas cort[oa]s?|mas pequen[oa]s?|mas chic[oa]s?|mas compact[oa]s?)\b`,
  String.raw`\b(?:shorter|smaller|more compact)\b`,
);
/** Fillers a shopper starts with ("ah", "hmm", "ok,"): ignored when reading what follows. */
export const FILLER =
  /^(?:(?:ah+|oh+|hm+|mm+|eh+|uh+|ok|okay|oka|bueno|vale|dale|listo|perfecto|genial|cool|nice|great|so|well|pues|entonces)[\s,!.]+)+/;
/** "también", "also", "too": the shopper adds to what is in force. */
export const ALSO = /\b(?:tambien|ademas|igual|also|as well|too)\b/;
/** Sentence-initial words that continue the previous request ("¿y ...?", "what about ..."). */
export const CONTINUES = any(
  String.raw`^(?:¿\s*)?(?:y|e|pero|tambien|ok|okay|vale|bueno|mejor|entonces|alguna|algun|alguno|algo|otra|otro|una|uno|solo|solamente|preferiblemente|prefiero|sin|con|que|en)\b`,
  String.raw`^(?:and|but|also|ok|okay|so|then|what about|how about|any|anything|something|another|one|only|just|preferably|i prefer|prefer|without|with|in|maybe)\b`,
  String.raw`\b(?:prefiero|preferiria|mejor de|i(?:'d| would) prefer|i prefer|rather|tambien|ademas|also|as well|too)\b`,
  // "solo las que tengan stock", "only the ones in stock": a filter on what is in force.
  String.raw`\b(?:solo|solamente|nada mas|only|just)\s+(?:las|los|those|the ones|ones|las que|los que)\b|\b(?:the ones that|las que|los que)\b`,
);
/** The shopper starts over. */
export const STARTS_OVER = any(
  String.raw`\b(?:nueva busqueda|otra cosa|cambiando de tema|olvida (?:eso|lo anterior)|olvidalo|empecemos de nuevo|desde cero|ahora (?:busco|quiero|necesito))\b`,
  String.raw`\b(?:new search|something else entirely|forget (?:that|it|about that)|start over|from scratch|now i (?:want|need))\b`,
);
/** "del catálogo", "que tienen", "you have": the whole catalog, not what is in force. */
export const WHOLE_CATALOG = any(
  // "que tienen" closing the question ("la más potente que tienen"); "las que tienen stock" filters.
  String.raw`\bque (?:tienen|venden|manejan|hay)(?=\s*[?.!]*$)|\b(?:tienen en (?:la tienda|venta)|del catalogo|de la tienda|de todas|de todo el catalogo|en total|que existe)\b`,
  String.raw`\b(?:you have|you carry|you sell|do you have|in the store|in your store|in the catalog|of all|overall|in total)\b`,
);

// --- Questions about a product ------------------------------------------------------------
export type ProductTopic = 'power' | 'psu' | 'length' | 'connectors' | 'outputs' | 'vram' | 'price' | 'stock' | 'specs';
export const TOPICS: [ProductTopic, RegExp][] = [
  [
    'psu',
    /\b(?:fuente|fuentes|psu|power supply|alcanza|alcanzara|me sirve con|works with|enough for|sufficient|suficiente)\b/,
  ],
  [
    'length',
    /\b(?:largo|mide|medida|medidas|longitud|tamano|dimensiones|cabe|caben|entra|entran|quepa|quepan|caber|fits?|length|long|size|how big|dimensions|gabinete|case|mm|cm)\b/,
  ],
  ['connectors', /\b(?:conector|conectores|pines|pin|connectors?|12vhpwr|12v-2x6|16-pin|8-pin|cables?)\b/],
  ['outputs', /\b(?:salidas|salida|puertos|puerto|hdmi|displayport|dp|outputs?|ports?|monitores|monitors|pantallas)\b/],
  [
    'power',
    /\b(?:consum\w*|watts?|vatios|tdp|tgp|tbp|energia|electricidad|power draw|power consumption|how much power|draws?|board power)\b/,
  ],
  ['vram', /\b(?:cuanta vram|cuanta memoria|how much vram|how much memory|memoria|memory|vram)\b/],
  ['price', /\b(?:cuanto cuesta|cuanto sale|cuanto vale|precio|price|how much is|how much does|cost|costs)\b/],
  ['stock', /\b(?:stock|disponible|disponibles|hay unidades|quedan|available|in stock|left)\b/],
  [
    'specs',
    /\b(?:especificaciones|specs|ficha tecnica|caracteristicas|details|detalles|mas info|more info|tell me more|cuentame mas)\b/,
  ],
];
// "que quepa en 300 mm" / "que sea AMD" state a requirement; they are not questions.
// A bare "que ..." is not enough: "que entre en 300 mm" states a requirement.
export const QUESTION =
  /\?|¿|^(?:y\s+)?(?:cuanto|cuanta|cuantos|cuantas|cual|cuales|como|tiene|es|sirve|vale|que tal|does|is|how|what|which|can|will|do|would|could)\b/;

// --- Small talk, vague requests, scope ---------------------------------------------------
export const GREETING =
  /^(?:¡\s*)?(?:hola|buenas|buen dia|buenos dias|buenas tardes|buenas noches|hey|hi|hello|howdy|good (?:morning|afternoon|evening)|que tal)\b[\s!.,?]*$/;
export const THANKS =
  /^(?:¡\s*)?(?:gracias|muchas gracias|mil gracias|genial|perfecto|excelente|listo|ok|okay|vale|dale|thanks|thank you|thx|great|perfect|awesome|cool|nice)\b[\s!.,]*(?:gracias|thanks|thank you)?[\s!.,]*$/;
/** Questions about the shop itself (shipping, returns, payment), which the chat cannot settle. */
export const STORE_INFO =
  /\b(?:envio|envios|envian|shipping|ship|delivery|entrega|devolucion|devoluciones|returns?|refund|reembolso|garantia|warranty|metodos de pago|formas de pago|payment methods?|cuotas|installments|factura|invoice)\b/;
/** "barata", "cheap", "budget card": price matters most, no amount given. */
export const CHEAP =
  /\b(?:barat[oa]s?|economic[oa]s?|accesibles?|low[- ]cost|cheap|affordable|inexpensive|budget (?:card|gpu|option)|poco presupuesto|small budget|tight budget|low budget)\b/;
/** A reply that still says nothing ("no sé, una buena", "whatever is good"). */
export const VAGUE_REPLY =
  /\b(?:no lo se|no sabria|no tengo idea|i don'?t know|idk|no clue|no se|ni idea|cualquiera|lo que sea|la que sea|una buena|algo bueno|buena|bueno|me da igual|da igual|whatever|anything|any|no idea|not sure|dunno|good one|something good|you choose|tu elige|elige tu)\b/;
/** Asking for a card without saying anything about it. */
export const REQUEST_VERB =
  /\b(?:muestrame|mostrame|ensename|dame|pasame|quiero ver|show me|give me|let me see|quiero|quisiera|busco|buscando|necesito|recomienda|recomiendame|recomendame|recomendarias|aconsejame|ayudame|ayuda|sugiere|sugerime|sugiereme|que me (?:recomiendas|recomendas|sugieres)|cual me (?:recomiendas|compro)|que compro|help me|recommend|suggest|looking for|i want|i need|i'?m looking|what should i (?:buy|get)|which (?:one|card|gpu) should i|what do you (?:recommend|suggest)|need a|want a|choose|elegir|escoger)\b/;
export const GPU_NOUN =
  /\b(?:gpu|gpus|tarjeta|tarjetas|grafica|graficas|placa|placas|video card|graphics card|graphic card|card|cards|tarjeta de video|tarjeta grafica)\b/;
/** "ese modelo", "that model", "las variantes": the model of the card in focus. */
export const SAME_MODEL =
  /\b(?:ese modelo|este modelo|mismo modelo|esa misma|ese mismo|variantes|versiones|that model|this model|same model|variants|versions)\b/;
/**
 * A card described by its rank among the ones shown ("the cheaper one", "la más barata",
 * "the faster one", "la de más VRAM"), for cart actions and questions.
 */
export const DESCRIBED: [SearchSort, RegExp][] = [
  [
    'price',
    /\b(?:the (?:cheaper|cheapest|less expensive) one|la (?:mas )?(?:barata|economica)|el (?:mas )?(?:barato|economico))\b/,
  ],
  [
    '-vramGb',
    /\b(?:the one with (?:more|the most) (?:vram|memory)|la de mas (?:vram|memoria)|la que tiene mas (?:vram|memoria))\b/,
  ],
  [
    '-performance',
    /\b(?:the (?:faster|fastest|more powerful|most powerful|stronger) one|la (?:mas )?(?:potente|rapida)|el (?:mas )?(?:potente|rapido))\b/,
  ],
  ['power', /\b(?:the one that (?:uses|draws) less|la que (?:menos consume|consume menos)|the more efficient one)\b/],
];
/** Words that put a message inside the store's world (GPUs, PCs, the shop). */
export const DOMAIN =
  /\b(?:conectores|conector|salidas|puertos|compar\w*|consum\w*|gpu|gpus|tarjeta|tarjetas|grafica|graficas|placa|video|card|cards|vram|memoria|nvidia|geforce|rtx|gtx|amd|radeon|rx|intel|arc|gaming|gamer|juego|juegos|jugar|videojuegos?|fps|4k|1440p|1080p|2k|resolucion|monitor|pc|computadora|ordenador|build|armar|setup|precio|precios|price|prices|presupuesto|budget|barat[oa]s?|cheap|cheaper|caro|expensive|stock|carrito|cart|comprar|compra|buy|pagar|checkout|envio|shipping|fuente|psu|watts?|gabinete|case|ia|ai|machine learning|ml|llm|llms|render|rendering|edicion|editing|stream|streaming|cuda|dlss|fsr|ray tracing|raytracing|tienda|store|pedido|pedidos|order|orders|modelo|model|potente|powerful|rendimiento|performance|consumo|power|conector|hdmi|displayport|blender|premiere|davinci|stable diffusion|pytorch|ollama|tokens?|recomienda\w*|recommend\w*)\b/;
