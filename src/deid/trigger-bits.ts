/**
 * Which recognisers a word can start a rule for, one bit each (triggers.ts sets them per word). In a module of
 * their own so the recognisers can test them without importing triggers.ts, which imports their word lists.
 */
export const TRIGGER_PATTERN = 1;
export const TRIGGER_NAME = 2;
export const TRIGGER_PLACE = 4;
/** A verb that people do in notes ("called", "wishes"): the names rule before it looks at every word. */
export const TRIGGER_PERSON_VERB = 8;
/** "is" or "was": the names rule for "Bo Tarrant is a 47 y/o ..." starts there (it looked at every word's key). */
export const TRIGGER_IS_WAS = 16;
/** A single letter (Word.single): an initial may start a name, so findNames looks at it as at its cue words. */
export const TRIGGER_SINGLE = 32;
/** A word that introduces a person in prose ("said", "named", "by"): findNames' afterPersonCue starts there. */
export const TRIGGER_PERSON_CUE = 64;
/** A capitalised word written with letters beyond ASCII ("Hajdu" is not, "Miklós" is): set only in notes that have some. */
export const TRIGGER_ACCENTED = 128;
