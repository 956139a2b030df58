// Characters that change nothing a reader sees but can hide or split words: zero-width
// spaces and joiners, bidirectional controls, the soft hyphen, word joiners, the BOM, and
// Unicode "tag" characters (which can smuggle invisible ASCII into text).
export const INVISIBLE =
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]|\uDB40[\uDC00-\uDC7F]/g;

// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_EXCEPT_TAB_NEWLINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;
