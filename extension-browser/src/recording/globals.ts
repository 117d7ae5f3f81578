/** Globals the background sets in the recorded page's isolated world (the recorder's rules) and the recorder's stop function. */
export const RULES_GLOBAL = '__handoffRecorderRules';
export const STOP_GLOBAL = '__handoffRecorderStop';
export const RECTS_GLOBAL = '__handoffRecorderSecrets';
