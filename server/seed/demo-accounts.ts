/**
 * Who the demo organisation's people are: the sign-in accounts, the agents' names and how their
 * emails are made. The seed writes them and the e2e journeys sign in with them, so both read
 * this one file (no imports: Playwright loads it as it is).
 */

export const DEMO_PASSWORD = "sunshift-demo";

/** The three accounts the README and the sign-in page offer, one per role. */
export const DEMO_ACCOUNTS = {
  manager: "manager@sunshift.demo",
  lead: "lead@sunshift.demo",
  agent: "agent@sunshift.demo",
} as const;

/** Agents' first names per region, in the order the seed hands them out. */
export const DEMO_FIRST_NAMES: Record<string, readonly string[]> = {
  Americas: ["Olivia", "Liam", "Sofia", "Noah", "Ava", "Mateo", "Emma", "Jackson", "Camila", "Lucas", "Mia", "Ethan", "Harper", "Diego", "Zoe", "Caleb", "Isabella", "Owen", "Valentina"],
  EMEA: ["Aoife", "Conor", "Maria", "Jonas", "Chloé", "Pietro", "Niamh", "Oskar", "Fatima", "Declan", "Lena", "Sean", "Ingrid", "Tomás", "Amira", "Finn", "Hannah", "Ciara", "Youssef"],
  APAC: ["Miguel", "Angelica", "Jose", "Kristine", "Paolo", "Bea", "Carlo", "Joanna", "Rafael", "Trisha"],
};

/** Agents' last names per region; the k-th agent of a region takes the one at (k·7 + 3) mod length. */
export const DEMO_LAST_NAMES: Record<string, readonly string[]> = {
  Americas: ["Johnson", "Garcia", "Smith", "Martinez", "Brown", "Lopez", "Davis", "Wilson", "Clark", "Lewis", "Young", "Hall", "Allen", "King", "Wright", "Scott", "Green", "Baker", "Adams"],
  EMEA: ["Murphy", "Kelly", "Rossi", "Schmidt", "Dubois", "Bianchi", "O'Brien", "Larsen", "Haddad", "Walsh", "Fischer", "Doyle", "Nilsen", "Costa", "Benali", "Hansen", "Meyer", "Nolan", "Amrani"],
  APAC: ["Reyes", "Cruz", "Bautista", "Garcia", "Mendoza", "Torres", "Villanueva", "Ramos", "Aquino", "Flores"],
};

/**
 * A seeded agent's email: `first.last.number@sunshift.demo`, accents dropped and anything but
 * letters, digits and dots removed, so every address is plain ASCII and unique by number.
 * @example demoAgentEmail("Chloé", "O'Brien", 24) //=> "chloe.obrien.24@sunshift.demo"
 */
export function demoAgentEmail(first: string, last: string, agentNumber: number): string {
  const local = `${first}.${last}.${agentNumber}`
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9.]/g, "");
  return `${local}@sunshift.demo`;
}
