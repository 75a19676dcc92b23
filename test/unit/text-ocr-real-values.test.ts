/**
 * Real owners, issuers, addresses and rows in one hand-made OCR-style form (test/fixtures/text-ocr/
 * form4-tesseract-template.txt): OCR's read-backs (a border read as "I", specks in an address, a line holding two
 * names) must leave values that are already right as they are. Each case is a value class real filings hold and
 * one of those read-backs once changed: a name starting with I, a last name of several words, a par value in a title.
 */
import * as assert from 'node:assert/strict';
import { readOcrFiling } from '../helpers/ocr-text';

interface Header {
  owner: string;
  issuer?: string;
  symbol?: string;
  signature: string;
  street1?: string;
  street2?: string;
  city?: string;
  state?: string;
  zip?: string;
}

const ROW = 'Common Stock 03/04/2025 S 900 D $18.20 12,100 D';

function readHeader(h: Header, row = ROW) {
  const fill: [string, string][] = [
    ['{OWNER}', h.owner],
    ['{ISSUER}', h.issuer ?? 'Pinecrest Software Inc.'],
    ['{SYMBOL}', h.symbol ?? 'PNSW'],
    ['{STREET1}', h.street1 ?? 'C/O PINECREST SOFTWARE INC.'],
    ['{STREET2}', h.street2 ?? '100 HARBOR PARKWAY, SUITE 200'],
    ['{CITY}', h.city ?? 'LONG BEACH'],
    ['{STATE}', h.state ?? 'CA'],
    ['{ZIP}', h.zip ?? '90808'],
    ['{ROW}', row],
    ['{SIGNATURE}', h.signature],
  ];
  return readOcrFiling('form4-tesseract-template.txt', (s) => fill.reduce((t, [k, v]) => t.replace(k, v), s));
}

const HEADERS: Header[] = [
  {
    owner: 'ICAHN CARL C',
    signature: 'Carl C. Icahn',
    street1: 'C/O ICAHN ASSOCIATES CORP.',
    street2: '16690 COLLINS AVE., SUITE PH-1',
    city: 'SUNNY ISLES BEACH',
    state: 'FL',
    zip: '33160',
  },
  {
    owner: "O'NEIL SHAQUILLE",
    signature: "Shaquille O'Neil",
    street2: 'ONE INFINITE LOOP',
    city: 'CUPERTINO',
    zip: '95014',
  },
  {
    owner: 'VAN DER BERG PIETER',
    signature: 'Pieter van der Berg',
    street1: 'P.O. BOX 1234',
    street2: '500 W. MADISON ST., SUITE 1000',
    city: 'ST. LOUIS',
    state: 'MO',
    zip: '63101',
  },
  {
    owner: 'MCDONALD ROBERT',
    signature: 'Robert McDonald',
    street2: '123-45 QUEENS BLVD',
    city: 'FOREST HILLS',
    state: 'NY',
    zip: '11375',
  },
  {
    owner: 'ISRAEL DAVID',
    signature: 'David Israel',
    street2: '8 INNOVATION WAY',
    city: 'WINSTON-SALEM',
    state: 'NC',
    zip: '27101',
  },
  { owner: 'INGRAM MARK', signature: 'Mark Ingram', street2: '4400 IRVINE CENTER DRIVE', city: 'IRVINE', zip: '92618' },
  {
    owner: 'IVERSON ALLEN',
    signature: 'Allen Iverson',
    street2: '100 ISLAND DRIVE',
    city: 'ITHACA',
    state: 'NY',
    zip: '14850',
  },
  {
    owner: 'ISSA ANTHONY',
    signature: 'Anthony Issa',
    street2: '8 INDUSTRIAL PARKWAY',
    city: 'ISSAQUAH',
    state: 'WA',
    zip: '98027',
  },
  {
    owner: 'KIM IL-SUNG',
    signature: 'Il-Sung Kim',
    street1: '10 MAIN ST',
    street2: 'APT 4B',
    city: 'FT. LAUDERDALE',
    state: 'FL',
    zip: '33301',
  },
  { owner: 'GATES WILLIAM H III', issuer: 'Microsoft Corp', symbol: 'MSFT', signature: 'William H. Gates III' },
  { owner: 'Buffett Warren E', issuer: 'BERKSHIRE HATHAWAY INC', symbol: 'BRK.B', signature: 'Warren E. Buffett' },
  { owner: 'Quincey James', issuer: 'The Coca-Cola Company', symbol: 'KO', signature: 'Jane Doe, Attorney-in-Fact' },
  {
    owner: 'Cook Timothy D',
    issuer: 'Apple Inc.',
    symbol: 'AAPL',
    signature: 'Sam Whittington, Attorney-in-Fact for Timothy D. Cook',
  },
  { owner: "O'Brien Patrick", issuer: "Lowe's Companies, Inc.", symbol: 'LOW', signature: "Patrick O'Brien" },
  {
    owner: 'Dimon James',
    issuer: 'JPMORGAN CHASE & CO',
    symbol: 'JPM',
    signature: 'Nicole Giles, under Power of Attorney',
  },
];

