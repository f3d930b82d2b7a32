import { describe, it, expect } from 'vitest';
import { checkIdNumber, idCheckChar, maskFreeText, maskIdNumber, maskName, maskPhone, upgradeLegacyId } from './idNumber.js';

/**
 * The check character written out from household.md, independently of the implementation:
 * (12 − Σ aᵢ·wᵢ mod 11) mod 11 over the first 17 digits, 10 written X. Used only to build
 * numbers whose check character is right so that another rule (date, province, age) is the
 * one under test.
 */
const SPEC_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function withCheck(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`test helper needs 17 digits, got ${first17}`);
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * SPEC_WEIGHTS[i], 0);
  const v = (12 - (sum % 11)) % 11;
  return first17 + (v === 10 ? 'X' : String(v));
}

describe('test helper withCheck agrees with the hand-checked vectors of enums.md', () => {
  it.each(['11010519491231002X', '360426199101010071', '422201197208092274'])('%s', (id) => {
    expect(withCheck(id.slice(0, 17))).toBe(id);
  });
});

describe('checkIdNumber: valid vectors of enums.md', () => {
  it.each([
    ['11010519491231002X', '1949-12-31', '女', '11', '110105'],
    ['11010219840406970X', '1984-04-06', '女', '11', '110102'],
    ['360426199101010071', '1991-01-01', '男', '36', '360426'],
    ['422201197208092274', '1972-08-09', '男', '42', '422201'],
    ['371001198010082394', '1980-10-08', '男', '37', '371001'],
    ['420802197506151233', '1975-06-15', '男', '42', '420802'],
    ['420882197506151235', '1975-06-15', '男', '42', '420882'],
  ] as const)('%s → born %s, %s', (id, birthDate, gender, provinceCode, areaCode) => {
    expect(checkIdNumber(id)).toEqual({ ok: true, info: { idNumber: id, birthDate, gender, provinceCode, areaCode } });
    // also on a fill date when the holder is an adult
    expect(checkIdNumber(id, '2016-05-10').ok).toBe(true);
  });
});

describe('checkIdNumber: bad check characters of enums.md', () => {
  it.each(['110105194912310021', '11010219840506970X', '440524189001010014', '11020519491231002X', '350622197904130331'])(
    '%s is rejected for its check character',
    (id) => {
      const r = checkIdNumber(id);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toContain('校验位');
    },
  );
});

describe('idCheckChar', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['36042619910101007', '1'],
    ['42220119720809227', '4'],
    ['42080219680312051', '9'],
    ['11010219840506970', '1'],
    ['44052418800101001', '4'],
  ])('%s → %s', (first17, check) => {
    expect(idCheckChar(first17)).toBe(check);
  });
});

describe('upgradeLegacyId: 15-digit legacy numbers', () => {
  it.each([
    ['422201720809227', '422201197208092274'],
    ['110105491231002', '11010519491231002X'],
    [' 422201720809227 ', '422201197208092274'],
  ])('%s → %s', (legacy, upgraded) => {
    expect(upgradeLegacyId(legacy)).toBe(upgraded);
  });

  it('the upgraded number passes the 18-digit check', () => {
    expect(checkIdNumber('11010519491231002X', '2016-05-10')).toMatchObject({ ok: true, info: { birthDate: '1949-12-31', gender: '女' } });
  });

  it.each(['', '42220172080922', '4222017208092270', '42220172080922X', '422201197208092274', 'abcdefghijklmno'])(
    '%j is not a legacy number → null',
    (raw) => {
      expect(upgradeLegacyId(raw)).toBeNull();
    },
  );

  it('a 15-digit number is not accepted as an 18-digit one', () => {
    const r = checkIdNumber('422201720809227');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('18');
  });
});

describe('checkIdNumber: examples of household.md', () => {
  it('11010519491231002X is a woman born 1949-12-31', () => {
    const r = checkIdNumber('11010519491231002X', '2016-05-10');
    expect(r).toMatchObject({ ok: true, info: { birthDate: '1949-12-31', gender: '女' } });
  });

  it('440524188001010014: check character right, but aged 136 on a 2016 fill date', () => {
    expect(checkIdNumber('440524188001010014')).toMatchObject({ ok: true, info: { birthDate: '1880-01-01', gender: '男' } });
    const r = checkIdNumber('440524188001010014', '2016-05-10');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('120');
  });
});

describe('checkIdNumber: normalization', () => {
  it('a lowercase x is accepted and stored upper-case', () => {
    expect(checkIdNumber('11010519491231002x')).toMatchObject({ ok: true, info: { idNumber: '11010519491231002X' } });
  });
  it('surrounding blanks are ignored', () => {
    expect(checkIdNumber(' 420802196803120519 ')).toMatchObject({ ok: true, info: { idNumber: '420802196803120519' } });
  });
});

describe('checkIdNumber: form', () => {
  it.each([
    ['', '18'],
    ['42080219680312051', '18'],
    ['4208021968031205190', '18'],
    ['42080219680312051Y', '数字'],
    ['4208021968031205X9', '数字'],
    ['X20802196803120519', '数字'],
    ['42080219680312 519', '数字'],
  ])('%j is rejected (%s)', (id, word) => {
    const r = checkIdNumber(id);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(word);
  });
});

