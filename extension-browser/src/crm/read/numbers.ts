/** Ticket-like numbers anywhere in a text. */
export const TICKET_NUMBER_RE = /(?:#\d{3,9}\b|\b[A-Z][A-Z0-9]{1,9}-\d{1,7}\b|\bINC\d{5,10}\b)/g;

/** The ticket number alone: "Ticket #322302" → "322302", "[SUP-217] Login" → "SUP-217", "INC0010042" stays. */
export function ticketNumberOf(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const hash = /#\s?([A-Z0-9][A-Z0-9-]{0,19}\d)\b/i.exec(text);
  if (hash) return hash[1];
  const key = /\b([A-Z][A-Z0-9]{1,9}-\d{1,9})\b/.exec(text);
  if (key) return key[1];
  const prefixed = /\b([A-Z]{2,6}\d{4,12})\b/.exec(text);
  if (prefixed) return prefixed[1];
  const num = /\b(\d{2,20})\b/.exec(text);
  return num?.[1];
}

/** A heading that is only a ticket number with its label ("Ticket #322302", "Anfrage 4411", "Demande n° 12"). */
export const NUMBER_HEADING =
  /^(?:[\p{L}-]+\s){0,3}?(?:#|n°\s?|nr\.?\s|no\.?\s|id\s|ticket\s|case\s|request\s|issue\s|incident\s|anfrage\s|vorgang\s|demande\s|dossier\s)\s*:?\s*\[?#?[A-Z0-9-]*\d+\]?$/iu;
