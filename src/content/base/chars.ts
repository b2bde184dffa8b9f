/** Character codes the JSON and script scanners of extract/ and sites/ compare with (charCodeAt). */
export const OPEN_BRACE = 0x7b;
export const CLOSE_BRACE = 0x7d;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACKET = 0x5d;
export const DOUBLE_QUOTE = 0x22;
export const SINGLE_QUOTE = 0x27;
export const BACK_QUOTE = 0x60;
export const BACKSLASH = 0x5c;
export const COMMA = 0x2c;
