import { describe, expect, it } from "vitest";
import { CsvFileError } from "./csv-table";
import { parsePeopleCsv, PERSON_IMPORT_DEFAULTS, type PeopleCsvContext } from "./people-csv";

const HEADER =
  "email,name,role,region,team,skills,templates,max_minutes_per_week,min_minutes_per_week,max_days_per_week,max_consecutive_days,min_rest_minutes,annual_leave_hours";
const csv = (...lines: string[]): string => [HEADER, ...lines].join("\n") + "\n";

const context: PeopleCsvContext = {
  regions: [
    { id: 1, name: "EMEA" },
    { id: 2, name: "APAC" },
  ],
  teams: [{ id: 10, name: "EMEA Liffey", regionId: 1 }],
  channels: [
    { key: "voice", name: "Voice" },
    { key: "chat", name: "Live chat" },
  ],
  templates: [
    { id: 4, name: "Day 8h" },
    { id: 5, name: "Late 6h" },
  ],
  people: [{ id: 77, email: "grace@example.com" }],
};

function refusal(text: string): CsvFileError {
  try {
    parsePeopleCsv(text, context);
  } catch (error) {
    if (error instanceof CsvFileError) return error;
    throw error;
  }
  throw new Error("expected the file to be refused");
}

const good = "ada@example.com,Ada Lovelace,agent,EMEA,EMEA Liffey,voice,Day 8h,2400,1200,5,6,660,200";

