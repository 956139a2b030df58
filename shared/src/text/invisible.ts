// Characters that change nothing a reader sees but can hide or split words: zero-width
// spaces and joiners, bidirectional controls, the soft hyphen, word joiners, the BOM, and
// Unicode "tag" characters (which can smuggle invisible ASCII into text).
// Written as escapes on purpose: these code points combine with their neighbours, which is
// exactly why they must go.
/* eslint-disable no-misleading-character-class -- single code points, matched one by one */
export const INVISIBLE =
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\u{E0000}-\u{E007F}]/gu;
/* eslint-enable no-misleading-character-class */

// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_EXCEPT_TAB_NEWLINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;
