/**
 * Vocabulary for the mapping benchmark's generator: countries with their legal forms, top-level
 * domains and local surnames (with their diacritics), brand syllables, industry words and the words
 * subsidiaries add. Written for the benchmark alone; it shares nothing with the engine's normaliser.
 */

export interface CountryProfile {
  code: string;
  /** Legal forms as companies write them, each with alternative spellings seen in CRMs. */
  legalForms: string[][];
  tld: string;
  surnames: string[];
  /** How a subsidiary in this country is named after the group ("Deutschland", "France"). */
  regionWord: string;
  weight: number;
}

export const countries: CountryProfile[] = [
  {
    code: "US",
    legalForms: [
      ["Inc.", "Inc", "Incorporated"],
      ["Corp.", "Corporation", "Corp"],
      ["LLC", "L.L.C."],
      ["Co.", "Company"],
    ],
    tld: "com",
    surnames: [
      "Miller",
      "Johnson",
      "Carter",
      "Hughes",
      "Baker",
      "Turner",
      "Parker",
      "Walsh",
      "Reed",
      "Foster",
      "Hayes",
      "Brooks",
      "Sanders",
      "Price",
      "Bennett",
      "Wood",
      "Barnes",
      "Ross",
      "Henderson",
      "Coleman",
      "Jenkins",
      "Perry",
      "Powell",
      "Long",
      "Patterson",
      "Flores",
      "Washington",
      "Butler",
      "Simmons",
      "Bryant",
      "Alexander",
      "Russell",
      "Griffin",
      "Hayward",
      "Myers",
      "Ford",
      "Hamilton",
      "Graham",
      "Sullivan",
      "Wallace",
    ],
    regionWord: "USA",
    weight: 40,
  },
  {
    code: "GB",
    legalForms: [["Ltd", "Ltd.", "Limited"], ["PLC", "plc", "P.L.C."], ["LLP"]],
    tld: "co.uk",
    surnames: [
      "Smith",
      "Taylor",
      "Davies",
      "Evans",
      "Thomas",
      "Roberts",
      "Walker",
      "Wright",
      "Thompson",
      "Whitfield",
      "Ashworth",
      "Pemberton",
      "Holloway",
      "Fairbairn",
      "Cartwright",
      "Bramley",
      "Kingsley",
      "Lockwood",
      "Marlowe",
      "Hargreaves",
    ],
    regionWord: "UK",
    weight: 12,
  },
  {
    code: "DE",
    legalForms: [["GmbH"], ["AG"], ["GmbH & Co. KG", "GmbH & Co KG"], ["SE"]],
    tld: "de",
    surnames: [
      "Müller",
      "Schäfer",
      "Köhler",
      "Weiß",
      "Groß",
      "Schröder",
      "Böhm",
      "Krüger",
      "Hoffmann",
      "Schneider",
      "Fischer",
      "Wagner",
      "Becker",
      "Schulz",
      "Zimmermann",
      "Braun",
      "Hartmann",
      "Lehmann",
      "Günther",
      "Wörner",
    ],
    regionWord: "Deutschland",
    weight: 12,
  },
  {
    code: "FR",
    legalForms: [
      ["SA", "S.A."],
      ["SAS", "S.A.S."],
      ["SARL", "S.A.R.L."],
    ],
    tld: "fr",
    surnames: [
      "Lefèvre",
      "Girard",
      "Bérenger",
      "Dupré",
      "Moreau",
      "Leclerc",
      "Fournier",
      "Rousseau",
      "Mercier",
      "Chevalier",
      "Gauthier",
      "Lemaître",
      "Bonnard",
      "Renaud",
      "Faure",
      "Hébert",
      "Côté",
      "Prévost",
      "Benoît",
      "Delacroix",
    ],
    regionWord: "France",
    weight: 8,
  },
  {
    code: "NL",
    legalForms: [
      ["B.V.", "BV"],
      ["N.V.", "NV"],
    ],
    tld: "nl",
    surnames: [
      "de Vries",
      "Jansen",
      "Bakker",
      "Visser",
      "Smit",
      "Meijer",
      "Mulder",
      "Bos",
      "Vos",
      "Peters",
      "Hendriks",
      "Dekker",
    ],
    regionWord: "Nederland",
    weight: 5,
  },
  {
    code: "SE",
    legalForms: [["AB", "Aktiebolag"], ["AB (publ)"]],
    tld: "se",
    surnames: [
      "Åkesson",
      "Björk",
      "Löfgren",
      "Lindström",
      "Nyström",
      "Söderberg",
      "Ekström",
      "Håkansson",
      "Sjöberg",
      "Wallén",
    ],
    regionWord: "Sverige",
    weight: 4,
  },
  {
    code: "ES",
    legalForms: [
      ["S.L.", "SL"],
      ["S.A.", "SA"],
    ],
    tld: "es",
    surnames: [
      "Peña",
      "Núñez",
      "Muñoz",
      "García",
      "Martínez",
      "Sánchez",
      "Jiménez",
      "Álvarez",
      "Castaño",
      "Ibáñez",
    ],
    regionWord: "España",
    weight: 4,
  },
  {
    code: "IT",
    legalForms: [
      ["S.p.A.", "SpA"],
      ["S.r.l.", "Srl"],
    ],
    tld: "it",
    surnames: [
      "Rossi",
      "Bianchi",
      "Ferrari",
      "Esposito",
      "Romano",
      "Colombo",
      "Ricci",
      "Marino",
      "Greco",
      "Bruno",
    ],
    regionWord: "Italia",
    weight: 4,
  },
  {
    code: "JP",
    legalForms: [
      ["K.K.", "KK"],
      ["Co., Ltd.", "Co. Ltd"],
    ],
    tld: "co.jp",
    surnames: [
      "Tanaka",
      "Suzuki",
      "Takahashi",
      "Watanabe",
      "Itō",
      "Yamamoto",
      "Nakamura",
      "Kobayashi",
      "Saitō",
      "Katō",
    ],
    regionWord: "Japan",
    weight: 4,
  },
  {
    code: "AU",
    legalForms: [["Pty Ltd", "Pty. Ltd.", "Proprietary Limited"]],
    tld: "com.au",
    surnames: [
      "Mitchell",
      "Kelly",
      "Campbell",
      "Stewart",
      "Murray",
      "Ryan",
      "O'Brien",
      "McDonald",
      "Doyle",
      "Quinn",
    ],
    regionWord: "Australia",
    weight: 3,
  },
  {
    code: "CH",
    legalForms: [["AG"], ["SA"], ["GmbH"]],
    tld: "ch",
    surnames: ["Keller", "Brunner", "Baumann", "Frei", "Gerber", "Zürcher", "Huber", "Steiner"],
    regionWord: "Schweiz",
    weight: 2,
  },
  {
    code: "FI",
    legalForms: [["Oy"], ["Oyj"]],
    tld: "fi",
    surnames: ["Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Hämäläinen", "Järvinen"],
    regionWord: "Suomi",
    weight: 2,
  },
];