describe("parsePeopleCsv", () => {
  it("reads a good file: names in any case, skills by id or name, empty numbers and templates as defaults", () => {
    const result = parsePeopleCsv(
      csv(
        "Ada@Example.com,Ada Lovelace,Agent,emea,emea liffey,VOICE; live chat,day 8h;LATE 6H,2100,600,4,5,720,187.5",
        "GRACE@example.com,Grace Hopper,lead,APAC,APAC Manila,chat,,,,,,,",
        "alan@example.com,Alan Turing,agent,apac,apac manila,,,,,,,,",
        "mary@example.com,Mary Jackson,manager,EMEA,,,,,,,,,",
      ),
      context,
    );
    expect(result.rows).toEqual([
      {
        row: 2,
        email: "ada@example.com",
        name: "Ada Lovelace",
        role: "agent",
        regionId: 1,
        team: { name: "EMEA Liffey", existingId: 10 },
        skills: ["voice", "chat"],
        templateIds: [4, 5],
        contract: { maxMinutesPerWeek: 2100, minMinutesPerWeek: 600, maxDaysPerWeek: 4, maxConsecutiveDays: 5, minRestMinutes: 720, annualLeaveHours: 187.5 },
        existingId: null,
      },
      {
        row: 3,
        email: "grace@example.com",
        name: "Grace Hopper",
        role: "lead",
        regionId: 2,
        team: { name: "APAC Manila", existingId: null },
        skills: ["chat"],
        templateIds: [4, 5],
        contract: { ...PERSON_IMPORT_DEFAULTS },
        existingId: 77,
      },
      expect.objectContaining({ row: 4, team: { name: "APAC Manila", existingId: null }, skills: [] }),
      expect.objectContaining({ row: 5, role: "manager", team: null }),
    ]);
    expect(result.newTeams).toEqual([{ name: "APAC Manila", regionId: 2, row: 3 }]);
    expect(result.leadEmailByTeam).toEqual(new Map([["apac manila", "grace@example.com"]]));
    expect(PERSON_IMPORT_DEFAULTS).toMatchObject({ maxMinutesPerWeek: 2400, minMinutesPerWeek: 0, maxDaysPerWeek: 5, maxConsecutiveDays: 6, minRestMinutes: 660, annualLeaveHours: 0 });
  });

  it("needs only the four required columns", () => {
    const result = parsePeopleCsv("email,name,role,region\nada@example.com,Ada Lovelace,agent,EMEA\n", context);
    expect(result.rows[0]).toMatchObject({ team: null, skills: [], templateIds: [4, 5], contract: PERSON_IMPORT_DEFAULTS });
  });

  // The bad line is always row 3 (the header is row 1, a good row is row 2).
  it.each([
    ["not-an-email,Ada Lovelace,agent,EMEA,,,,,,,,,", "email", 'expected an email address, got "not-an-email"'],
    ["bob@example.com,B,agent,EMEA,,,,,,,,,", "name", 'expected a name of 2 to 80 characters, got "B"'],
    ["bob@example.com,Bob Smith,supervisor,EMEA,,,,,,,,,", "role", 'expected one of agent, lead, manager, got "supervisor"'],
    ["bob@example.com,Bob Smith,agent,Antarctica,,,,,,,,,", "region", 'no region named "Antarctica" (known: EMEA, APAC)'],
    ["bob@example.com,Bob Smith,agent,,,,,,,,,,", "region", "expected a region name (known: EMEA, APAC)"],
    ["bob@example.com,Bob Smith,agent,APAC,EMEA Liffey,,,,,,,,", "team", 'team "EMEA Liffey" is in region "EMEA", not "APAC"'],
    ["bob@example.com,Bob Smith,agent,EMEA,,voice;fax,,,,,,,", "skills", 'no channel "fax" (known: voice, chat)'],
    ["bob@example.com,Bob Smith,agent,EMEA,,,Night 10h,,,,,,", "templates", 'no shift template "Night 10h" (known: Day 8h, Late 6h)'],
    ["bob@example.com,Bob Smith,agent,EMEA,,,,forty,,,,,", "max_minutes_per_week", 'expected a whole number from 0 to 4200, got "forty"'],
    ["bob@example.com,Bob Smith,agent,EMEA,,,,5000,,,,,", "max_minutes_per_week", 'expected a whole number from 0 to 4200, got "5000"'],
    ["bob@example.com,Bob Smith,agent,EMEA,,,,,-60,,,,", "min_minutes_per_week", 'expected a whole number from 0 to 4200, got "-60"'],
    ["bob@example.com,Bob Smith,agent,EMEA,,,,1200,1800,,,,", "min_minutes_per_week", "1800 is more than max_minutes_per_week (1200)"],
    ["bob@example.com,Bob Smith,agent,EMEA,,,,,3000,,,,", "min_minutes_per_week", "3000 is more than max_minutes_per_week (2400)"],
    ["bob@example.com,Bob Smith,agent,EMEA,,,,,,0,,,", "max_days_per_week", 'expected a whole number from 1 to 7, got "0"'],
    ["bob@example.com,Bob Smith,agent,EMEA,,,,,,,4.5,,", "max_consecutive_days", 'expected a whole number from 1 to 14, got "4.5"'],
    ["bob@example.com,Bob Smith,agent,EMEA,,,,,,,,1500,", "min_rest_minutes", 'expected a whole number from 0 to 1440, got "1500"'],
    ["bob@example.com,Bob Smith,agent,EMEA,,,,,,,,,lots", "annual_leave_hours", 'expected a number from 0 to 2000, got "lots"'],
    ["ADA@example.com,Ada Again,agent,EMEA,,,,,,,,,", "email", "duplicate: row 2 already has ada@example.com"],
  ])("refuses %s naming row 3 and its column", (line, field, detail) => {
    const error = refusal(csv(good, line));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.row).toBe(3);
    expect(error.field).toBe(field);
    expect(error.message).toBe(`Row 3, column "${field}": ${detail}`);
  });

  it("refuses a second lead in one team, and a new team named from two regions", () => {
    const twoLeads = refusal(csv("l1@example.com,Lead One,lead,EMEA,Shannon,,,,,,,,", "l2@example.com,Lead Two,lead,EMEA,shannon,,,,,,,,"));
    expect(twoLeads.message).toBe('Row 3, column "team": team "shannon" already has its lead on row 2 (l1@example.com); a team has one lead');
    const twoRegions = refusal(csv("a1@example.com,Agent One,agent,EMEA,Shannon,,,,,,,,", "a2@example.com,Agent Two,agent,APAC,Shannon,,,,,,,,"));
    expect(twoRegions.message).toBe('Row 3, column "team": team "Shannon" is in region "EMEA" (created by row 2), not "APAC"');
  });

  it("names every problem of a row and of the file (up to 20, with the total) in row order", () => {
    const many = Array.from({ length: 24 }, (_, i) => `p${i}@example.com,Person ${i},agent,Atlantis,,,,,,,,,`);
    const error = refusal(csv(good, "bob@example.com,Bob Smith,boss,Atlantis,,,,,,,,,", ...many));
    expect(error.totalErrors).toBe(26);
    expect(error.errors).toHaveLength(20);
    expect(error.errors.slice(0, 2).map((e) => [e.row, e.field])).toEqual([
      [3, "role"],
      [3, "region"],
    ]);
    expect(error.message).toMatch(/^26 problems in the people file \(rows count the header as row 1\):\nRow 3, column "role"/);
    expect(error.message).toContain("… and 6 more");
  });

  it("refuses header problems as row 1", () => {
    expect(refusal("email,name,role\nada@example.com,Ada,agent\n").message).toContain('Row 1, column "region": missing from the header');
    expect(refusal("email,name,role,region,skils\n").message).toContain('Row 1, column "skils": unknown column');
    expect(refusal(csv("ada@example.com,Ada Lovelace,agent")).message).toBe("Row 2: expected 13 columns, found 3");
  });
});
