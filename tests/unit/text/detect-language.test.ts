import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../src/text/detect-language.ts';

const english =
  'The city will open its transport records so that residents and researchers can check how buses run, ' +
  'and the council will publish a yearly account of what the new sensors have measured.';
const french =
  'La ville ouvrira ses données de transport afin que les habitants puissent vérifier la ponctualité des bus, ' +
  'et le conseil publiera chaque année un bilan des mesures effectuées par les nouveaux capteurs.';
const chinese = '全市将加快建设覆盖城乡的宽带网络，推进政务数据共享，让居民办事更加便捷。';

describe('detectLanguage', () => {
  it('uses the trigram model for Latin-script text', () => {
    expect(detectLanguage(english)).toEqual({ language: 'en', method: 'trigram' });
    expect(detectLanguage(french)).toEqual({ language: 'fr', method: 'trigram' });
  });

  it('decides Chinese by script share, even after a long English title page', () => {
    expect(detectLanguage(chinese)).toEqual({ language: 'zh', method: 'script' });
    // 2 x 33 = 66 Han letters against the 22 letters of the English line: 66/88 = 0.75 >= 0.5.
    expect(detectLanguage(`Draft for comment, page one\n${chinese}\n${chinese}`)).toEqual({ language: 'zh', method: 'script' });
  });

  it('stays English when Chinese is only quoted (Han letters under half of all letters)', () => {
    expect(detectLanguage(`${english} The Chinese title is ${chinese}`).language).toBe('en');
  });

  it('tells Japanese (kana) and Korean (hangul) from Chinese', () => {
    expect(detectLanguage('市民の皆さまが安心して暮らせるまちづくりを進めるため、新しい計画を策定しました。').language).toBe('ja');
    expect(detectLanguage('시민 여러분이 안심하고 살 수 있는 도시를 만들기 위해 새로운 계획을 세웠습니다.').language).toBe('ko');
  });

  it('makes no guess from too little text', () => {
    expect(detectLanguage('Annex 3')).toEqual({ method: 'none' });
    expect(detectLanguage('')).toEqual({ method: 'none' });
    expect(detectLanguage('12345 67890 -- !!')).toEqual({ method: 'none' });
    // 23 letters: enough for the script rule, too few for trigrams (franc-min calls this line Hausa).
    expect(detectLanguage('A stray note about green data.')).toEqual({ method: 'none' });
  });
});
