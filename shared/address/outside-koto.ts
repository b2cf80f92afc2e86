// Recognising an address that names somewhere other than Koto City, so it is refused as such rather
// than as an unknown town (staff act differently: the resident is not ours at all).

const PREFECTURES: readonly string[] = [
  '北海道',
  '青森県',
  '岩手県',
  '宮城県',
  '秋田県',
  '山形県',
  '福島県',
  '茨城県',
  '栃木県',
  '群馬県',
  '埼玉県',
  '千葉県',
  '東京都',
  '神奈川県',
  '新潟県',
  '富山県',
  '石川県',
  '福井県',
  '山梨県',
  '長野県',
  '岐阜県',
  '静岡県',
  '愛知県',
  '三重県',
  '滋賀県',
  '京都府',
  '大阪府',
  '兵庫県',
  '奈良県',
  '和歌山県',
  '鳥取県',
  '島根県',
  '岡山県',
  '広島県',
  '山口県',
  '徳島県',
  '香川県',
  '愛媛県',
  '高知県',
  '福岡県',
  '佐賀県',
  '長崎県',
  '熊本県',
  '大分県',
  '宮崎県',
  '鹿児島県',
  '沖縄県',
];

const PREFECTURE_NAMES: ReadonlySet<string> = new Set(PREFECTURES);

// Tokyo's towns and villages (町村) by name: their suffix alone cannot be trusted, since 門前仲町 is a
// Koto town. Wards, cities and 郡 are caught by the general pattern below.
const TOKYO_TOWNS_AND_VILLAGES: readonly string[] = [
  '大島町',
  '利島村',
  '新島村',
  '神津島村',
  '三宅村',
  '御蔵島村',
  '八丈町',
  '青ヶ島村',
  '青ケ島村',
  '小笠原村',
  '瑞穂町',
  '日の出町',
  '檜原村',
  '奥多摩町',
];

// 東京都 itself is where Koto is, so it is never a reason to refuse.
const NAMED_PLACES: readonly string[] = [...PREFECTURES.filter((p) => p !== '東京都'), ...TOKYO_TOWNS_AND_VILLAGES].sort(
  (a, b) => b.length - a.length,
);

// A place name ending in a municipal suffix: 墨田区, 江戸川区, 浦安市, 西多摩郡, 大阪府… The name part is
// short and made of kanji/kana, the way such names are written in addresses.
const MUNICIPALITY_AT = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}々ヶ]{1,6}?[都道府県市区郡]/uy;

function municipalityAt(text: string, pos: number): string | null {
  MUNICIPALITY_AT.lastIndex = pos;
  const match = MUNICIPALITY_AT.exec(text);
  return match ? match[0] : null;
}

/**
 * The other prefecture or municipality named at `pos` (with the city that follows a prefecture, so
 * staff read 千葉県浦安市 rather than just 千葉県), or null. Callers strip 東京都 and 江東区 first.
 */
export function otherPlaceNamedAt(text: string, pos: number): string | null {
  for (const name of NAMED_PLACES) {
    if (!text.startsWith(name, pos)) continue;
    const city = PREFECTURE_NAMES.has(name) ? municipalityAt(text, pos + name.length) : null;
    return city ? name + city : name;
  }
  return municipalityAt(text, pos);
}

/**
 * Characters that, right after a Koto town name, show the name is really another municipality or
 * prefecture: 佐賀県, 深川市 (Hokkaido), 平野区 and 住吉区 (Osaka), 白河市 (Fukushima).
 */
const MUNICIPAL_SUFFIXES: ReadonlySet<string> = new Set(['都', '道', '府', '県', '市', '区', '郡', '村']);

export function isMunicipalSuffixAt(text: string, pos: number): boolean {
  const ch = text[pos];
  if (ch === undefined || !MUNICIPAL_SUFFIXES.has(ch)) return false;
  // 豊洲市場 is a market in Koto, not a city called 豊洲.
  return !(ch === '市' && text[pos + 1] === '場');
}