/** Syllables for invented brand names ("Zentrova", "Kalorix"). */
export const syllables =
  "ka lo ri ze tro va mi no sa tel ix en dar cor vel qua ny bri lu mar sol ten gra fin nex ar ob ul pe ro vi da ko zu ha le mo ty".split(
    " ",
  );

export const brandEndings = ["", "", "", "ix", "on", "ia", "o", "us", "ex", "a"];

export const adjectives =
  "Blue Red Green Silver Golden Bright Swift Clear Bold Prime Summit Harbor River Stone Iron Oak Cedar Maple Pine North Eastern Western Southern Coastal Mountain Lake Valley Canyon Eagle Falcon Lion Tiger Wolf Bear Fox Delta Alpha Omega Apex Vertex Pioneer Frontier Liberty Heritage Crown Royal Union Metro Urban Rural Pacific Atlantic Polar Solar Lunar Star Nova Orbit Quantum Vector Matrix Pixel Cloud Spark Bridge Anchor Compass Beacon".split(
    " ",
  );

export const industries =
  "Logistics Analytics Software Systems Solutions Technologies Consulting Partners Capital Financial Insurance Energy Power Utilities Pharmaceuticals Biotech Medical Health Foods Beverages Brewing Apparel Textiles Furniture Faucet Air Lines Airways Motors Automotive Steel Metals Mining Chemicals Plastics Packaging Paper Printing Media Publishing Studios Games Labs Robotics Devices Semiconductors Networks Telecom Wireless Security Defense Aerospace Marine Shipping Freight Rail Construction Builders Engineering Architects Realty Properties Hotels Resorts Travel Foods Farms Seeds Dairy Bakery Retail Stores Outfitters Supply Distribution Trading Imports Equipment Tools Machinery Instruments Electric Lighting Water Environmental Recycling Waste Education Learning Staffing Recruiting Marketing Advertising Design".split(
    " ",
  );

/** Words a subsidiary adds to its group's name, besides the country's region word. */
export const divisionWords = [
  "Europe",
  "International",
  "Services",
  "Americas",
  "Asia Pacific",
  "Capital",
  "Digital",
];

/** Abbreviations CRM users type. */
export const abbreviations: Array<[RegExp, string]> = [
  [/\bInternational\b/, "Intl"],
  [/\bTechnologies\b/, "Tech"],
  [/\bManufacturing\b/, "Mfg"],
  [/\bServices\b/, "Svcs"],
  [/ & /, " and "],
  [/ and /, " & "],
];

export const freeMailDomains = ["gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "gmx.de", "web.de"];
export const subdomains = ["shop", "eu", "careers", "app", "us", "investors"];
export const paths = ["/", "/en/", "/about-us", "/contact", "/en/home.html", "/?utm_source=crm"];
