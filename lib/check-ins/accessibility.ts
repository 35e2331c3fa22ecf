/**
 * Whether a reservation's notes ask for step-free or assisted seating. A heuristic on
 * the free-text notes (Italian and English), so that the door sees a flag without a new
 * booking-form field; a false positive only costs a glance at the notes, which the card
 * shows anyway.
 */
const ACCESSIBILITY_WORDS = [
  "rotelle",
  "carrozzin",
  "disabil",
  "accessib",
  "deambul",
  "mobilita",
  "stampell",
  "bastone",
  "non vedent",
  "ipovedent",
  "cieco",
  "cieca",
  "sordo",
  "sorda",
  "non udent",
  "accompagnator",
  "wheelchair",
  "wheel chair",
  "disab",
  "mobility",
  "crutch",
  "walker",
  "blind",
  "deaf",
  "hearing",
  "step-free",
  "step free",
  "assistance",
];

export function needsAccessibleSeating(notes: string): boolean {
  const folded = notes.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  return ACCESSIBILITY_WORDS.some((word) => folded.includes(word));
}