describe('text: OCR read-backs leave real values that are right as they are', function () {
  for (const h of HEADERS)
    it(`reads ${h.owner} of ${h.issuer ?? 'Pinecrest Software Inc.'} at ${h.city ?? 'LONG BEACH'} as written`, function () {
      const f = readHeader(h);
      const o = f.reportingOwners[0];
      assert.deepEqual(
        [
          o.name.value,
          f.issuer.name.value,
          f.issuer.tradingSymbol.value,
          o.street1.value,
          o.street2.value,
          o.city.value,
          o.state.value,
          o.zipCode.value,
        ],
        [
          h.owner,
          h.issuer ?? 'Pinecrest Software Inc.',
          h.symbol ?? 'PNSW',
          h.street1 ?? 'C/O PINECREST SOFTWARE INC.',
          h.street2 ?? '100 HARBOR PARKWAY, SUITE 200',
          h.city ?? 'LONG BEACH',
          h.state ?? 'CA',
          h.zip ?? '90808',
        ],
      );
    });

  const rows: [string, (string | null)[]][] = [
    [
      'Class A Common Stock, par value $0.0001 per share 03/04/2025 P 500 A $7.125 10,500 I By Trust',
      ['Class A Common Stock, par value $0.0001 per share', 'P', '500', 'A', '7.125', '10500', 'I', 'By Trust'],
    ],
    [
      'American Depositary Shares 03/04/2025 F 312 D $44.01 9,688 D',
      ['American Depositary Shares', 'F', '312', 'D', '44.01', '9688', 'D', null],
    ],
    [
      'Series B Preferred Stock 03/04/2025 A 1,234.5678 A $0.0001 1,234.5678 D',
      ['Series B Preferred Stock', 'A', '1234.5678', 'A', '0.0001', '1234.5678', 'D', null],
    ],
    [
      'Common Units 03/04/2025 C 16,670 A $0 21,109,310 D',
      ['Common Units', 'C', '16670', 'A', '0', '21109310', 'D', null],
    ],
    [
      'Common Stock 03/04/2025 G 1,000 D $0 11,000 I By Spouse',
      ['Common Stock', 'G', '1000', 'D', '0', '11000', 'I', 'By Spouse'],
    ],
  ];
  for (const [row, want] of rows)
    it(`reads the row "${row}" as written`, function () {
      const r = readHeader({ owner: 'Moreau Elise', signature: 'Elise Moreau' }, row).nonDerivative[0];
      const num = (v: string | null) => (v === null ? null : v.replace(/,/g, ''));
      assert.deepEqual(
        [
          r.securityTitle.value,
          r.transactionCode.value,
          num(r.transactionShares.value),
          r.transactionAcquiredDisposedCode.value,
          num(r.transactionPricePerShare.value),
          num(r.sharesOwnedFollowingTransaction.value),
          r.directOrIndirectOwnership.value,
          r.natureOfOwnership.value,
        ],
        want,
      );
    });
});