describe('checkIdNumber: birth date must be a real date', () => {
  it.each([
    ['19990229', false], // 1999 is not a leap year
    ['19000229', false], // 1900 is not a leap year (century)
    ['20000229', true], // 2000 is (divisible by 400)
    ['19960229', true],
    ['19680230', false],
    ['19680431', false],
    ['19681301', false],
    ['19680001', false],
    ['19680100', false],
    ['19681231', true],
  ])('birth %s valid=%s', (ymd, valid) => {
    const id = withCheck(`420802${ymd}051`);
    const r = checkIdNumber(id);
    expect(r.ok).toBe(valid);
    if (!r.ok) expect(r.message).toContain('出生日期');
  });
});

describe('checkIdNumber: province code (first two digits)', () => {
  const accepted = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82'];
  const rejected = ['00', '10', '16', '19', '20', '24', '30', '38', '40', '47', '49', '55', '60', '66', '70', '72', '80', '83', '90', '91', '99'];
  it.each(accepted)('%s accepted', (p) => {
    expect(checkIdNumber(withCheck(`${p}010519680312051`))).toMatchObject({ ok: true, info: { provinceCode: p } });
  });
  it.each(rejected)('%s rejected', (p) => {
    const r = checkIdNumber(withCheck(`${p}010519680312051`));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(p);
  });
  it('the rest of the address code is not checked (京山县 420821 and 京山市 420882 both valid)', () => {
    expect(checkIdNumber(withCheck('42082119680312051')).ok).toBe(true);
    expect(checkIdNumber(withCheck('42088219680312051')).ok).toBe(true);
    expect(checkIdNumber(withCheck('42999919680312051')).ok).toBe(true);
  });
});

describe('checkIdNumber: birth date against the fill date', () => {
  const born = (ymd: string) => withCheck(`420802${ymd}051`);
  it.each([
    // [birth YYYYMMDD, fill date, ok]
    ['20160510', '2016-05-10', true], // born on the fill date
    ['20160511', '2016-05-10', false], // born after the fill date
    ['20170101', '2016-05-10', false],
    ['18960510', '2016-05-10', true], // exactly 120 years before
    ['18960511', '2016-05-10', true], // 119 years and 364 days
    ['18960509', '2016-05-10', false], // 120 years and one day: more than 120 years
    ['18950510', '2016-05-10', false], // 121 years
    ['18950511', '2016-05-10', false], // 120 years and 364 days
    ['18960229', '2016-02-29', true], // exactly 120 years, leap days
    ['19000301', '2020-02-29', true], // 1900-02-29 does not exist; 120 years before 2020-02-29 ends on 1900-02-28/03-01
    ['19000228', '2020-02-29', false],
  ])('born %s, filled %s → ok=%s', (ymd, fill, ok) => {
    const r = checkIdNumber(born(ymd), fill);
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.message).toContain('出生日期');
  });

  it('a future birth date is only checked against a fill date when one is given', () => {
    expect(checkIdNumber(born('20160511')).ok).toBe(true);
  });

  it('birth after fill date says so', () => {
    const r = checkIdNumber(born('20160511'), '2016-05-10');
    expect(r).toEqual({ ok: false, message: expect.stringContaining('晚于填报日期') });
  });
});

describe('checkIdNumber: gender from the 17th digit (odd 男, even 女)', () => {
  it.each([
    ['0', '女'], ['1', '男'], ['2', '女'], ['3', '男'], ['4', '女'],
    ['5', '男'], ['6', '女'], ['7', '男'], ['8', '女'], ['9', '男'],
  ])('17th digit %s → %s', (d, gender) => {
    expect(checkIdNumber(withCheck(`4208021968031205${d}`))).toMatchObject({ ok: true, info: { gender } });
  });
});

describe('maskIdNumber', () => {
  it.each([
    ['420802196803120519', '420802********0519'],
    ['11010519491231002X', '110105********002X'],
    ['422201720809227', '422201*****9227'],
    ['', ''],
    ['12345', '*****'],
  ])('%j → %j', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked);
  });
  it.each([null, undefined])('%s → empty', (v) => {
    expect(maskIdNumber(v)).toBe('');
  });
});

describe('maskPhone', () => {
  it.each([
    ['13907240001', '139****0001'],
    ['0724-2360130', '0724-***0130'],
    ['027-87654321', '027-****4321'],
    ['0001', '0001'],
    ['', ''],
  ])('%j → %j', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
  it.each([null, undefined])('%s → empty', (v) => {
    expect(maskPhone(v)).toBe('');
  });
});

describe('masking for documents', () => {
  it('maskName keeps the first character, a 某 for each other (at least one)', () => {
    expect([maskName('张三丰'), maskName('欧阳春花'), maskName('李'), maskName(''), maskName('𠀋明')]).toEqual(['张某某', '欧某某某', '李某', '某某', '𠀋某']);
  });
  it('maskFreeText masks the given names (longest first) and runs of 7+ digits', () => {
    expect(maskFreeText('欧阳春花与女儿欧阳小雨，电话13907240001，身份证42080219680312051X', ['欧阳春花', '欧阳小雨', '欧阳']))
      .toBe('欧某某某与女儿欧某某某，电话***********，身份证******************');
    expect(maskFreeText('门牌12号，邮编448000', ['张三'])).toBe('门牌12号，邮编448000');
  });
});
